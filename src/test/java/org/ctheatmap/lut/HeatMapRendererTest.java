package org.ctheatmap.lut;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.FloatProcessor;

import java.util.Collections;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.api.Test;

class HeatMapRendererTest {

	private static final Colormap VIRIDIS = Colormaps.get(Colormaps.VIRIDIS);

	/** Range -100..300 HU: 400 HU over 256 bins, 1.5625 HU per bin. */
	private static final HeatMapSettings SETTINGS = HeatMapSettings.builder(VIRIDIS, -100, 300)
		.threshold(-200).opacity(0.5).window(CtWindow.preset(CtWindow.SOFT_TISSUE)).build();

	@Test
	void colourIndexAtKnownValues() {
		ColourScale scale = SETTINGS.scale();
		assertEquals(0, scale.index(-100), "minimum gets entry 0");
		assertEquals(255, scale.index(300), "maximum gets entry 255");
		assertEquals(128, scale.index(100), "midpoint gets entry 128");
		assertEquals(127, scale.index(99.99), "just below the midpoint");
		assertEquals(1, scale.index(-100 + 1.5625), "start of bin 1");
		assertEquals(0, scale.index(-100 + 1.5624), "end of bin 0");
		assertEquals(255, scale.index(299.99), "last bin");
		assertEquals(0, scale.index(-150), "below the range");
		assertEquals(255, scale.index(1e9), "far above the range");
		assertEquals(-100 + 1.5625 * 128, scale.binStart(128), 1e-12, "start of bin 128");
	}

	@Test
	void overlayColoursAreColormapEntries() {
		float[] values = { -100, 300, 100, -150, 1000, 99.99f };
		int[] entries = { 0, 255, 128, 0, 255, 127 };
		CtVolume volume = volume(values.length, 1, 1, 1, values);
		Overlay overlay = HeatMapRenderer.overlay(volume, volume.image().getStack(), SETTINGS,
			ProgressListener.NONE);
		int[] argb = argbPixels(overlay.get(0));
		for (int i = 0; i < values.length; i++) {
			assertEquals(VIRIDIS.rgb(entries[i]), argb[i] & 0xffffff, "colour of " + values[i] +
				" HU");
			assertEquals(128, argb[i] >>> 24, "alpha of " + values[i] + " HU: round(0.5 * 255)");
		}
	}

	@Test
	void thresholdUsesDataValue() {
		HeatMapSettings settings = HeatMapSettings.builder(VIRIDIS, -100, 300).threshold(0)
			.opacity(1).build();
		float[] values = { -0.001f, 0, -100, 50 };
		CtVolume volume = volume(4, 1, 1, 1, values);
		int[] argb = argbPixels(HeatMapRenderer.overlay(volume, volume.image().getStack(),
			settings, ProgressListener.NONE).get(0));
		assertEquals(0, argb[0], "just below the threshold is transparent");
		assertEquals(0xff000000 | VIRIDIS.rgb(64), argb[1], "at the threshold: entry 64, opaque");
		assertEquals(0, argb[2], "minimum of the range but below the threshold");
		assertEquals(255, argb[3] >>> 24, "opacity 1 gives alpha 255");
	}

	@Test
	void nanIsTransparent() {
		CtVolume volume = volume(2, 1, 1, 1, new float[] { Float.NaN, 0 });
		int[] argb = argbPixels(HeatMapRenderer.overlay(volume, volume.image().getStack(),
			SETTINGS, ProgressListener.NONE).get(0));
		assertEquals(0, argb[0], "NaN");
		assertTrue(argb[1] >>> 24 > 0, "finite value is visible");
	}

	@Test
	void overlayRoiPerStackSlice() {
		CtVolume volume = volume(3, 2, 4, 1, null);
		Overlay overlay = HeatMapRenderer.overlay(volume, volume.image().getStack(), SETTINGS,
			ProgressListener.NONE);
		assertEquals(4, overlay.size(), "one ROI per slice");
		for (int n = 1; n <= 4; n++) {
			Roi roi = overlay.get(n - 1);
			assertTrue(roi instanceof ImageRoi, "ROI " + n + " is an ImageRoi");
			assertEquals(n, roi.getPosition(), "stack position of ROI " + n);
			assertFalse(roi.hasHyperStackPosition(), "ROI " + n + " has no hyperstack position");
			assertEquals(3, roi.getBounds().width, "width of ROI " + n);
			assertEquals(2, roi.getBounds().height, "height of ROI " + n);
		}
	}

