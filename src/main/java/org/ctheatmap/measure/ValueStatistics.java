package org.ctheatmap.measure;

import java.util.Arrays;

/**
 * Statistics of the values of one image inside one region, in the image's
 * calibrated value unit (HU for CT). Instances are immutable.
 * <p>
 * Definitions, for the {@code n} values that are not NaN (NaN values, as in
 * masked parameter maps, are left out as ImageJ's Measure leaves them out):
 * <ul>
 * <li>mean: arithmetic mean, summed in double precision;</li>
 * <li>SD: sample standard deviation with divisor {@code n - 1}, as ImageJ's
 * Measure; 0 when {@code n == 1}, again as ImageJ;</li>
 * <li>percentile {@code p}: linear interpolation between the two nearest
 * order statistics at the 0-based rank {@code h = (n - 1) p / 100} of the
 * sorted values (Hyndman and Fan's type 7, the default of NumPy and R), so the
 * median is the middle value or the mean of the two middle values;</li>
 * <li>fraction above threshold: number of values strictly greater than the
 * threshold divided by {@code n}.</li>
 * </ul>
 * Every statistic is NaN when {@code n == 0}.
 */
public final class ValueStatistics {

	/** Percentiles reported, in percent. */
	static final double[] PERCENTILES = { 5, 25, 50, 75, 95 };

	/**
	 * Widest range of whole-number values counted in a histogram instead of
	 * sorted; covers every 16-bit CT (65536 values) with a 4 MB table.
	 */
	static final int MAX_HISTOGRAM_RANGE = 1 << 20;

	private final int count;
	private final double mean;
	private final double sd;
	private final double min;
	private final double max;
	private final double[] percentiles;
	private final double fractionAbove;

	ValueStatistics(int count, double mean, double sd, double min, double max,
		double[] percentiles, double fractionAbove)
	{
		this.count = count;
		this.mean = mean;
		this.sd = sd;
		this.min = min;
		this.max = max;
		this.percentiles = percentiles;
		this.fractionAbove = fractionAbove;
	}

	/**
	 * Computes the statistics of values; the array is not modified.
	 *
	 * @param threshold value for {@link #fractionAbove()}, or NaN for none
	 */
	public static ValueStatistics of(float[] values, double threshold) {
		return of(values, values.length, threshold);
	}

	/**
	 * Computes the statistics of the first {@code size} values; the array is
	 * not modified. Whole-number values, such as HU read from 16-bit data, are
	 * counted in a histogram, which gives the same order statistics as sorting
	 * in linear time.
	 */
	static ValueStatistics of(float[] values, int size, double threshold) {
		ValueStatistics counted = IntegerHistogram.statistics(values, size, threshold);
		return counted != null ? counted : bySorting(values, size, threshold);
	}

	/** Computes the statistics of the first {@code size} values by sorting a copy. */
	static ValueStatistics bySorting(float[] values, int size, double threshold) {
		return ofSorted(sortedCopy(values, size), threshold);
	}

	private static float[] sortedCopy(float[] values, int size) {
		float[] sorted = Arrays.copyOf(values, size);
		// Arrays.sort places NaN after every number, so the numbers form a prefix.
		Arrays.sort(sorted);
		return sorted;
	}

	private static ValueStatistics ofSorted(float[] sorted, double threshold) {
		int n = sorted.length;
		while (n > 0 && Float.isNaN(sorted[n - 1])) {
			n--;
		}
		double[] percentiles = new double[PERCENTILES.length];
		if (n == 0) {
			Arrays.fill(percentiles, Double.NaN);
			return new ValueStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
				percentiles, Double.NaN);
		}
		double sum = 0;
		for (int i = 0; i < n; i++) {
			sum += sorted[i];
		}
		double mean = sum / n;
		double squares = 0;
		int above = 0;
		for (int i = 0; i < n; i++) {
			double d = sorted[i] - mean;
			squares += d * d;
			if (sorted[i] > threshold) above++;
		}
		double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
		for (int p = 0; p < PERCENTILES.length; p++) {
			percentiles[p] = percentile(sorted, n, PERCENTILES[p]);
		}
		double fraction = Double.isNaN(threshold) ? Double.NaN : (double) above / n;
		return new ValueStatistics(n, mean, sd, sorted[0], sorted[n - 1], percentiles,
			fraction);
	}

	private static double percentile(float[] sorted, int n, double percent) {
		double rank = (n - 1) * percent / 100;
		int below = (int) Math.floor(rank);
		if (below >= n - 1) return sorted[n - 1];
		return interpolate(sorted[below], sorted[below + 1], rank - below);
	}

	/**
	 * Returns the type 7 percentile between the order statistics at ranks
	 * {@code floor(h)} and {@code floor(h) + 1}, {@code weight} being
	 * {@code h - floor(h)}.
	 */
	static double interpolate(double lower, double upper, double weight) {
		return lower + weight * (upper - lower);
	}

	/** Returns the number of values that are not NaN. */
	public int count() {
		return count;
	}

	public double mean() {
		return mean;
	}

	/** Returns the sample standard deviation (divisor n - 1). */
	public double sd() {
		return sd;
	}

	public double min() {
		return min;
	}

	public double max() {
		return max;
	}

	public double median() {
		return percentile(50);
	}

	/**
	 * Returns a percentile as defined in the class description.
	 *
	 * @param percent one of 5, 25, 50, 75 and 95
	 * @throws IllegalArgumentException for any other percentile
	 */
	public double percentile(double percent) {
		for (int p = 0; p < PERCENTILES.length; p++) {
			if (PERCENTILES[p] == percent) return percentiles[p];
		}
		throw new IllegalArgumentException("Percentile " + percent + " is not computed; use " +
			Arrays.toString(PERCENTILES));
	}

	/**
	 * Returns the fraction (0 to 1) of values strictly above the threshold, or
	 * NaN when no threshold was given.
	 */
	public double fractionAbove() {
		return fractionAbove;
	}
}
