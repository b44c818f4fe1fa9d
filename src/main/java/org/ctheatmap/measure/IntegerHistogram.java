package org.ctheatmap.measure;

/**
 * Computes {@link ValueStatistics} of whole-number values from a histogram
 * of counts, in time linear in the number of values plus their range.
 * <p>
 * The results equal those of sorting, except for rounding in the last
 * digits of the SD. Order statistics are read from the cumulative counts,
 * and the mean is exact in both because sums of fewer than 2^29 whole
 * numbers below 2^24 in magnitude stay exact in double precision.
 */
final class IntegerHistogram {

	private IntegerHistogram() {}

	/** Largest magnitude of a value counted; see the class description. */
	private static final float MAX_MAGNITUDE = 1 << 24;

	/**
	 * Returns the statistics of the first {@code size} values, or null when a
	 * value is neither NaN nor a whole number below {@code 2^24} in magnitude,
	 * or the range exceeds {@link ValueStatistics#MAX_HISTOGRAM_RANGE}, so the
	 * caller must sort.
	 */
	static ValueStatistics statistics(float[] values, int size, double threshold) {
		int n = 0;
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < size; i++) {
			float v = values[i];
			if (Float.isNaN(v)) continue;
			if (v != Math.rint(v) || Math.abs(v) >= MAX_MAGNITUDE) return null;
			n++;
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (n == 0 || (double) max - min >= ValueStatistics.MAX_HISTOGRAM_RANGE) return null;
		int offset = (int) min;
		int[] cumulative = new int[(int) (max - min) + 1];
		double sum = 0;
		for (int i = 0; i < size; i++) {
			float v = values[i];
			if (Float.isNaN(v)) continue;
			cumulative[(int) v - offset]++;
			sum += v;
		}
		double mean = sum / n;
		double squares = 0;
		int above = 0;
		for (int bin = 0; bin < cumulative.length; bin++) {
			int count = cumulative[bin];
			if (count == 0) continue;
			double value = bin + offset;
			squares += count * (value - mean) * (value - mean);
			if (value > threshold) above += count;
		}
		for (int bin = 1; bin < cumulative.length; bin++) {
			cumulative[bin] += cumulative[bin - 1];
		}
		double[] percentiles = new double[ValueStatistics.PERCENTILES.length];
		for (int p = 0; p < percentiles.length; p++) {
			double rank = (n - 1) * ValueStatistics.PERCENTILES[p] / 100;
			int below = (int) Math.floor(rank);
			double lower = orderStatistic(cumulative, offset, below);
			double upper = below >= n - 1 ? lower : orderStatistic(cumulative, offset, below + 1);
			percentiles[p] = ValueStatistics.interpolate(lower, upper, rank - below);
		}
		double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
		double fraction = Double.isNaN(threshold) ? Double.NaN : (double) above / n;
		return new ValueStatistics(n, mean, sd, min, max, percentiles, fraction);
	}

	/** Returns the value at a 0-based rank: the first bin whose cumulative count exceeds it. */
	private static double orderStatistic(int[] cumulative, int offset, int rank) {
		int low = 0;
		int high = cumulative.length - 1;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (cumulative[middle] > rank) {
				high = middle;
			} else {
				low = middle + 1;
			}
		}
		return low + offset;
	}
}
