package org.ctheatmap.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.api.Test;

class BilateralFilterTest {

	/** Double sums, float weights and float output: 0.01 HU covers the rounding. */
	private static final double FLOAT_TOL_HU = 0.01;

	private static final double[] SPACING = { 0.7, 0.9, 2.5 };

	private static FloatVolume apply(FloatVolume v, double sigmaMm, double sigmaHu,
		boolean threeD)
	{
		FloatVolume out = FloatVolume.allocate(v.width(), v.height(), v.depth());
		BilateralFilter.apply(v, SPACING, sigmaMm, sigmaHu, threeD, SliceSink.into(out),
			ProgressListener.NONE);
		return out;
	}

	@Test
	void matchesBruteForce3D() {
		FloatVolume v = Reference.randomVolume(11, 9, 7, 31);
		Reference.sprinkleNaN(v, 0.1, 32);
		FloatVolume expected = Reference.bilateral(v, SPACING, 1.4, 300, true);
		assertEquals(0, Reference.maxDifference(expected, apply(v, 1.4, 300, true)),
			FLOAT_TOL_HU, "max |fast - brute force| in HU");
	}

	@Test
	void matchesBruteForce2D() {
		FloatVolume v = Reference.randomVolume(11, 9, 3, 33);
		FloatVolume expected = Reference.bilateral(v, SPACING, 1.0, 500, false);
		assertEquals(0, Reference.maxDifference(expected, apply(v, 1.0, 500, false)),
			FLOAT_TOL_HU, "max |fast - brute force| in HU");
	}

	@Test
	void keepsAStepEdge() {
		FloatVolume v = FloatVolume.allocate(20, 4, 1);
		for (int y = 0; y < 4; y++) {
			for (int x = 10; x < 20; x++) {
				v.set(x, y, 0, 1000);
			}
		}
		FloatVolume out = apply(v, 2, 50, false);
		assertEquals(0, out.get(9, 1, 0), 1, "last voxel before the edge stays near 0 HU");
		assertEquals(1000, out.get(10, 1, 0), 1, "first voxel after the edge stays near 1000 HU");
		assertTrue(Float.isFinite(out.get(0, 0, 0)), "corner is finite");
	}
}
