package org.ctheatmap.core.filter;

/**
 * Convolves each row of a slice with a symmetric kernel along x, in place,
 * through a zero-padded copy of the row. Instances hold four row buffers and
 * are not thread-safe.
 */
final class RowConvolver {

	private final int width;
	private final float[] kernel;
	private final float[] inverse;
	private final int radius;
	private final float[] padded;
	private final float[] left;
	private final float[] right;
	private final float[] acc;

	/**
	 * @param kernel weights for offsets -r to r, symmetric
	 * @param inverse per-column factor applied to the sum, see
	 *          {@link GaussianFilter#inverseNorms}
	 */
	RowConvolver(int width, float[] kernel, float[] inverse) {
		this.width = width;
		this.kernel = kernel;
		this.inverse = inverse;
		this.radius = kernel.length / 2;
		this.padded = new float[width + 2 * radius];
		this.left = new float[width];
		this.right = new float[width];
		this.acc = new float[width];
	}

	/** Replaces rows 0 to rows - 1 of {@code slice}, each {@code width} long. */
	void convolveRows(float[] slice, int rows) {
		for (int y = 0; y < rows; y++) {
			System.arraycopy(slice, y * width, padded, radius, width);
			System.arraycopy(padded, radius, acc, 0, width);
			RowOps.scale(acc, kernel[radius], width);
			for (int k = 1; k <= radius; k++) {
				System.arraycopy(padded, radius - k, left, 0, width);
				System.arraycopy(padded, radius + k, right, 0, width);
				RowOps.addScaledPair(acc, left, right, kernel[radius + k], width);
			}
			for (int x = 0; x < width; x++) {
				acc[x] *= inverse[x];
			}
			System.arraycopy(acc, 0, slice, y * width, width);
		}
	}
}
