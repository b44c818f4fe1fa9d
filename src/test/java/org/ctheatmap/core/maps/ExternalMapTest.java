package org.ctheatmap.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import java.util.Collections;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.junit.jupiter.api.Test;

class ExternalMapTest {

	private static final PatientGeometry GRID = PatientGeometry.axial(new double[] { -10, 5,
		20 }, new double[] { 0.5, 0.5, 2 });

	@Test
	void calibratedSixteenBitMapIsConverted() {
		ImagePlus map = new ImagePlus("pet", new ShortProcessor(3, 2));
		map.getProcessor().set(1, 0, 200);
		map.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] { -1, 0.01 },
			"SUV");
		calibrate(map, 0.5, 0.5, 2);
		ExternalMap external = ExternalMap.of(ct(1), map);
		assertEquals(1.0, external.values().getProcessor(1).getf(1, 0), 1e-6,
			"-1 + 0.01 x 200");
		assertEquals("SUV", external.unit(), "unit from the calibration");
		assertTrue(external.warnings().isEmpty(), "no warnings: " + external.warnings());
	}

	@Test
	void uncalibratedMapIsAcceptedWithWarning() {
		ImagePlus map = new ImagePlus("ai", new FloatProcessor(3, 2));
		ExternalMap external = ExternalMap.of(ct(1), map);
		assertEquals("a.u.", external.unit(), "no value unit");
		assertEquals(1, external.warnings().size(), "one warning");
		assertTrue(external.warnings().get(0).contains("spatial unit"), external.warnings()
			.get(0));
	}

	@Test
	void singleTimePointIsRepeated() {
		ImagePlus map = new ImagePlus("ai", new FloatProcessor(3, 2, new float[] { 1, 2, 3, 4,
			5, 6 }));
		calibrate(map, 0.5, 0.5, 2);
		ExternalMap external = ExternalMap.of(ct(2), map);
		assertEquals(2, external.values().getSize(), "one image per time point");
		assertEquals(6, external.values().getProcessor(2).getf(2, 1), 0, "frame 2 repeats it");
	}

	@Test
	void otherGridsAreRejected() {
		ImagePlus wrongSize = new ImagePlus("m", new FloatProcessor(2, 2));
		IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
			() -> ExternalMap.of(ct(1), wrongSize));
		assertTrue(size.getMessage().contains("resample"), size.getMessage());

		ImagePlus wrongSpacing = new ImagePlus("m", new FloatProcessor(3, 2));
		calibrate(wrongSpacing, 0.5, 0.5, 2.5);
		IllegalArgumentException spacing = assertThrows(IllegalArgumentException.class,
			() -> ExternalMap.of(ct(1), wrongSpacing));
		assertTrue(spacing.getMessage().contains("2.5"), spacing.getMessage());

		ImagePlus shifted = new ImagePlus("m", new FloatProcessor(3, 2));
		calibrate(shifted, 0.5, 0.5, 2);
		shifted.setProp(PatientGeometry.PROPERTY_KEY, PatientGeometry.axial(new double[] { -10,
			5, 22 }, new double[] { 0.5, 0.5, 2 }).toText());
		IllegalArgumentException origin = assertThrows(IllegalArgumentException.class,
			() -> ExternalMap.of(ct(1), shifted));
		assertTrue(origin.getMessage().contains("22.00"), origin.getMessage());
	}

	/** Returns a CT of 3 x 2 x 1 voxels on {@link #GRID} with the given time points. */
	private static CtVolume ct(int frames) {
		ImageStack stack = new ImageStack(3, 2);
		for (int t = 0; t < frames; t++) {
			stack.addSlice(new FloatProcessor(3, 2));
		}
		ImagePlus image = new ImagePlus("ct", stack);
		image.setDimensions(1, 1, frames);
		return new CtVolume(image, GRID, "HU", Collections.emptyMap(), Collections.emptyList());
	}

	private static void calibrate(ImagePlus image, double x, double y, double z) {
		Calibration calibration = image.getCalibration();
		calibration.pixelWidth = x;
		calibration.pixelHeight = y;
		calibration.pixelDepth = z;
		calibration.setUnit("mm");
	}
}
