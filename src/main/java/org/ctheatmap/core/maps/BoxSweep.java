package org.ctheatmap.core.maps;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Running box sums of one band of rows through every slice, for
 * {@link BoxStatistics}; one instance per band.
 * <p>
 * The sums are separable, so they run along z first. Three arrays hold the
 * sums of values, squared values and counts over the slices z - rz..z + rz,
 * for the band's rows and the ry rows on either side. Each step adds the
 * entering slice and subtracts the leaving one. For each output slice,
 * sums along x fill a ring of 2 ry + 2 rows, and a running sum over that
 * ring gives the box sums of one output row. A band of 32 rows of 512
 * pixels keeps these arrays in the processor cache, so each input value is
 * read from memory about twice. Without a mask and with every value finite,
 * counts follow from the clipped box extents and are not summed.
 */
final class BoxSweep {

	private final float[][] slices;
	private final int width;
	private final int height;
	private final int rx;
	private final int ry;
	private final int rz;
	private final boolean[][] mask;
	private final boolean withSd;
	/** Whether counts must be summed: a mask, or a value that is not finite. */
	private final boolean counting;

	private final int firstRow;
	private final int endRow;
	/** First row held in the z sums: ry above the band, clipped. */
	private final int heldFrom;
	private final double[] zSum;
	private final double[] zSquares;
	private final int[] zCount;
	private final double[][] ringSum;
	private final double[][] ringSquares;
	private final int[][] ringCount;
	private final double[] ySum;
	private final double[] ySquares;
	private final int[] yCount;
	/** Clipped box extent along x of each column, for the counts without summing. */
	private final int[] xExtent;
	private final Map<Integer, double[][]> reciprocalCache = new HashMap<>();

	/**
	 * Prepares the sums of output rows {@code firstRow..endRow - 1}.
	 *
	 * @param allFinite whether every value is finite; only used without a mask
	 */
	BoxSweep(float[][] slices, int width, int height, int[] half, boolean[][] mask,
		boolean withSd, boolean allFinite, int firstRow, int endRow)
	{
		this.slices = slices;
		this.width = width;
		this.height = height;
		this.rx = half[0];
		this.ry = half[1];
		this.rz = half[2];
		this.mask = mask;
		this.withSd = withSd;
		this.counting = mask != null || !allFinite;
		this.firstRow = firstRow;
		this.endRow = endRow;
		this.heldFrom = Math.max(0, firstRow - ry);
		int plane = (Math.min(height, endRow + ry) - heldFrom) * width;
		zSum = new double[plane];
		zSquares = withSd ? new double[plane] : null;
		zCount = counting ? new int[plane] : null;
		int rows = Math.min(2 * ry + 2, height + 1);
		ringSum = new double[rows][width];
		ringSquares = withSd ? new double[rows][width] : null;
		ringCount = counting ? new int[rows][width] : null;
		ySum = new double[width];
		ySquares = withSd ? new double[width] : null;
		yCount = counting ? new int[width] : null;
		xExtent = new int[width];
		for (int x = 0; x < width; x++) {
			xExtent[x] = extent(x, rx, width);
		}
	}

	/**
	 * Writes the statistics of the band's rows into every output slice.
	 *
	 * @param means allocated output planes
	 * @param sds allocated output planes, or null without the SD
	 */
	void run(float[][] means, float[][] sds) {
		int depth = slices.length;
		for (int z = 0; z < Math.min(depth, rz); z++) {
			addSlice(z, 1);
		}
		for (int z = 0; z < depth; z++) {
			if (z + rz < depth) addSlice(z + rz, 1);
			if (z - rz - 1 >= 0) addSlice(z - rz - 1, -1);
			emitSlice(z, means[z], sds == null ? null : sds[z]);
		}
	}

	/** Adds (sign 1) or subtracts (sign -1) the held rows of one slice to the z sums. */
	private void addSlice(int k, int sign) {
		float[] values = slices[k];
		int offset = heldFrom * width;
		int size = zSum.length;
		if (!counting) {
			for (int i = 0; i < size; i++) {
				double v = values[offset + i];
				zSum[i] += sign * v;
			}
			if (!withSd) return;
			for (int i = 0; i < size; i++) {
				double v = values[offset + i];
				zSquares[i] += sign * v * v;
			}
			return;
		}
		boolean[] inside = mask == null ? null : mask[k];
		for (int i = 0; i < size; i++) {
			float v = values[offset + i];
			if (!Float.isFinite(v) || inside != null && !inside[offset + i]) continue;
			zSum[i] += sign * (double) v;
			if (withSd) zSquares[i] += sign * (double) v * v;
			zCount[i] += sign;
		}
	}

	/** Computes the in-plane box sums of the band and writes its rows of one slice. */
	private void emitSlice(int z, float[] mean, float[] sd) {
		Arrays.fill(ySum, 0);
		if (withSd) Arrays.fill(ySquares, 0);
		if (counting) Arrays.fill(yCount, 0);
		for (int y = heldFrom; y < Math.min(firstRow + ry, height); y++) {
			rowSums(y);
			addRow(y % ringSum.length, 1);
		}
		int zExtent = extent(z, rz, slices.length);
		boolean[] inside = mask == null ? null : mask[z];
		for (int y = firstRow; y < endRow; y++) {
			if (y + ry < height) {
				rowSums(y + ry);
				addRow((y + ry) % ringSum.length, 1);
			}
			// Rows above the band were added above, so only later rows leave.
			if (y - ry - 1 >= heldFrom && y > firstRow) {
				addRow((y - ry - 1) % ringSum.length, -1);
			}
			int planeCount = zExtent * extent(y, ry, height);
			finishRow(y * width, planeCount, inside, mean, sd);
		}
	}

