package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.junit.jupiter.api.Test;

class DifferenceMapsTest {

	/** Float rounding of a percentage near 100. */
	private static final double PERCENT_ROUNDING = 1e-4;

	/** Smoothing leaves a constant change unchanged up to float rounding, in HU. */
	private static final double SMOOTHING_ROUNDING = 1e-3;

	private static final PatientGeometry GRID = PatientGeometry.axial(new double[3],
		new double[] { 0.8, 0.8, 2.5 });

	@Test
	void signedChangeKeepsSign() {
		PatientVolume baseline = constant(40);
		PatientVolume followUp = constant(40);
		followUp.values().set(1, 2, 1, 90);
		followUp.values().set(3, 2, 1, -10);
		DifferenceMaps maps = DifferenceMaps.compute(baseline, followUp, null,
			DifferenceSettings.DEFAULT, ProgressListener.NONE);
		assertEquals(50, maps.absolute().values().get(1, 2, 1), 0, "+50 HU");
		assertEquals(-50, maps.absolute().values().get(3, 2, 1), 0, "-50 HU");
		assertEquals(0, maps.absolute().values().get(0, 0, 0), 0, "no change");
		assertEquals(125, maps.relative().values().get(1, 2, 1), PERCENT_ROUNDING, "+125 %");
		assertEquals(-125, maps.relative().values().get(3, 2, 1), PERCENT_ROUNDING, "-125 %");
	}

	@Test
	void relativeChangeNaNNearWater() {
		PatientVolume baseline = constant(40);
		baseline.values().set(0, 0, 0, 5);
		baseline.values().set(1, 0, 0, -10);
		PatientVolume followUp = constant(60);
		DifferenceMaps maps = DifferenceMaps.compute(baseline, followUp, null,
			DifferenceSettings.DEFAULT, ProgressListener.NONE);
		assertTrue(Float.isNaN(maps.relative().values().get(0, 0, 0)), "|5 HU| < 10 HU floor");
		assertEquals(700, maps.relative().values().get(1, 0, 0), PERCENT_ROUNDING,
			"-10 HU is at the floor: 70 / 10");
		assertEquals(55, maps.absolute().values().get(0, 0, 0), 0, "absolute change kept");
	}

	@Test
	void nanAndMaskGiveNaN() {
		PatientVolume baseline = constant(40);
		PatientVolume followUp = constant(50);
		followUp.values().set(2, 2, 2, Float.NaN);
		boolean[][] mask = new boolean[4][25];
		for (boolean[] plane : mask) {
			java.util.Arrays.fill(plane, true);
		}
		mask[0][0] = false;
		DifferenceMaps maps = DifferenceMaps.compute(baseline, followUp, mask,
			DifferenceSettings.DEFAULT, ProgressListener.NONE);
		assertTrue(Float.isNaN(maps.absolute().values().get(2, 2, 2)), "NaN follow-up");
		assertTrue(Float.isNaN(maps.absolute().values().get(0, 0, 0)), "outside the mask");
		assertTrue(Float.isNaN(maps.relative().values().get(0, 0, 0)), "relative outside");
		assertEquals(10, maps.absolute().values().get(1, 0, 0), 0, "inside the mask");
	}

	@Test
	void smoothingKeepsConstantChange() {
		PatientVolume baseline = constant(40);
		PatientVolume followUp = constant(70);
		DifferenceMaps maps = DifferenceMaps.compute(baseline, followUp, null,
			new DifferenceSettings(2, 10), ProgressListener.NONE);
		assertEquals(30, maps.absolute().values().get(2, 2, 2), SMOOTHING_ROUNDING,
			"constant +30 HU");
		assertEquals(40, baseline.values().get(2, 2, 2), 0, "baseline not modified");
	}

	@Test
	void smoothingSpreadsSinglePeak() {
		PatientVolume baseline = constant(0);
		PatientVolume followUp = constant(0);
		followUp.values().set(2, 2, 2, 100);
		DifferenceMaps maps = DifferenceMaps.compute(baseline, followUp, null,
			new DifferenceSettings(1, 10), ProgressListener.NONE);
		float centre = maps.absolute().values().get(2, 2, 2);
		assertTrue(centre > 0, "peak stays positive: " + centre);
		assertTrue(centre < 100, "peak lowered: " + centre);
		assertTrue(maps.absolute().values().get(3, 2, 2) > 0, "neighbour raised");
	}

	@Test
	void rejectsOtherGrid() {
		PatientVolume baseline = constant(0);
		PatientVolume other = new PatientVolume(FloatVolume.allocate(5, 5, 3), GRID);
		assertThrows(IllegalArgumentException.class, () -> DifferenceMaps.compute(baseline,
			other, null, DifferenceSettings.DEFAULT, ProgressListener.NONE), "size differs");
	}

	@Test
	void settingsRejectInvalidValues() {
		assertThrows(IllegalArgumentException.class, () -> new DifferenceSettings(-1, 10),
			"negative sigma");
		assertThrows(IllegalArgumentException.class, () -> new DifferenceSettings(0, 0),
			"zero floor");
	}

	private static PatientVolume constant(float value) {
		FloatVolume values = FloatVolume.allocate(5, 5, 4);
		for (float[] slice : values.slices()) {
			java.util.Arrays.fill(slice, value);
		}
		return new PatientVolume(values, GRID);
	}
}
