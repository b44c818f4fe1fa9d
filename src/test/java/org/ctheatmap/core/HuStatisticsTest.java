package org.ctheatmap.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.phantom.PhantomTimePoint;
import org.ctheatmap.phantom.PhantomTissue;
import org.junit.jupiter.api.Test;

class HuStatisticsTest {

	/** Sums of up to a million integer HU in double precision are exact. */
	private static final double EXACT_TOL_HU = 1e-9;

	@Test
	void smallArrayGivesPopulationFigures() {
		float[][] planes = { { 1, 2, Float.NaN }, { 3, 4, 5 } };
		HuStatistics stats = HuStatistics.of(planes, null);
		assertEquals(5, stats.count(), "Voxels counted without NaN");
		assertEquals(1, stats.min(), 0, "Minimum (HU)");
		assertEquals(5, stats.max(), 0, "Maximum (HU)");
		assertEquals(3, stats.mean(), EXACT_TOL_HU, "Mean (HU)");
		assertEquals(Math.sqrt(2), stats.standardDeviation(), EXACT_TOL_HU,
			"Population SD (HU), divisor N");
	}

	@Test
	void maskSelectsVoxels() {
		float[][] planes = { { -1000, 10, 30 } };
		boolean[][] mask = { { false, true, true } };
		HuStatistics stats = HuStatistics.of(planes, mask);
		assertEquals(2, stats.count(), "Voxels in the mask");
		assertEquals(20, stats.mean(), EXACT_TOL_HU, "Mean inside the mask (HU)");
		assertEquals(10, stats.standardDeviation(), EXACT_TOL_HU, "SD inside the mask (HU)");
	}

	@Test
	void emptySelectionGivesNan() {
		HuStatistics stats = HuStatistics.of(new float[][] { { Float.NaN } }, null);
		assertEquals(0, stats.count(), "Voxels counted");
		assertTrue(Double.isNaN(stats.mean()), "Mean of nothing is NaN");
		assertTrue(Double.isNaN(stats.min()), "Minimum of nothing is NaN");
	}

	@Test
	void phantomBodyMeanMatchesLabelSum() {
		CtVolume volume = PhantomGenerator.generate(PhantomTimePoint.BASELINE);
		byte[][] labels = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		double sum = 0;
		long n = 0;
		double min = Double.POSITIVE_INFINITY;
		for (int k = 0; k < labels.length; k++) {
			float[] pixels = (float[]) volume.image().getStack().getPixels(k + 1);
			for (int index = 0; index < pixels.length; index++) {
				int label = labels[k][index];
				if (label == PhantomTissue.AIR.ordinal() || label == PhantomTissue.TABLE
					.ordinal()) continue;
				sum += pixels[index];
				n++;
				min = Math.min(min, pixels[index]);
			}
		}
		HuStatistics body = HuStatistics.ofBody(volume, ProgressListener.NONE);
		assertEquals(n, body.count(), "Body voxels");
		assertEquals(sum / n, body.mean(), EXACT_TOL_HU, "Body mean (HU)");
		assertEquals(min, body.min(), 0, "Body minimum (HU), lung noise");

		HuStatistics all = HuStatistics.of(volume);
		assertEquals((long) PhantomGenerator.WIDTH * PhantomGenerator.HEIGHT *
			PhantomGenerator.DEPTH, all.count(), "Voxels in the whole volume");
		assertTrue(all.mean() < body.mean(), "Air lowers the whole-volume mean");
	}
}
