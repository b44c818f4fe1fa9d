package org.ctheatmap.core.normalize;

import java.util.Arrays;

/**
 * The finite values of a set of voxels, sorted ascending, with the summary
 * statistics and percentiles that normalization uses.
 * <p>
 * Percentile p (in percent) is interpolated linearly between the two closest
 * ranks: with n sorted values v[0..n-1] and {@code h = (n - 1) * p / 100},
 * it is {@code v[floor(h)] + (h - floor(h)) * (v[floor(h) + 1] - v[floor(h)])}.
 * This is definition 7 of Hyndman and Fan (1996), the default of numpy and R.
 */
final class SortedValues {

	private final float[] values;

	private SortedValues(float[] values) {
		this.values = values;
	}

	/** Sorts the given array in place (in parallel when large) and wraps it. */
	static SortedValues sort(float[] values) {
		if (values.length > 1 << 16) {
			Arrays.parallelSort(values);
		} else {
			Arrays.sort(values);
		}
		return new SortedValues(values);
	}

	int count() {
		return values.length;
	}

	double min() {
		return values.length == 0 ? Double.NaN : values[0];
	}

	double max() {
		return values.length == 0 ? Double.NaN : values[values.length - 1];
	}

	double mean() {
		if (values.length == 0) return Double.NaN;
		double sum = 0;
		for (float v : values) {
			sum += v;
		}
		return sum / values.length;
	}

	/** Returns the population standard deviation (divided by n). */
	double standardDeviation(double mean) {
		if (values.length == 0) return Double.NaN;
		double squares = 0;
		for (float v : values) {
			squares += (v - mean) * (v - mean);
		}
		return Math.sqrt(squares / values.length);
	}

	/** Returns percentile p in percent, 0 to 100; NaN when empty. */
	double percentile(double p) {
		return quantile(p / 100);
	}

	/** Returns quantile q in [0, 1] by linear interpolation between ranks. */
	double quantile(double q) {
		int n = values.length;
		if (n == 0) return Double.NaN;
		double h = (n - 1) * q;
		int low = (int) Math.floor(h);
		if (low >= n - 1) return values[n - 1];
		return values[low] + (h - low) * ((double) values[low + 1] - values[low]);
	}

	/** Returns {@code count} quantiles at q = k / (count - 1), k = 0 .. count - 1. */
	double[] quantiles(int count) {
		double[] q = new double[count];
		for (int k = 0; k < count; k++) {
			q[k] = quantile(k / (double) (count - 1));
		}
		return q;
	}
}
