package org.ctheatmap.core.filter;

/**
 * Element-wise loops over whole rows.
 * <p>
 * NB: every loop reads and writes the same index of arrays that start at 0.
 * HotSpot (JDK 17) compiles such loops to SIMD instructions, but the same loop
 * with a different start offset per array runs about four times slower, so
 * callers first copy shifted rows into buffers with
 * {@link System#arraycopy}.
 */
final class RowOps {

	private RowOps() {}

	/** Sets {@code acc[i] += weight * row[i]} for i in [from, to). */
	static void addScaled(float[] acc, float[] row, float weight, int from, int to) {
		for (int i = from; i < to; i++) {
			acc[i] += weight * row[i];
		}
	}

	/** Sets {@code acc[i] += weight * (a[i] + b[i])} for i in [0, n). */
	static void addScaledPair(float[] acc, float[] a, float[] b, float weight, int n) {
		for (int i = 0; i < n; i++) {
			acc[i] += weight * (a[i] + b[i]);
		}
	}

	/** Sets {@code acc[i] += row[i]} for i in [from, to). */
	static void add(float[] acc, float[] row, int from, int to) {
		for (int i = from; i < to; i++) {
			acc[i] += row[i];
		}
	}

	/** Sets {@code dst[i] = min(a[i], b[i])} for i in [0, n). */
	static void min(float[] dst, float[] a, float[] b, int n) {
		for (int i = 0; i < n; i++) {
			dst[i] = Math.min(a[i], b[i]);
		}
	}

	/** Sets {@code dst[i] = max(a[i], b[i])} for i in [0, n). */
	static void max(float[] dst, float[] a, float[] b, int n) {
		for (int i = 0; i < n; i++) {
			dst[i] = Math.max(a[i], b[i]);
		}
	}

	/** Sets {@code row[i] *= factor} for i in [0, n). */
	static void scale(float[] row, float factor, int n) {
		for (int i = 0; i < n; i++) {
			row[i] *= factor;
		}
	}

	/** Sets {@code dst[i] = (a[i] + b[i]) / 2} for i in [0, n). */
	static void mean(float[] dst, float[] a, float[] b, int n) {
		for (int i = 0; i < n; i++) {
			dst[i] = 0.5f * (a[i] + b[i]);
		}
	}
}
