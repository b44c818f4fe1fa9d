package org.ctheatmap.core.filter;

/**
 * Convolves n rows of equal width with a kernel across rows: output row p is
 * the weighted sum of input rows p + k. Used for the y pass (rows of a slice)
 * and the z pass (the same row in every slice).
 * <p>
 * Each input row is copied once into an aligned buffer and added to the
 * accumulators of every output row it reaches, so all inner loops are
 * vectorisable. Instances hold n + 1 row buffers and are not thread-safe.
 */
final class LineConvolver {

	private final int width;
	private final float[][] acc;
	private final float[] row;

	LineConvolver(int rows, int width) {
		this.width = width;
		this.acc = new float[rows][width];
		this.row = new float[width];
	}

	/**
	 * Replaces row p, stored at {@code arrays[p][offsets[p]]}, by
	 * {@code inverse[p] * sum over k of kernel[k + r] * row(p + k)}, where only
	 * rows p + k inside [0, n) take part.
	 */
	void convolve(float[][] arrays, int[] offsets, float[] kernel, float[] inverse) {
		int n = acc.length;
		int radius = kernel.length / 2;
		for (float[] a : acc) {
			java.util.Arrays.fill(a, 0f);
		}
		for (int q = 0; q < n; q++) {
			System.arraycopy(arrays[q], offsets[q], row, 0, width);
			// Source row q reaches output rows p = q - k.
			int pFrom = Math.max(0, q - radius);
			int pTo = Math.min(n - 1, q + radius);
			for (int p = pFrom; p <= pTo; p++) {
				RowOps.addScaled(acc[p], row, kernel[q - p + radius], 0, width);
			}
		}
		for (int p = 0; p < n; p++) {
			RowOps.scale(acc[p], inverse[p], width);
			System.arraycopy(acc[p], 0, arrays[p], offsets[p], width);
		}
	}
}
