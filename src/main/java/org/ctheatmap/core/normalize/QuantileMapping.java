package org.ctheatmap.core.normalize;

import java.util.Arrays;

/**
 * Histogram matching by quantile mapping: a monotone piecewise-linear map
 * that sends the k-th of Q quantiles of the source values to the k-th quantile
 * of the reference values (q = k / (Q - 1), k = 0 .. Q - 1, each interpolated
 * linearly between ranks).
 * <p>
 * Values between two source quantiles are interpolated linearly between the
 * matching reference quantiles. Values below the first or above the last
 * source quantile map to the first or last reference quantile. Where several
 * source quantiles are equal (many voxels with the same HU, as in air at
 * -1000), they form one knot whose target is the mean of their reference
 * quantiles, which keeps the map a function.
 */
public final class QuantileMapping {

	private final double[] knots;
	private final double[] targets;

	private QuantileMapping(double[] knots, double[] targets) {
		this.knots = knots;
		this.targets = targets;
	}

	/**
	 * Builds the map from source and reference quantiles of equal count.
	 *
	 * @throws IllegalArgumentException if the arrays are empty or differ in
	 *           length, or contain NaN
	 */
	public static QuantileMapping of(double[] sourceQuantiles, double[] referenceQuantiles) {
		int n = sourceQuantiles.length;
		if (n == 0 || n != referenceQuantiles.length) {
			throw new IllegalArgumentException("Quantile mapping needs equal, non-empty quantile " +
				"lists, got " + n + " and " + referenceQuantiles.length);
		}
		double[] knots = new double[n];
		double[] targets = new double[n];
		int m = 0;
		for (int k = 0; k < n;) {
			if (Double.isNaN(sourceQuantiles[k]) || Double.isNaN(referenceQuantiles[k])) {
				throw new IllegalArgumentException("Quantiles contain NaN; are the voxel sets empty?");
			}
			int end = k;
			double sum = 0;
			while (end < n && sourceQuantiles[end] == sourceQuantiles[k]) {
				sum += referenceQuantiles[end++];
			}
			knots[m] = sourceQuantiles[k];
			targets[m++] = sum / (end - k);
			k = end;
		}
		return new QuantileMapping(Arrays.copyOf(knots, m), Arrays.copyOf(targets, m));
	}

	/** Maps a source value to the reference scale; NaN stays NaN. */
	public double map(double value) {
		if (value != value) return Double.NaN;
		int last = knots.length - 1;
		if (value <= knots[0]) return targets[0];
		if (value >= knots[last]) return targets[last];
		int i = Arrays.binarySearch(knots, value);
		if (i >= 0) return targets[i];
		int upper = -i - 1;
		int lower = upper - 1;
		double t = (value - knots[lower]) / (knots[upper] - knots[lower]);
		return targets[lower] + t * (targets[upper] - targets[lower]);
	}

	/** Returns the number of distinct knots. */
	public int knots() {
		return knots.length;
	}
}
