package org.ctheatmap.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.junit.jupiter.api.Test;

class NormalizerTest {

	/** Outputs are float32; values near 1 round at 6e-8, so 1e-6 is a safe bound. */
	private static final double FLOAT_TOL = 1e-6;

	/** Histogram-matched HU of a linear transform: float rounding of values up to 2000 HU. */
	private static final double MATCH_TOL_HU = 1e-3;

	/** A 4 x 1 x 2 volume: slice 0 holds 0, 10, 20, 30 HU; slice 1 holds 100, 200, 300, 400 HU. */
	private static FloatVolume ramp() {
		return new FloatVolume(4, 1, new float[][] { { 0, 10, 20, 30 }, { 100, 200, 300, 400 } });
	}

	private static NormalizationResult run(FloatVolume v, VoxelMask mask,
		NormalizationSettings settings)
	{
		return Normalizer.normalize(v, mask, settings, null, null, ProgressListener.NONE);
	}

	private static NormalizationSettings.Builder method(NormalizationMethod m) {
		return new NormalizationSettings.Builder(m);
	}

	@Test
	void minMaxMapsStackRangeToUnitInterval() {
		NormalizationResult r = run(ramp(), null, method(NormalizationMethod.MIN_MAX).build());
		assertEquals(0, r.values().get(0, 0, 0), FLOAT_TOL, "minimum maps to 0");
		assertEquals(1, r.values().get(3, 0, 1), FLOAT_TOL, "maximum maps to 1");
		assertEquals(0.5, r.values().get(1, 0, 1), FLOAT_TOL, "200 HU of 0..400 maps to 0.5");
		assertEquals(8, r.statistics().get(0).count(), "voxels used");
	}

	@Test
	void sliceScopeUsesEachSlicesRange() {
		NormalizationResult r = run(ramp(), null, method(NormalizationMethod.MIN_MAX).scope(
			NormalizationScope.SLICE).build());
		assertEquals(1, r.values().get(3, 0, 0), FLOAT_TOL, "30 HU is slice 1's maximum");
		assertEquals(0, r.values().get(0, 0, 1), FLOAT_TOL, "100 HU is slice 2's minimum");
		assertEquals(2, r.statistics().size(), "one statistics entry per slice");
		assertEquals(2, r.statistics().get(1).slice(), "slice numbers are 1-based");
	}

	@Test
	void zScoreUsesPopulationStandardDeviation() {
		FloatVolume v = new FloatVolume(2, 1, new float[][] { { 10, 30 } });
		NormalizationResult r = run(v, null, method(NormalizationMethod.Z_SCORE).build());
		assertEquals(20, r.statistics().get(0).mean(), FLOAT_TOL, "mean HU");
		assertEquals(10, r.statistics().get(0).standardDeviation(), FLOAT_TOL, "SD divides by n");
		assertEquals(-1, r.values().get(0, 0, 0), FLOAT_TOL, "10 HU is one SD below");
		assertEquals("SD", r.valueUnit(), "unit of z-scores");
	}

	@Test
	void percentilesInterpolateBetweenRanks() {
		float[] values = new float[10];
		for (int i = 0; i < 10; i++) {
			values[i] = i + 1;
		}
		FloatVolume v = new FloatVolume(10, 1, new float[][] { values });
		NormalizationResult r = run(v, null, method(NormalizationMethod.PERCENTILE).percentiles(
			10, 90, false).build());
		// numpy.percentile([1..10], [10, 90]) = [1.9, 9.1]
		assertEquals(1.9, r.statistics().get(0).lowPercentileHu(), 1e-9, "10th percentile");
		assertEquals(9.1, r.statistics().get(0).highPercentileHu(), 1e-9, "90th percentile");
		assertEquals((1 - 1.9) / 7.2, r.values().get(0, 0, 0), FLOAT_TOL, "unclamped below 0");
	}

	@Test
	void clampedPercentileStaysInUnitInterval() {
		FloatVolume v = ramp();
		NormalizationResult r = run(v, null, method(NormalizationMethod.PERCENTILE).percentiles(
			25, 75, true).build());
		assertEquals(0, r.values().get(0, 0, 0), 0, "minimum clamps to 0");
		assertEquals(1, r.values().get(3, 0, 1), 0, "maximum clamps to 1");
	}

	@Test
	void windowNormalizesToUnitInterval() {
		FloatVolume v = new FloatVolume(3, 1, new float[][] { { -1350, -600, 500 } });
		NormalizationResult r = run(v, null, method(NormalizationMethod.WINDOW).window("Lung",
			-600, 1500, false).build());
		assertEquals(0, r.values().get(0, 0, 0), FLOAT_TOL, "window bottom is 0");
		assertEquals(0.5, r.values().get(1, 0, 0), FLOAT_TOL, "window centre is 0.5");
		assertEquals(1, r.values().get(2, 0, 0), FLOAT_TOL, "above the window clamps to 1");
	}