	@Test
	void overlayFollowsHyperstackPositions() {
		CtVolume volume = volume(3, 2, 3, 2, null);
		Overlay overlay = HeatMapRenderer.overlay(volume, volume.image().getStack(), SETTINGS,
			ProgressListener.NONE);
		assertEquals(6, overlay.size(), "one ROI per slice and frame");
		for (int n = 1; n <= 6; n++) {
			Roi roi = overlay.get(n - 1);
			assertTrue(roi.hasHyperStackPosition(), "ROI " + n + " has a hyperstack position");
			assertEquals((n - 1) % 3 + 1, roi.getZPosition(), "slice of ROI " + n);
			assertEquals((n - 1) / 3 + 1, roi.getTPosition(), "frame of ROI " + n);
			assertEquals(0, roi.getCPosition(), "channel of ROI " + n);
		}
	}

	@Test
	void flattenedBlendArithmetic() {
		// Soft tissue window: -150..250 HU. -100 HU: grey (50 * 255 / 400 + 0.5) = 32.
		// Viridis entry 0 is (68, 1, 84): round(16 + 34) = 50, round(16 + 0.5) = 17,
		// round(16 + 42) = 58.
		CtVolume volume = volume(1, 1, 1, 1, new float[] { -100 });
		ImagePlus flat = HeatMapRenderer.flatten(volume, volume.image().getStack(), SETTINGS,
			"flat", ProgressListener.NONE);
		int pixel = flat.getProcessor().get(0, 0) & 0xffffff;
		assertEquals(50, pixel >> 16 & 0xff, "red");
		assertEquals(17, pixel >> 8 & 0xff, "green");
		assertEquals(58, pixel & 0xff, "blue");
	}

	@Test
	void flattenedMatchesFormulaEverywhere() {
		float[] hu = { -1000, -150, -100, 0, 50, 100, 250, 300, 2000, Float.NaN, -250, 123.4f };
		float[] map = hu.clone();
		map[3] = Float.NaN;
		CtVolume volume = volume(hu.length, 1, 1, 1, hu);
		ImageStack mapStack = new ImageStack(hu.length, 1);
		mapStack.addSlice(new FloatProcessor(hu.length, 1, map));
		ImagePlus flat = HeatMapRenderer.flatten(volume, mapStack, SETTINGS, "flat",
			ProgressListener.NONE);
		int[] pixels = (int[]) flat.getProcessor().getPixels();
		CtWindow window = SETTINGS.window();
		for (int i = 0; i < hu.length; i++) {
			int grey = window.grey(hu[i]);
			int expected = grey << 16 | grey << 8 | grey;
			if (!SETTINGS.isTransparent(map[i])) {
				int colour = SETTINGS.scale().rgb(map[i]);
				expected = HeatMapRenderer.blend(grey, colour >> 16 & 0xff, 0.5) << 16 |
					HeatMapRenderer.blend(grey, colour >> 8 & 0xff, 0.5) << 8 | HeatMapRenderer
						.blend(grey, colour & 0xff, 0.5);
			}
			assertEquals(expected, pixels[i] & 0xffffff, "pixel " + i + ", HU " + hu[i] +
				", map " + map[i]);
		}
		// 0 HU in -150..250 HU: 150 * 255 / 400 + 0.5 = 96.1.
		assertEquals(0x606060, pixels[3] & 0xffffff, "map NaN at 0 HU shows grey 96");
		assertEquals(0, pixels[10] & 0xffffff, "-250 HU is below the threshold and the window");
	}

	@Test
	void blendRoundsHalfUp() {
		assertEquals(150, HeatMapRenderer.blend(100, 200, 0.5), "midway");
		assertEquals(101, HeatMapRenderer.blend(100, 101, 0.5), "100.5 rounds up");
		assertEquals(100, HeatMapRenderer.blend(100, 255, 0), "opacity 0 keeps grey");
		assertEquals(255, HeatMapRenderer.blend(100, 255, 1), "opacity 1 gives colour");
		assertEquals(178, HeatMapRenderer.blend(10, 250, 0.7), "0.3 * 10 + 0.7 * 250");
		assertEquals(105, HeatMapRenderer.blend(0, 255, 0.41), "0.41 * 255 = 104.55 rounds up");
	}

	@Test
	void flattenedKeepsLayout() {
		CtVolume volume = volume(3, 2, 3, 2, null);
		ImagePlus flat = HeatMapRenderer.flatten(volume, volume.image().getStack(), SETTINGS,
			"flat", ProgressListener.NONE);
		assertEquals(24, flat.getBitDepth(), "RGB");
		assertEquals(3, flat.getNSlices(), "slices");
		assertEquals(2, flat.getNFrames(), "frames");
		assertEquals(0.5, flat.getCalibration().pixelWidth, 0, "pixel width (mm)");
		assertEquals(2.0, flat.getCalibration().pixelDepth, 0, "pixel depth (mm)");
		assertEquals("mm", flat.getCalibration().getUnit(), "unit");
	}

