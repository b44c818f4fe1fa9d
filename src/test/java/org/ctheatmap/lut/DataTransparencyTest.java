package org.ctheatmap.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.ImageRoi;
import ij.gui.Overlay;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * Transparency from the data: upper threshold, mask and opacity ramp, and
 * the same colour for the same value on every slice and frame.
 */
class DataTransparencyTest {

	private static final Colormap VIRIDIS = Colormaps.get(Colormaps.VIRIDIS);

	@Test
	void upperThresholdHidesHighValues() {
		HeatMapSettings settings = HeatMapSettings.builder(VIRIDIS, 0, 100).threshold(10)
			.upperThreshold(50).opacity(1).build();
		float[] values = { 9.99f, 10, 50, 50.01f };
		int[] argb = overlayPixels(settings, values, null);
		assertEquals(0, argb[0], "below the lower threshold");
		assertEquals(0xff000000 | VIRIDIS.rgb(25), argb[1], "at the lower threshold");
		assertEquals(0xff000000 | VIRIDIS.rgb(128), argb[2], "at the upper threshold");
		assertEquals(0, argb[3], "above the upper threshold");
		assertTrue(settings.describe().get("Transparent").contains("above the upper"),
			"describe names the upper threshold");
	}

	@Test
	void rampSetsAlphaFromTheValue() {
		// Ramp 0..100 at opacity 0.8: value 25 gets 0.2, value 100 and above 0.8.
		HeatMapSettings settings = HeatMapSettings.builder(Colormaps.get(Colormaps.GRAYS), 0,
			100).opacity(0.8).opacityRamp(0, 100).build();
		float[] values = { -5, 0, 25, 100, 400 };
		int[] argb = overlayPixels(settings, values, null);
		assertEquals(0, argb[0] >>> 24, "below the ramp: alpha 0");
		assertEquals(0, argb[1] >>> 24, "ramp start: alpha 0");
		assertEquals(51, argb[2] >>> 24, "25 %: round(0.2 * 255)");
		assertEquals(204, argb[3] >>> 24, "ramp end: round(0.8 * 255)");
		assertEquals(204, argb[4] >>> 24, "past the ramp end");
		assertEquals(0.2, settings.opacity(25), 1e-12, "opacity of 25");
	}

	@Test
	void rampIsIndependentOfTheColour() {
		// Viridis' darkest entry at the ramp end is fully opaque: the colour does not matter.
		HeatMapSettings settings = HeatMapSettings.builder(VIRIDIS, 100, 200).opacity(1)
			.opacityRamp(0, 50).build();
		int[] argb = overlayPixels(settings, new float[] { 50 }, null);
		assertEquals(0xff000000 | VIRIDIS.rgb(0), argb[0], "entry 0, opaque");
	}

	@Test
	void flattenedRampBlendsWithValueOpacity() {
		HeatMapSettings settings = HeatMapSettings.builder(Colormaps.get(Colormaps.GRAYS), 0,
			100).opacity(1).opacityRamp(0, 100).window(CtWindow.custom(50, 100)).build();
		// HU and map are the same image: 50 HU is grey 128 and colour entry 128 at opacity 0.5.
		CtVolume volume = HeatMapRendererTest.volume(1, 1, 1, 1, new float[] { 50 });
		int pixel = HeatMapRenderer.flatten(volume, volume.image().getStack(), settings, "f",
			ProgressListener.NONE).getStack().getProcessor(1).get(0);
		int expected = HeatMapRenderer.blend(128, 128, 0.5);
		assertEquals(expected, pixel & 0xff, "blue channel");
	}

