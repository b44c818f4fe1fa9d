package org.ctheatmap.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.process.FloatProcessor;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CtWindowTest {

	@Test
	void presetsHaveDocumentedValues() {
		assertWindow(CtWindow.LUNG, -600, 1500);
		assertWindow(CtWindow.MEDIASTINUM, 50, 350);
		assertWindow(CtWindow.SOFT_TISSUE, 50, 400);
		assertWindow(CtWindow.BONE, 400, 1800);
		assertWindow(CtWindow.BRAIN, 40, 80);
		assertWindow(CtWindow.LIVER, 30, 150);
		assertWindow(CtWindow.STROKE, 40, 40);
		assertWindow(CtWindow.SUBDURAL, 75, 215);
	}

	@Test
	void lungLimits() {
		CtWindow lung = CtWindow.preset("lung");
		assertEquals(-1350, lung.lowerHu(), 0, "lower HU");
		assertEquals(150, lung.upperHu(), 0, "upper HU");
	}

	@Test
	void greyAtEdges() {
		CtWindow brain = CtWindow.preset(CtWindow.BRAIN);
		assertEquals(0, brain.grey(-1000), "far below");
		assertEquals(0, brain.grey(-0.001), "just below the lower edge");
		assertEquals(0, brain.grey(0), "lower edge 0 HU");
		assertEquals(128, brain.grey(40), "centre: 127.5 rounds half up");
		assertEquals(255, brain.grey(80), "upper edge 80 HU");
		assertEquals(255, brain.grey(80.001), "just above the upper edge");
		assertEquals(255, brain.grey(3000), "far above");
		assertEquals(0, brain.grey(Double.NaN), "NaN");
	}

	@Test
	void greyIsLinearInside() {
		// Width 255 HU makes one grey level per HU.
		CtWindow window = CtWindow.custom(127.5, 255);
		for (int grey = 0; grey <= 255; grey++) {
			assertEquals(grey, window.grey(grey), "HU " + grey);
			assertEquals(grey, window.grey(grey + 0.49), "HU " + grey + ".49");
		}
		assertEquals(1, window.grey(0.5), "0.5 rounds half up");
	}

	@Test
	void greyMatchesImageJDisplay() {
		Random random = new Random(11);
		CtWindow[] windows = { CtWindow.preset(CtWindow.LUNG), CtWindow.preset(CtWindow.BRAIN),
			CtWindow.custom(33.3, 71.7) };
		float[] hu = new float[4000];
		for (int i = 0; i < hu.length; i++) {
			hu[i] = (float) (random.nextDouble() * 4000 - 2000);
		}
		hu[0] = Float.NaN;
		for (CtWindow window : windows) {
			FloatProcessor ip = new FloatProcessor(hu.length, 1, hu.clone());
			ip.setMinAndMax(window.lowerHu(), window.upperHu());
			byte[] display = (byte[]) ip.convertToByte(true).getPixels();
			for (int i = 0; i < hu.length; i++) {
				assertEquals(display[i] & 0xff, window.grey(hu[i]), window + " at HU " + hu[i]);
			}
		}
	}

	@Test
	void customWindowValidates() {
		assertThrows(IllegalArgumentException.class, () -> CtWindow.custom(0, 0), "width 0");
		assertThrows(IllegalArgumentException.class, () -> CtWindow.custom(0, -5), "width -5");
		assertThrows(IllegalArgumentException.class, () -> CtWindow.custom(Double.NaN, 10),
			"centre NaN");
		assertThrows(IllegalArgumentException.class, () -> CtWindow.custom(0,
			Double.POSITIVE_INFINITY), "infinite width");
	}

	@Test
	void unknownPresetIsRejected() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> CtWindow.preset(CtWindow.CUSTOM));
		assertTrue(e.getMessage().contains(CtWindow.LUNG), "message lists presets: " + e
			.getMessage());
	}

	@Test
	void toStringHasUnits() {
		assertEquals("Lung (centre -600 HU, width 1500 HU)", CtWindow.preset(CtWindow.LUNG)
			.toString(), "lung");
		assertEquals("Custom (centre 12.5 HU, width 30 HU)", CtWindow.custom(12.5, 30)
			.toString(), "custom");
	}

	private static void assertWindow(String name, double centerHu, double widthHu) {
		CtWindow window = CtWindow.preset(name);
		assertEquals(name, window.name(), "name");
		assertEquals(centerHu, window.centerHu(), 0, name + " centre (HU)");
		assertEquals(widthHu, window.widthHu(), 0, name + " width (HU)");
	}
}