	@Test
	void windowAsDisplayRangeKeepsHu() {
		FloatVolume v = new FloatVolume(2, 1, new float[][] { { -1350, 500 } });
		NormalizationResult r = run(v, null, method(NormalizationMethod.WINDOW).window("Lung",
			-600, 1500, true).build());
		assertEquals(500, r.values().get(1, 0, 0), 0, "HU unchanged");
		assertEquals(-1350, r.displayMin(), 0, "display minimum is the window bottom");
		assertEquals(150, r.displayMax(), 0, "display maximum is the window top");
		assertEquals("HU", r.valueUnit(), "unit stays HU");
	}

	@Test
	void maskSetsStatisticsAndOutsidePolicy() {
		FloatVolume v = ramp();
		boolean[] plane = { false, true, true, false };
		VoxelMask mask = VoxelMask.everySlice(plane, 4, 1, 2);
		NormalizationSettings.Builder b = method(NormalizationMethod.MIN_MAX);
		NormalizationResult nan = run(v, mask, b.outside(OutsideMask.NAN).build());
		assertEquals(10, nan.statistics().get(0).min(), 0, "minimum inside the mask");
		assertEquals(300, nan.statistics().get(0).max(), 0, "maximum inside the mask");
		assertEquals(4, nan.maskVoxels(), "mask size");
		assertTrue(Float.isNaN(nan.values().get(0, 0, 0)), "outside becomes NaN");
		NormalizationResult kept = run(v, mask, b.outside(OutsideMask.UNCHANGED).build());
		assertEquals(400, kept.values().get(3, 0, 1), 0, "outside keeps its HU");
		NormalizationResult mapped = run(v, mask, b.outside(OutsideMask.MAPPED).build());
		assertEquals(390 / 290.0, mapped.values().get(3, 0, 1), FLOAT_TOL,
			"outside mapped with the mask's statistics");
	}

	@Test
	void nanVoxelsAreIgnoredAndStayNaN() {
		FloatVolume v = new FloatVolume(3, 1, new float[][] { { 0, Float.NaN, 100 } });
		NormalizationResult r = run(v, null, method(NormalizationMethod.MIN_MAX).build());
		assertEquals(2, r.statistics().get(0).count(), "NaN is not counted");
		assertTrue(Float.isNaN(r.values().get(1, 0, 0)), "NaN stays NaN");
	}

	@Test
	void constantValuesMapToZero() {
		FloatVolume v = new FloatVolume(2, 1, new float[][] { { 7, 7 } });
		NormalizationResult r = run(v, null, method(NormalizationMethod.Z_SCORE).build());
		assertEquals(0, r.values().get(0, 0, 0), 0, "no spread gives 0");
	}

	@Test
	void histogramMatchingUndoesALinearTransform() {
		Random random = new Random(5);
		FloatVolume reference = FloatVolume.allocate(50, 40, 3);
		FloatVolume source = FloatVolume.allocate(50, 40, 3);
		for (int z = 0; z < 3; z++) {
			for (int i = 0; i < 2000; i++) {
				float hu = (float) (random.nextGaussian() * 300 - 200);
				reference.slices()[z][i] = hu;
				source.slices()[z][i] = 2 * hu + 100;
			}
		}
		NormalizationSettings settings = method(NormalizationMethod.HISTOGRAM_MATCHING).build();
		NormalizationResult r = Normalizer.normalize(source, null, settings, reference, null,
			ProgressListener.NONE);
		double max = 0;
		for (int z = 0; z < 3; z++) {
			for (int i = 0; i < 2000; i++) {
				max = Math.max(max, Math.abs(r.values().slices()[z][i] - reference.slices()[z][i]));
			}
		}
		assertEquals(0, max, MATCH_TOL_HU, "max |matched - reference| in HU");
	}

	@Test
	void histogramMatchingNeedsAReference() {
		NormalizationSettings settings = method(NormalizationMethod.HISTOGRAM_MATCHING).build();
		assertThrows(IllegalArgumentException.class, () -> run(ramp(), null, settings),
			"missing reference");
	}

	@Test
	void rejectsMaskOfOtherSize() {
		VoxelMask mask = VoxelMask.everySlice(new boolean[4], 4, 1, 3);
		assertThrows(IllegalArgumentException.class, () -> run(ramp(), mask, method(
			NormalizationMethod.MIN_MAX).build()), "mask with 3 slices on a 2-slice volume");
	}
}