	@Test
	void maskHidesTheMapOutside() {
		HeatMapSettings settings = HeatMapSettings.builder(VIRIDIS, 0, 100).opacity(1).build();
		boolean[][] mask = { { true, false, true } };
		int[] argb = overlayPixels(settings, new float[] { 10, 10, 10 }, mask);
		assertEquals(0xff000000 | VIRIDIS.rgb(25), argb[0], "inside");
		assertEquals(0, argb[1], "outside the mask");

		CtVolume volume = HeatMapRendererTest.volume(3, 1, 1, 1, new float[] { 10, 10, 10 });
		int[] flat = (int[]) HeatMapRenderer.flatten(volume, volume.image().getStack(),
			settings, mask, "f", ProgressListener.NONE).getStack().getPixels(1);
		int grey = settings.window().grey(10);
		assertEquals(grey << 16 | grey << 8 | grey, flat[1] & 0xffffff,
			"flattened outside the mask is grey");
		assertEquals(VIRIDIS.rgb(25), flat[0] & 0xffffff, "flattened inside is the colour");
	}

	@Test
	void maskOfOneTimePointAppliesToAll() {
		HeatMapSettings settings = HeatMapSettings.builder(VIRIDIS, 0, 100).opacity(1).build();
		CtVolume volume = HeatMapRendererTest.volume(2, 1, 2, 2, new float[] { 10, 10 });
		boolean[][] mask = { { true, false }, { false, true } };
		Overlay overlay = HeatMapRenderer.overlay(volume, volume.image().getStack(), settings,
			mask, ProgressListener.NONE);
		int[] slice1frame2 = pixels(overlay, 2);
		int[] slice2frame2 = pixels(overlay, 3);
		assertEquals(0, slice1frame2[1], "frame 2, slice 1 uses the plane of slice 1");
		assertEquals(0, slice2frame2[0], "frame 2, slice 2 uses the plane of slice 2");
		assertThrows(IllegalArgumentException.class, () -> HeatMapRenderer.overlay(volume,
			volume.image().getStack(), settings, new boolean[3][2], ProgressListener.NONE),
			"3 planes fit neither 2 slices nor 4 images");
	}

	@Test
	void sameColourOnEverySlice() {
		HeatMapSettings settings = HeatMapSettings.builder(VIRIDIS, -100, 300).opacity(0.5)
			.build();
		float[] values = { -100, 37.5f, 299 };
		CtVolume volume = HeatMapRendererTest.volume(3, 1, 4, 3, values);
		Overlay overlay = HeatMapRenderer.overlay(volume, volume.image().getStack(), settings,
			ProgressListener.NONE);
		int[] first = pixels(overlay, 0);
		for (int n = 1; n < overlay.size(); n++) {
			int[] other = pixels(overlay, n);
			for (int i = 0; i < values.length; i++) {
				assertEquals(first[i], other[i], values[i] + " on stack image " + (n + 1));
			}
		}
	}

	@Test
	void rangeSourceIsRecorded() {
		HeatMapSettings settings = HeatMapSettings.builder(VIRIDIS, 0, 1).rangeSource(
			"percentiles 2 and 98 inside the mask").build();
		assertEquals("percentiles 2 and 98 inside the mask", settings.describe().get(
			"Range source"), "range source");
		assertEquals("fixed", HeatMapSettings.builder(VIRIDIS, 0, 1).build().describe().get(
			"Range source"), "default");
	}

	@Test
	void invalidExtrasAreRejected() {
		assertThrows(IllegalArgumentException.class, () -> HeatMapSettings.builder(VIRIDIS, 0, 1)
			.threshold(5).upperThreshold(4).build(), "upper below lower");
		assertThrows(IllegalArgumentException.class, () -> HeatMapSettings.builder(VIRIDIS, 0, 1)
			.opacityRamp(3, 3).build(), "empty ramp");
		assertThrows(IllegalArgumentException.class, () -> HeatMapSettings.builder(VIRIDIS, 0, 1)
			.opacityRamp(0, Double.NaN).build(), "half a ramp");
	}

	private static int[] overlayPixels(HeatMapSettings settings, float[] values,
		boolean[][] mask)
	{
		CtVolume volume = HeatMapRendererTest.volume(values.length, 1, 1, 1, values);
		return pixels(HeatMapRenderer.overlay(volume, volume.image().getStack(), settings, mask,
			ProgressListener.NONE), 0);
	}

	private static int[] pixels(Overlay overlay, int index) {
		return (int[]) ((ImageRoi) overlay.get(index)).getProcessor().getPixels();
	}
}
