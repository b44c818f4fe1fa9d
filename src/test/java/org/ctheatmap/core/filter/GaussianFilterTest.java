package org.ctheatmap.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.api.Test;

class GaussianFilterTest {

	/**
	 * Float32 sums of up to about 30 products per pass, three passes, on values
	 * of at most 1000 HU: each rounding is below 1e-4 HU, so 0.01 HU is ample
	 * and still far below any visible difference.
	 */
	private static final double FLOAT_SUM_TOL_HU = 0.01;

	/**
	 * The sampled Gaussian sums to sigma * sqrt(2 pi) within 1e-8 relative for
	 * sigma >= 1 voxel, and the 4-sigma tail holds 6e-5 of the weight, so the
	 * normalised kernel differs from the analytic density by about 1e-4 of
	 * the peak.
	 */
	private static final double ANALYTIC_REL_TOL = 2e-4;

	private static final double[] SIGMA = { 1.3, 0.9, 0.6 };

	@Test
	void kernelIsNormalisedAndTruncatedAtFourSigma() {
		float[] kernel = GaussianFilter.kernel(2);
		double sum = 0;
		for (float w : kernel) {
			sum += w;
		}
		assertEquals(17, kernel.length, "radius ceil(4 * 2) = 8 gives 17 taps");
		assertEquals(1, sum, 1e-6, "kernel sum");
	}

	@Test
	void impulseGivesAnalyticGaussian() {
		int size = 41;
		FloatVolume v = FloatVolume.allocate(size, size, size);
		int c = size / 2;
		v.set(c, c, c, 1);
		double[] sigma = { 2.0, 1.5, 3.0 };
		GaussianFilter.blur(v, sigma, ProgressListener.NONE);
		double norm = Math.pow(2 * Math.PI, 1.5) * sigma[0] * sigma[1] * sigma[2];
		int[][] probes = { { 0, 0, 0 }, { 3, 0, 0 }, { 0, 2, 0 }, { 0, 0, 5 }, { 2, -1, 3 } };
		for (int[] p : probes) {
			double r2 = p[0] * p[0] / (sigma[0] * sigma[0]) + p[1] * p[1] / (sigma[1] *
				sigma[1]) + p[2] * p[2] / (sigma[2] * sigma[2]);
			double expected = Math.exp(-r2 / 2) / norm;
			double actual = v.get(c + p[0], c + p[1], c + p[2]);
			assertEquals(expected, actual, ANALYTIC_REL_TOL * v.get(c, c, c),
				"impulse response at offset " + java.util.Arrays.toString(p));
		}
	}

	@Test
	void matchesBruteForceOnAnisotropicVolume() {
		FloatVolume v = Reference.randomVolume(13, 11, 9, 1);
		FloatVolume expected = Reference.gaussian(v, SIGMA);
		GaussianFilter.blur(v, SIGMA, ProgressListener.NONE);
		assertEquals(0, Reference.maxDifference(expected, v), FLOAT_SUM_TOL_HU,
			"max |fast - brute force| in HU");
	}

	@Test
	void nanVoxelsStayNaNAndDoNotSpread() {
		FloatVolume v = Reference.randomVolume(12, 10, 8, 2);
		Reference.sprinkleNaN(v, 0.2, 3);
		FloatVolume expected = Reference.gaussian(v, SIGMA);
		GaussianFilter.blur(v, SIGMA, ProgressListener.NONE);
		assertEquals(0, Reference.maxDifference(expected, v), FLOAT_SUM_TOL_HU,
			"max |fast - brute force| in HU with 20 % NaN");
	}

	@Test
	void constantVolumeStaysConstantAtTheBoundary() {
		FloatVolume v = FloatVolume.allocate(9, 7, 5);
		for (float[] slice : v.slices()) {
			java.util.Arrays.fill(slice, 40f);
		}
		GaussianFilter.blur(v, new double[] { 3, 3, 3 }, ProgressListener.NONE);
		assertEquals(40, v.get(0, 0, 0), FLOAT_SUM_TOL_HU, "corner voxel: no spill from outside");
		assertEquals(40, v.get(8, 6, 4), FLOAT_SUM_TOL_HU, "opposite corner voxel");
	}

	@Test
	void zeroSigmaAlongZKeepsSlicesApart() {
		FloatVolume v = FloatVolume.allocate(7, 7, 3);
		java.util.Arrays.fill(v.slices()[1], 100f);
		GaussianFilter.blur(v, new double[] { 1, 1, 0 }, ProgressListener.NONE);
		assertEquals(0, v.get(3, 3, 0), 0, "slice 0 gets nothing from slice 1");
		assertEquals(100, v.get(3, 3, 1), FLOAT_SUM_TOL_HU, "slice 1 stays uniform");
	}

	@Test
	void rejectsNegativeSigma() {
		FloatVolume v = FloatVolume.allocate(3, 3, 3);
		double[] sigma = { -1, 1, 1 };
		assertTrue(throwsIllegalArgument(() -> GaussianFilter.blur(v, sigma,
			ProgressListener.NONE)), "negative sigma is rejected");
	}

	private static boolean throwsIllegalArgument(Runnable action) {
		try {
			action.run();
			return false;
		} catch (IllegalArgumentException e) {
			return true;
		}
	}
}
