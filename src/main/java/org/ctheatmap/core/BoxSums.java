package org.ctheatmap.core;

/**
 * In-plane box sums of one slice: for each pixel, the mean and count of the
 * finite values in the rectangle x - rx..x + rx, y - ry..y + ry clipped to
 * the slice. Prefix sums along rows, then along columns, make the cost
 * independent of the box size. One instance reuses its buffers slice after
 * slice; it is not thread-safe.
 */
final class BoxSums {

	private final int width;
	private final int height;
	private final double[] rowSums;
	private final int[] rowCounts;
	private final double[] prefixSum;
	private final int[] prefixCount;
	private float[] means;
	private float[] counts;

	BoxSums(int width, int height) {
		this.width = width;
		this.height = height;
		rowSums = new double[width * height];
		rowCounts = new int[width * height];
		int longest = Math.max(width, height) + 1;
		prefixSum = new double[longest];
		prefixCount = new int[longest];
	}

	/** Computes the box means and counts of a slice in row-major order. */
	void compute(float[] pixels, int rx, int ry) {
		for (int y = 0; y < height; y++) {
			int row = y * width;
			prefixSum[0] = 0;
			prefixCount[0] = 0;
			for (int x = 0; x < width; x++) {
				float v = pixels[row + x];
				boolean finite = Float.isFinite(v);
				prefixSum[x + 1] = prefixSum[x] + (finite ? v : 0);
				prefixCount[x + 1] = prefixCount[x] + (finite ? 1 : 0);
			}
			for (int x = 0; x < width; x++) {
				int from = Math.max(0, x - rx);
				int to = Math.min(width, x + rx + 1);
				rowSums[row + x] = prefixSum[to] - prefixSum[from];
				rowCounts[row + x] = prefixCount[to] - prefixCount[from];
			}
		}
		means = new float[width * height];
		counts = new float[width * height];
		for (int x = 0; x < width; x++) {
			prefixSum[0] = 0;
			prefixCount[0] = 0;
			for (int y = 0; y < height; y++) {
				prefixSum[y + 1] = prefixSum[y] + rowSums[y * width + x];
				prefixCount[y + 1] = prefixCount[y] + rowCounts[y * width + x];
			}
			for (int y = 0; y < height; y++) {
				int from = Math.max(0, y - ry);
				int to = Math.min(height, y + ry + 1);
				int n = prefixCount[to] - prefixCount[from];
				counts[y * width + x] = n;
				means[y * width + x] = n > 0 ? (float) ((prefixSum[to] - prefixSum[from]) / n) : 0;
			}
		}
	}

	/** Returns the box means of the last slice; 0 where the count is 0. */
	float[] means() {
		return means;
	}

	/** Returns the counts of finite pixels in each box of the last slice. */
	float[] counts() {
		return counts;
	}
}
