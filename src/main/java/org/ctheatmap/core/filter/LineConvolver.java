package org.ctheatmap.core.filter;

/**
 * Convolves n rows of equal width with a symmetric kernel across rows: output
 * row p is the weighted sum of input rows p + k. Used for the y pass (rows of
 * a slice) and the z pass (the same row in every slice).
 * <p>
 * All input rows are first copied into separate arrays, so that each output
 * row is summed in one cache-resident buffer with vectorisable loops that
 * read two rows at the same index; this also makes the operation safe in
 * place. Instances hold n + 1 row buffers and are not thread-safe.
 */
final class LineConvolver {

	private final int width;
	private final float[][] rows;
	private final float[] acc;

	LineConvolver(int rows, int width) {
		this.width = width;
		this.rows = new float[rows][width];
		this.acc = new float[width];
	}

	/**
	 * Replaces row p, stored at {@code arrays[p][offsets[p]]}, by
	 * {@code inverse[p] * sum over k of kernel[k + r] * row(p + k)}, where only
	 * rows p + k inside [0, n) take part.
	 */
	void convolve(float[][] arrays, int[] offsets, float[] kernel, float[] inverse) {
		int n = rows.length;
		int radius = kernel.length / 2;
		for (int q = 0; q < n; q++) {
			System.arraycopy(arrays[q], offsets[q], rows[q], 0, width);
		}
		for (int p = 0; p < n; p++) {
			System.arraycopy(rows[p], 0, acc, 0, width);
			RowOps.scale(acc, kernel[radius], width);
			for (int k = 1; k <= radius; k++) {
				boolean below = p - k >= 0;
				boolean above = p + k < n;
				if (below && above) {
					RowOps.addScaledPair(acc, rows[p - k], rows[p + k], kernel[radius + k], width);
				} else if (below || above) {
					RowOps.addScaled(acc, rows[below ? p - k : p + k], kernel[radius + k], 0, width);
				}
			}
			RowOps.scale(acc, inverse[p], width);
			System.arraycopy(acc, 0, arrays[p], offsets[p], width);
		}
	}
}
