package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Roi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiWriter;
import org.ctheatmap.measure.RoiRegions;
import org.ctheatmap.measure.VoxelGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the parametric maps and curves of a generated series with known curves. */
class EnhancementMapsTest {

	/** Float rounding of values up to a few thousand. */
	private static final double FLOAT_ROUNDING = 1e-3;

	private static final double[] TIMES = FrameTimes.evenly(8, DynamicPhantom.INTERVAL_S);

	@TempDir
	Path folder;

	@Test
	void linearRise() {
		EnhancementMaps maps = EnhancementMaps.compute(DynamicPhantom.generate(), TIMES, 1, null,
			ProgressListener.NONE);
		assertEquals(200, value(maps.peakEnhancement(), 3, 20), FLOAT_ROUNDING, "240 - 40 HU");
		assertEquals(8, value(maps.timeToPeak(), 3, 20), FLOAT_ROUNDING, "first maximum at 8 s");
		assertEquals(25, value(maps.washInSlope(), 3, 20), FLOAT_ROUNDING, "50 HU per 2 s");
		// Enhancement 0, 50, 100, 150, 200, 200, 200, 200 HU, trapezoids of 2 s.
		assertEquals(2000, value(maps.areaUnderCurve(), 3, 20), FLOAT_ROUNDING, "HU·s");
	}

	@Test
	void bolusWithWashOut() {
		EnhancementMaps maps = EnhancementMaps.compute(DynamicPhantom.generate(), TIMES, 1, null,
			ProgressListener.NONE);
		assertEquals(400, value(maps.peakEnhancement(), 20, 5), FLOAT_ROUNDING, "500 - 100 HU");
		assertEquals(6, value(maps.timeToPeak(), 20, 5), FLOAT_ROUNDING, "peak at frame 4");
		assertEquals(100, value(maps.washInSlope(), 20, 5), FLOAT_ROUNDING, "200 HU per 2 s");
		// Enhancement 0, 0, 200, 400, 300, 200, 100, 50 HU.
		assertEquals(2450, value(maps.areaUnderCurve(), 20, 5), FLOAT_ROUNDING, "HU·s");
	}

	@Test
	void flatCurveHasNoEnhancement() {
		EnhancementMaps maps = EnhancementMaps.compute(DynamicPhantom.generate(), TIMES, 1, null,
			ProgressListener.NONE);
		for (PatientVolume map : maps.maps()) {
			assertEquals(0, value(map, 25, 25), 0, "air");
		}
	}

	@Test
	void baselineOfTwoFrames() {
		EnhancementMaps maps = EnhancementMaps.compute(DynamicPhantom.generate(), TIMES, 2, null,
			ProgressListener.NONE);
		assertEquals(175, value(maps.peakEnhancement(), 3, 20), FLOAT_ROUNDING,
			"240 - mean(40, 90)");
	}

	@Test
	void maskGivesNaN() {
		boolean[][] mask = new boolean[DynamicPhantom.DEPTH][DynamicPhantom.SIZE *
			DynamicPhantom.SIZE];
		mask[1][20 * DynamicPhantom.SIZE + 3] = true;
		EnhancementMaps maps = EnhancementMaps.compute(DynamicPhantom.generate(), TIMES, 1, mask,
			ProgressListener.NONE);
		assertEquals(200, value(maps.peakEnhancement(), 3, 20), FLOAT_ROUNDING, "inside");
		assertTrue(Float.isNaN(maps.peakEnhancement().values().get(4, 20, 1)), "outside");
	}

	@Test
	void rejectsBadBaselineCount() {
		assertThrows(IllegalArgumentException.class, () -> EnhancementMaps.compute(
			DynamicPhantom.generate(), TIMES, 8, null, ProgressListener.NONE), "all frames");
	}

	@Test
	void curvesOfRoisOnEveryFrame() {
		CtVolume series = DynamicPhantom.generate();
		Roi rise = new Roi(2, 2, 8, 8);
		rise.setName("rise");
		rise.setPosition(0, 2, 0);
		Roi bolus = new Roi(20, 2, 8, 8);
		bolus.setName("bolus");
		bolus.setPosition(0, 3, 0);
		TimeIntensityCurves curves = TimeIntensityCurves.measure(series, RoiRegions.group(Arrays
			.asList(rise, bolus), VoxelGrid.of(series.image())), TIMES, 1, ProgressListener.NONE);
		assertArrayEquals(DynamicPhantom.RISE, curves.means("rise"), FLOAT_ROUNDING, "rise");
		assertArrayEquals(DynamicPhantom.BOLUS, curves.means("bolus"), FLOAT_ROUNDING, "bolus");
		assertEquals(16, curves.rows().size(), "8 frames per region");
		assertEquals(400.0, (Double) curves.rows().get(11).get(6), FLOAT_ROUNDING,
			"bolus enhancement at frame 4");
		assertTrue(curves.plot().getWidth() > 0, "plot drawn headless");
	}

	@Test
	void frameTimesFromNifti() throws IOException {
		Path file = folder.resolve("series.nii.gz");
		NiftiWriter.write(DynamicPhantom.generate(), file, NiftiDataType.INT16);
		CtVolume series = CtReaders.open(file, ReadOptions.DEFAULT);
		assertArrayEquals(TIMES, FrameTimes.of(series), 1e-6, "0, 2, ... 14 s");
		EnhancementMaps maps = EnhancementMaps.compute(series, FrameTimes.of(series), 1, null,
			ProgressListener.NONE);
		assertEquals(100, value(maps.washInSlope(), 20, 5), FLOAT_ROUNDING, "after round trip");
	}

	private static double value(PatientVolume map, int i, int j) {
		return map.values().get(i, j, 1);
	}
}