	@Test
	void inputsAreUnchanged() {
		CtVolume volume = volume(3, 2, 2, 1, null);
		float[] before = ((float[]) volume.image().getStack().getPixels(2)).clone();
		HeatMapRenderer.overlay(volume, volume.image().getStack(), SETTINGS,
			ProgressListener.NONE);
		HeatMapRenderer.flatten(volume, volume.image().getStack(), SETTINGS, "flat",
			ProgressListener.NONE);
		assertArrayEquals(before, (float[]) volume.image().getStack().getPixels(2), "HU slice 2");
	}

	@Test
	void attachSetsWindowAndOverlay() {
		CtVolume volume = volume(3, 2, 2, 1, null);
		Overlay overlay = HeatMapRenderer.overlay(volume, volume.image().getStack(), SETTINGS,
			ProgressListener.NONE);
		HeatMapRenderer.attach(volume.image(), overlay, SETTINGS);
		assertEquals(-150, volume.image().getDisplayRangeMin(), 0, "display minimum (HU)");
		assertEquals(250, volume.image().getDisplayRangeMax(), 0, "display maximum (HU)");
		assertSame(overlay, volume.image().getOverlay(), "overlay");
	}

	@Test
	void mismatchedMapIsRejected() {
		CtVolume volume = volume(3, 2, 2, 1, null);
		ImageStack map = new ImageStack(3, 2);
		map.addSlice(new FloatProcessor(3, 2));
		assertThrows(IllegalArgumentException.class, () -> HeatMapRenderer.overlay(volume, map,
			SETTINGS, ProgressListener.NONE));
	}

	@Test
	void describeRecordsSettings() {
		Map<String, String> description = SETTINGS.describe();
		assertEquals("viridis", description.get("Colormap"), "colormap");
		assertEquals("-100", description.get("Minimum (HU)"), "minimum");
		assertEquals("300", description.get("Maximum (HU)"), "maximum");
		assertEquals("-200", description.get("Threshold (HU)"), "threshold");
		assertEquals("0.5", description.get("Opacity"), "opacity");
		assertEquals("Soft tissue", description.get("Window"), "window");
		assertEquals("50", description.get("Window centre (HU)"), "window centre");
		assertEquals("400", description.get("Window width (HU)"), "window width");
		assertEquals("none", HeatMapSettings.builder(VIRIDIS, 0, 1).build().describe().get(
			"Threshold (HU)"), "no threshold");
	}

	@Test
	void settingsRejectInvalid() {
		assertThrows(IllegalArgumentException.class, () -> HeatMapSettings.builder(VIRIDIS, 5, 5)
			.build(), "minimum = maximum");
		assertThrows(IllegalArgumentException.class, () -> HeatMapSettings.builder(VIRIDIS, 0, 1)
			.opacity(1.01).build(), "opacity above 1");
		assertThrows(IllegalArgumentException.class, () -> HeatMapSettings.builder(VIRIDIS, 0, 1)
			.threshold(Double.NaN).build(), "NaN threshold");
	}

	/** Returns ARGB pixels of an overlay ROI. */
	private static int[] argbPixels(Roi roi) {
		return (int[]) ((ImageRoi) roi).getProcessor().getPixels();
	}

	/**
	 * Returns a volume of 0.5 x 0.5 x 2 mm voxels. Without values, voxel n of
	 * the whole stack has HU 10 * n - 100.
	 */
	static CtVolume volume(int width, int height, int depth, int frames, float[] values) {
		ImageStack stack = new ImageStack(width, height);
		int counter = 0;
		for (int n = 0; n < depth * frames; n++) {
			float[] pixels = new float[width * height];
			for (int i = 0; i < pixels.length; i++) {
				pixels[i] = values != null ? values[i] : 10 * counter - 100;
				counter++;
			}
			stack.addSlice("slice " + (n + 1), new FloatProcessor(width, height, pixels));
		}
		ImagePlus image = new ImagePlus("test volume", stack);
		image.setDimensions(1, depth, frames);
		if (frames > 1) image.setOpenAsHyperStack(true);
		return new CtVolume(image, PatientGeometry.axial(new double[3], new double[] { 0.5, 0.5,
			2.0 }), "HU = pixel value", Collections.emptyMap(), Collections.emptyList());
	}
}
