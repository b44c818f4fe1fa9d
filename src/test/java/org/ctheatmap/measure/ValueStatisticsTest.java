package org.ctheatmap.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Random;

class ValueStatisticsTest {

	/** Interpolated percentiles of small integers, exact up to double rounding. */
	private static final double EXACT_TOL = 1e-12;

	/**
	 * The histogram sums squared deviations per bin, sorting per value, so the
	 * SDs differ only by double rounding.
	 */
	private static final double SD_ROUNDING_TOL = 1e-9;

	@Test
	void percentilesInterpolateLinearly() {
		// NumPy: np.percentile([1..10], [5, 25, 50, 75, 95]) = 1.45, 3.25, 5.5, 7.75, 9.55.
		float[] values = { 10, 3, 1, 7, 2, 9, 4, 8, 5, 6 };
		ValueStatistics s = ValueStatistics.of(values, Double.NaN);

		assertEquals(1.45, s.percentile(5), EXACT_TOL, "P5");
		assertEquals(3.25, s.percentile(25), EXACT_TOL, "P25");
		assertEquals(5.5, s.median(), EXACT_TOL, "median of an even count");
		assertEquals(7.75, s.percentile(75), EXACT_TOL, "P75");
		assertEquals(9.55, s.percentile(95), EXACT_TOL, "P95");
		assertEquals(10f, values[0], "input array is not reordered");
	}

	@Test
	void meanAndSampleSd() {
		ValueStatistics s = ValueStatistics.of(new float[] { 2, 4, 4, 4, 5, 5, 7, 9 },
			Double.NaN);

		assertEquals(5.0, s.mean(), EXACT_TOL, "mean");
		// Sum of squared deviations 32, divided by n - 1 = 7.
		assertEquals(Math.sqrt(32.0 / 7), s.sd(), EXACT_TOL, "sample SD");
		assertEquals(2.0, s.min(), 0, "min");
		assertEquals(9.0, s.max(), 0, "max");
		assertEquals(4.5, s.median(), EXACT_TOL, "median");
	}

	@Test
	void nanValuesAreLeftOut() {
		ValueStatistics s = ValueStatistics.of(new float[] { Float.NaN, 1, 3, Float.NaN },
			Double.NaN);

		assertEquals(2, s.count(), "values that are not NaN");
		assertEquals(2.0, s.mean(), EXACT_TOL, "mean without NaN");
		assertEquals(3.0, s.max(), 0, "max without NaN");
	}

	@Test
	void fractionAboveIsStrict() {
		ValueStatistics s = ValueStatistics.of(new float[] { -10, 0, 0, 5 }, 0);

		assertEquals(0.25, s.fractionAbove(), EXACT_TOL, "only 5 is strictly above 0");
		assertTrue(Double.isNaN(ValueStatistics.of(new float[] { 1 }, Double.NaN)
			.fractionAbove()), "no threshold, no fraction");
	}

	@Test
	void singleAndNoValue() {
		ValueStatistics one = ValueStatistics.of(new float[] { -7 }, Double.NaN);
		assertEquals(0.0, one.sd(), 0, "ImageJ reports SD 0 for one value");
		assertEquals(-7.0, one.percentile(95), 0, "every percentile is the value");

		ValueStatistics none = ValueStatistics.of(new float[0], 0);
		assertEquals(0, none.count(), "no values");
		assertTrue(Double.isNaN(none.mean()), "mean of nothing is NaN");
		assertTrue(Double.isNaN(none.fractionAbove()), "fraction of nothing is NaN");
	}

	@Test
	void histogramMatchesSorting() {
		Random random = new Random(3);
		for (int trial = 0; trial < 20; trial++) {
			int n = 1 + random.nextInt(5000);
			float[] values = new float[n];
			for (int i = 0; i < n; i++) {
				values[i] = random.nextInt(10) == 0 ? Float.NaN : random.nextInt(3000) - 1024;
			}
			double threshold = random.nextInt(200) - 100;
			ValueStatistics counted = IntegerHistogram.statistics(values, n, threshold);
			ValueStatistics sorted = ValueStatistics.bySorting(values, n, threshold);
			String name = "trial " + trial + ", n = " + n;
			assertEquals(sorted.count(), counted.count(), name + ": count");
			assertEquals(sorted.mean(), counted.mean(), 0, name + ": mean is exact");
			assertEquals(sorted.sd(), counted.sd(), SD_ROUNDING_TOL, name + ": SD");
			assertEquals(sorted.min(), counted.min(), 0, name + ": min");
			assertEquals(sorted.max(), counted.max(), 0, name + ": max");
			for (double p : ValueStatistics.PERCENTILES) {
				assertEquals(sorted.percentile(p), counted.percentile(p), EXACT_TOL, name + ": P" +
					p);
			}
			assertEquals(sorted.fractionAbove(), counted.fractionAbove(), 0, name +
				": fraction");
		}
	}

	@Test
	void fractionalValuesAreSorted() {
		assertNull(IntegerHistogram.statistics(new float[] { 1, 2.5f }, 2, Double.NaN),
			"a fraction needs sorting");
		assertNull(IntegerHistogram.statistics(new float[] { 0, 2e6f }, 2, Double.NaN),
			"a range over MAX_HISTOGRAM_RANGE needs sorting");
	}

	@Test
	void unknownPercentileIsRejected() {
		ValueStatistics s = ValueStatistics.of(new float[] { 1, 2 }, Double.NaN);
		assertThrows(IllegalArgumentException.class, () -> s.percentile(90));
	}
}
