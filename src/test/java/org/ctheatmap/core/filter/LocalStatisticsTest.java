package org.ctheatmap.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.LocalStatistics.Statistic;
import org.junit.jupiter.api.Test;

class LocalStatisticsTest {

	/** Float32 sums of at most ~60 differences below 2000 HU: rounding stays below 0.01 HU. */
	private static final double MEAN_TOL_HU = 0.01;

	/**
	 * Variances here are about 3e5 HU^2; float32 sums of squared differences
	 * round at about 1e-7 relative per term, so 1e-5 relative is a safe bound.
	 */
	private static final double VARIANCE_REL_TOL = 1e-5;

	private static FloatVolume apply(FloatVolume v, Neighbourhood n, Statistic statistic) {
		FloatVolume out = FloatVolume.allocate(v.width(), v.height(), v.depth());
		LocalStatistics.apply(v, n, statistic, SliceSink.into(out), ProgressListener.NONE);
		return out;
	}

	@Test
	void meanMatchesBruteForce() {
		Neighbourhood n = Neighbourhood.sphereMm(2, new double[] { 0.7, 0.9, 2.5 }, true);
		FloatVolume v = Reference.randomVolume(12, 10, 7, 21);
		Reference.sprinkleNaN(v, 0.1, 22);
		assertEquals(0, Reference.maxDifference(Reference.statistic(v, n, 1), apply(v, n,
			Statistic.MEAN)), MEAN_TOL_HU, "max |fast - brute force| mean, " + n);
	}

	@Test
	void varianceMatchesBruteForce() {
		Neighbourhood n = Neighbourhood.ellipsoid(1, 1, 1);
		FloatVolume v = Reference.randomVolume(12, 10, 7, 23);
		Reference.sprinkleNaN(v, 0.1, 24);
		FloatVolume expected = Reference.statistic(v, n, 2);
		FloatVolume actual = apply(v, n, Statistic.VARIANCE);
		for (int z = 0; z < v.depth(); z++) {
			for (int i = 0; i < v.width() * v.height(); i++) {
				float e = expected.slices()[z][i];
				float a = actual.slices()[z][i];
				if (Float.isNaN(e)) {
					assertEquals(true, Float.isNaN(a), "NaN voxel " + i + " of slice " + z);
				} else {
					double tolerance = VARIANCE_REL_TOL * Math.max(e, 1000);
					assertEquals(e, a, tolerance, "voxel " + i + " of slice " + z);
				}
			}
		}
	}

	@Test
	void singleValidVoxelHasZeroVariance() {
		FloatVolume v = FloatVolume.allocate(1, 1, 1);
		v.set(0, 0, 0, 55);
		assertEquals(0, apply(v, Neighbourhood.box(1, 1, 1), Statistic.VARIANCE).get(0, 0, 0), 0,
			"variance of one value");
	}
}
