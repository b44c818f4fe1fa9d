package org.ctheatmap.core.maps;

import ij.ImageStack;

import java.util.Arrays;

/**
 * Percentiles of a map's finite values, optionally only inside a mask, for
 * choosing a colour range from the data.
 * <p>
 * Percentile p of n sorted values {@code s[0..n-1]} is the linear
 * interpolation at position {@code h = (n - 1) * p / 100}:
 * {@code s[floor(h)] + (h - floor(h)) * (s[floor(h) + 1] - s[floor(h)])},
 * numpy's default ("linear") method. Order statistics are found exactly
 * without sorting the whole map: a histogram of 65536 bins between the
 * minimum and maximum locates the bin holding a rank, and only that bin's
 * values are sorted. Memory: the histogram plus the values of one bin.
 */
public final class MapPercentiles {

	private static final int BINS = 65536;

	private MapPercentiles() {}

	/**
	 * Returns the percentiles of the finite map values inside the mask.
	 *
	 * @param map 32-bit stack; not modified
	 * @param mask {@code mask[n][y * width + x]} with n the 0-based stack
	 *          index, or the 0-based slice when it has {@code depth} planes;
	 *          null for every voxel
	 * @param depth slices per time point
	 * @param percentiles values in 0..100
	 * @return one value per percentile, in the map's unit
	 * @throws IllegalArgumentException if a percentile is outside 0..100 or
	 *           no finite value lies inside the mask
	 */
	public static double[] of(ImageStack map, boolean[][] mask, int depth,
		double... percentiles)
	{
		for (double p : percentiles) {
			if (!(p >= 0 && p <= 100)) {
				throw new IllegalArgumentException("Percentiles must be between 0 and 100, got " +
					p);
			}
		}
		float[][] planes = new float[map.getSize()][];
		boolean[][] masks = new boolean[map.getSize()][];
		for (int n = 0; n < planes.length; n++) {
			planes[n] = (float[]) map.getPixels(n + 1);
			if (mask == null) {
				masks[n] = null;
			} else if (mask.length == depth) {
				masks[n] = mask[n % depth];
			} else {
				masks[n] = mask[n];
			}
		}
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		long count = 0;
		for (int n = 0; n < planes.length; n++) {
			for (int i = 0; i < planes[n].length; i++) {
				float v = planes[n][i];
				if (!takesPart(v, masks[n], i)) continue;
				min = Math.min(min, v);
				max = Math.max(max, v);
				count++;
			}
		}
		if (count == 0) {
			throw new IllegalArgumentException("The map has no finite value inside the mask," +
				" so no percentile range exists");
		}
		Histogram histogram = new Histogram(planes, masks, min, max);
		double[] result = new double[percentiles.length];
		for (int q = 0; q < percentiles.length; q++) {
			double h = (count - 1) * percentiles[q] / 100;
			long below = (long) Math.floor(h);
			double low = histogram.orderStatistic(below);
			double high = below + 1 < count ? histogram.orderStatistic(below + 1) : low;
			result[q] = low + (h - below) * (high - low);
		}
		return result;
	}

	private static boolean takesPart(float v, boolean[] mask, int i) {
		return Float.isFinite(v) && (mask == null || mask[i]);
	}

	/** Counts per bin; the bin of a value never decreases as the value grows. */
	private static final class Histogram {

		private final float[][] planes;
		private final boolean[][] masks;
		private final double min;
		private final double scale;
		private final long[] counts = new long[BINS];

		Histogram(float[][] planes, boolean[][] masks, double min, double max) {
			this.planes = planes;
			this.masks = masks;
			this.min = min;
			this.scale = max > min ? BINS / (max - min) : 0;
			for (int n = 0; n < planes.length; n++) {
				for (int i = 0; i < planes[n].length; i++) {
					if (takesPart(planes[n][i], masks[n], i)) counts[bin(planes[n][i])]++;
				}
			}
		}

		private int bin(float v) {
			return (int) Math.min(BINS - 1, (v - min) * scale);
		}

		/** Returns the value of 0-based rank k among the finite values. */
		double orderStatistic(long k) {
			int bin = 0;
			long before = 0;
			while (before + counts[bin] <= k) {
				before += counts[bin];
				bin++;
			}
			float[] values = new float[(int) counts[bin]];
			int filled = 0;
			for (int n = 0; n < planes.length; n++) {
				for (int i = 0; i < planes[n].length; i++) {
					float v = planes[n][i];
					if (takesPart(v, masks[n], i) && bin(v) == bin) values[filled++] = v;
				}
			}
			Arrays.sort(values);
			return values[(int) (k - before)];
		}
	}
}
