package org.ctheatmap.core.hotspot;

/**
 * Breadth-first region growing over the voxels at or above a threshold,
 * writing a label per voxel. Voxel (i, j, k) has the flat index
 * {@code k * width * height + j * width + i}, which fits an int for volumes
 * of up to 2^31 - 1 voxels.
 */
final class Grower {

	private final float[][] slices;
	private final int width;
	private final int height;
	private final double threshold;
	private final int[][] offsets;
	private final int[][] labels;
	private int[] queue = new int[1024];

	Grower(float[][] slices, int width, int height, double threshold,
		Connectivity connectivity)
	{
		if ((long) width * height * slices.length > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("Volume of " + width + " x " + height + " x " +
				slices.length + " voxels is too large for hotspot labels");
		}
		this.slices = slices;
		this.width = width;
		this.height = height;
		this.threshold = threshold;
		this.offsets = connectivity.offsets();
		this.labels = new int[slices.length][width * height];
	}

	/** Returns whether a voxel is at or above the threshold and not labelled yet. */
	boolean isSeed(int k, int index) {
		return labels[k][index] == 0 && slices[k][index] >= threshold;
	}

	/** Labels the region that contains a seed voxel and returns its statistics. */
	HotspotFinder.Region grow(int k, int index, int label) {
		HotspotFinder.Region region = new HotspotFinder.Region(label);
		int plane = width * height;
		int head = 0;
		int tail = 0;
		labels[k][index] = label;
		queue[tail++] = k * plane + index;
		while (head < tail) {
			int flat = queue[head++];
			int z = flat / plane;
			int rest = flat - z * plane;
			int y = rest / width;
			int x = rest - y * width;
			region.add(x, y, z, slices[z][rest]);
			for (int[] d : offsets) {
				int nx = x + d[0];
				int ny = y + d[1];
				int nz = z + d[2];
				if (!inside(nx, ny, nz)) continue;
				int n = ny * width + nx;
				if (labels[nz][n] != 0 || !(slices[nz][n] >= threshold)) continue;
				labels[nz][n] = label;
				if (tail == queue.length) queue = java.util.Arrays.copyOf(queue, queue.length * 2);
				queue[tail++] = nz * plane + n;
			}
		}
		region.seedSlice = k;
		region.seedIndex = index;
		return region;
	}

	/**
	 * Marks a dropped region's voxels with -1, so they are neither seeds again
	 * nor part of a kept hotspot. Grows from the seed again, so the cost is
	 * the region's size.
	 */
	void erase(HotspotFinder.Region region) {
		int label = region.label;
		int plane = width * height;
		int head = 0;
		int tail = 0;
		labels[region.seedSlice][region.seedIndex] = -1;
		queue[tail++] = region.seedSlice * plane + region.seedIndex;
		while (head < tail) {
			int flat = queue[head++];
			int z = flat / plane;
			int rest = flat - z * plane;
			int y = rest / width;
			int x = rest - y * width;
			for (int[] d : offsets) {
				int nx = x + d[0];
				int ny = y + d[1];
				int nz = z + d[2];
				if (!inside(nx, ny, nz)) continue;
				int n = ny * width + nx;
				if (labels[nz][n] != label) continue;
				labels[nz][n] = -1;
				if (tail == queue.length) queue = java.util.Arrays.copyOf(queue, queue.length * 2);
				queue[tail++] = nz * plane + n;
			}
		}
	}

	private boolean inside(int x, int y, int z) {
		return x >= 0 && y >= 0 && z >= 0 && x < width && y < height && z < slices.length;
	}

	/** Returns the labels renumbered by {@code newId[label]}; dropped voxels become 0. */
	int[][] relabel(int[] newId) {
		for (int[] plane : labels) {
			for (int i = 0; i < plane.length; i++) {
				int label = plane[i];
				plane[i] = label > 0 && label < newId.length ? newId[label] : 0;
			}
		}
		return labels;
	}
}