	/** Fills the ring row of row y with the sums along x of the z sums. */
	private void rowSums(int y) {
		int slot = y % ringSum.length;
		int row = (y - heldFrom) * width;
		slide(zSum, row, ringSum[slot]);
		if (withSd) slide(zSquares, row, ringSquares[slot]);
		if (counting) slideCounts(zCount, row, ringCount[slot]);
	}

	/** Writes the running sums of a window of 2 rx + 1 along one row. */
	private void slide(double[] source, int row, double[] out) {
		double s = 0;
		for (int x = 0; x < Math.min(rx, width); x++) {
			s += source[row + x];
		}
		for (int x = 0; x < width; x++) {
			if (x + rx < width) s += source[row + x + rx];
			if (x - rx - 1 >= 0) s -= source[row + x - rx - 1];
			out[x] = s;
		}
	}

	private void slideCounts(int[] source, int row, int[] out) {
		int s = 0;
		for (int x = 0; x < Math.min(rx, width); x++) {
			s += source[row + x];
		}
		for (int x = 0; x < width; x++) {
			if (x + rx < width) s += source[row + x + rx];
			if (x - rx - 1 >= 0) s -= source[row + x - rx - 1];
			out[x] = s;
		}
	}

	/** Adds (sign 1) or subtracts (sign -1) a ring row to the running row sums. */
	private void addRow(int slot, int sign) {
		double[] sum = ringSum[slot];
		for (int x = 0; x < width; x++) {
			ySum[x] += sign * sum[x];
		}
		if (withSd) {
			double[] squares = ringSquares[slot];
			for (int x = 0; x < width; x++) {
				ySquares[x] += sign * squares[x];
			}
		}
		if (counting) {
			int[] count = ringCount[slot];
			for (int x = 0; x < width; x++) {
				yCount[x] += sign * count[x];
			}
		}
	}

	/**
	 * Writes the mean and SD of one output row from the running sums.
	 *
	 * @param planeCount box extent along y times along z, used without counting
	 */
	private void finishRow(int row, int planeCount, boolean[] inside, float[] mean,
		float[] sd)
	{
		if (!counting) {
			finishFullRow(row, reciprocals(planeCount), mean, sd);
			return;
		}
		for (int x = 0; x < width; x++) {
			int n = counting ? yCount[x] : planeCount * xExtent[x];
			if (n == 0 || inside != null && !inside[row + x]) {
				mean[row + x] = Float.NaN;
				if (sd != null) sd[row + x] = Float.NaN;
				continue;
			}
			double m = ySum[x] / n;
			mean[row + x] = (float) m;
			if (sd == null) continue;
			double variance = n > 1 ? (ySquares[x] - m * ySum[x]) / (n - 1) : 0;
			sd[row + x] = (float) Math.sqrt(Math.max(0, variance));
		}
	}

	/**
	 * Writes one output row when every box is full of finite values. It
	 * multiplies by stored reciprocals instead of dividing, and its loops have
	 * no branches, so the JIT compiler can vectorise them.
	 */
	private void finishFullRow(int row, double[][] reciprocals, float[] mean, float[] sd) {
		double[] perCount = reciprocals[0];
		for (int x = 0; x < width; x++) {
			mean[row + x] = (float) (ySum[x] * perCount[x]);
		}
		if (sd == null) return;
		double[] perDegree = reciprocals[1];
		for (int x = 0; x < width; x++) {
			double m = ySum[x] * perCount[x];
			double variance = (ySquares[x] - m * ySum[x]) * perDegree[x];
			sd[row + x] = (float) Math.sqrt(Math.max(0, variance));
		}
	}

	/**
	 * Returns {1 / n, 1 / (n - 1)} for every column of a row whose boxes have
	 * {@code planeCount} voxels per column of the box; 1 / (n - 1) is 0 for
	 * n = 1, so a single voxel has SD 0. Rows share few plane counts, so the
	 * arrays are cached.
	 */
	private double[][] reciprocals(int planeCount) {
		double[][] cached = reciprocalCache.get(planeCount);
		if (cached != null) return cached;
		double[] perCount = new double[width];
		double[] perDegree = new double[width];
		for (int x = 0; x < width; x++) {
			int n = planeCount * xExtent[x];
			perCount[x] = 1.0 / n;
			perDegree[x] = n > 1 ? 1.0 / (n - 1) : 0;
		}
		cached = new double[][] { perCount, perDegree };
		reciprocalCache.put(planeCount, cached);
		return cached;
	}

	/** Returns how many indices of 0..size - 1 lie within r of index i. */
	private static int extent(int i, int r, int size) {
		return Math.min(size - 1, i + r) - Math.max(0, i - r) + 1;
	}
}
