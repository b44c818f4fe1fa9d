package org.ctheatmap.core.filter;

/**
 * Access to the neighbours of voxels of a {@link FloatVolume}: per-voxel
 * gathering for the boundary, and shifted row copies for runs of interior
 * voxels. It records which rows contain NaN, so that NaN-free windows can
 * skip NaN checks.
 */
final class NeighbourRows {

	private final float[][] slices;
	private final int width;
	private final int height;
	private final int depth;
	private final int[] dx;
	private final int[] dy;
	private final int[] dz;
	private final int[] extent = new int[3];
	private final boolean[][] rowHasNaN;

	NeighbourRows(FloatVolume source, Neighbourhood neighbourhood) {
		this.slices = source.slices();
		this.width = source.width();
		this.height = source.height();
		this.depth = source.depth();
		int n = neighbourhood.size();
		dx = new int[n];
		dy = new int[n];
		dz = new int[n];
		for (int i = 0; i < n; i++) {
			int[] o = neighbourhood.offset(i);
			dx[i] = o[0];
			dy[i] = o[1];
			dz[i] = o[2];
		}
		for (int axis = 0; axis < 3; axis++) {
			extent[axis] = neighbourhood.extent(axis);
		}
		rowHasNaN = new boolean[depth][height];
		Parallel.forRange(depth, (from, to) -> {
			for (int z = from; z < to; z++) {
				for (int y = 0; y < height; y++) {
					rowHasNaN[z][y] = hasNaN(slices[z], y * width, width);
				}
			}
		});
	}

	private static boolean hasNaN(float[] values, int from, int length) {
		for (int i = from; i < from + length; i++) {
			if (values[i] != values[i]) return true;
		}
		return false;
	}

	int width() {
		return width;
	}

	int size() {
		return dx.length;
	}

	/** Returns the largest |offset| along an axis (0 = x, 1 = y, 2 = z). */
	int extent(int axis) {
		return extent[axis];
	}

	/** Returns whether every neighbour row of row (y, z) is inside the volume. */
	boolean isInterior(int y, int z) {
		return y >= extent[1] && y + extent[1] < height && z >= extent[2] && z + extent[2] < depth;
	}

	/** Returns whether a neighbour row of interior row (y, z) contains a NaN. */
	boolean windowHasNaN(int y, int z) {
		for (int i = 0; i < dx.length; i++) {
			if (rowHasNaN[z + dz[i]][y + dy[i]]) return true;
		}
		return false;
	}

	/**
	 * Copies the values of neighbour {@code i} of the voxels x in [from, to)
	 * of interior row (y, z) to {@code row[x - from]}.
	 */
	void load(int i, int y, int z, int from, int to, float[] row) {
		System.arraycopy(slices[z + dz[i]], (y + dy[i]) * width + from + dx[i], row, 0, to - from);
	}

	/**
	 * Copies neighbour {@code i} of every voxel of row (y, z) that has that
	 * neighbour inside the volume: {@code row[x]} for x in [range[0],
	 * range[1]). Returns false, copying nothing, when the neighbour row lies
	 * outside the volume.
	 */
	boolean loadClipped(int i, int y, int z, float[] row, int[] range) {
		int yy = y + dy[i];
		int zz = z + dz[i];
		if (yy < 0 || zz < 0 || yy >= height || zz >= depth) return false;
		int from = Math.max(0, -dx[i]);
		int to = Math.min(width, width - dx[i]);
		if (from >= to) return false;
		System.arraycopy(slices[zz], yy * width + from + dx[i], row, from, to - from);
		range[0] = from;
		range[1] = to;
		return true;
	}

	/** Returns whether neighbour row {@code i} of row (y, z), inside the volume, has NaN. */
	boolean neighbourRowHasNaN(int i, int y, int z) {
		return rowHasNaN[z + dz[i]][y + dy[i]];
	}

	/** Returns the offset of neighbour i as {dx, dy, dz}. */
	int[] offset(int i) {
		return new int[] { dx[i], dy[i], dz[i] };
	}

	/**
	 * Copies {@code length} values of row (y + dy, z + dz), starting at column
	 * {@code xFrom}, to {@code row[0 ...]}; the row must lie inside the volume.
	 */
	void loadRow(int dy, int dz, int y, int z, int xFrom, int length, float[] row) {
		System.arraycopy(slices[z + dz], (y + dy) * width + xFrom, row, 0, length);
	}

	/**
	 * Sets {@code sum[x - from]} to the sum of all neighbours of (x, y, z), for
	 * x in [from, to) of an interior row; NaN where a neighbour is NaN.
	 */
	void sumWindow(int y, int z, int from, int to, float[] sum, float[] row) {
		int n = to - from;
		java.util.Arrays.fill(sum, 0, n, 0f);
		for (int i = 0; i < dx.length; i++) {
			load(i, y, z, from, to, row);
			RowOps.add(sum, row, 0, n);
		}
	}

	/**
	 * Copies the neighbours of (x, y, z) that lie inside the volume and are not
	 * NaN into {@code values} and returns their count; 0 when the voxel itself
	 * is NaN.
	 */
	int gather(int x, int y, int z, float[] values) {
		float centre = slices[z][y * width + x];
		if (centre != centre) return 0;
		int n = 0;
		for (int i = 0; i < dx.length; i++) {
			int xx = x + dx[i];
			int yy = y + dy[i];
			int zz = z + dz[i];
			if (xx < 0 || yy < 0 || zz < 0 || xx >= width || yy >= height || zz >= depth) continue;
			float v = slices[zz][yy * width + xx];
			if (v == v) values[n++] = v;
		}
		return n;
	}
}
