package org.ctheatmap.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ctheatmap.lut.Colormap;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.ValueMapProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** The value-map, range, mask and view options of {@link HeatMapOverlayCommand}. */
class HeatMapOverlayExtrasTest {

	private static final Colormap VIRIDIS = Colormaps.get(Colormaps.VIRIDIS);

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void createContext() {
		context = new Context(CommandService.class, LogService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	@Test
	void valueMapIsColouredInItsUnit() throws Exception {
		ImagePlus ct = image("ct", 0);
		ImagePlus map = image("probability", 0);
		for (int n = 1; n <= 2; n++) {
			float[] p = (float[]) map.getStack().getPixels(n);
			for (int i = 0; i < p.length; i++) {
				p[i] = i / 10f;
			}
		}
		map.getCalibration().setValueUnit("%");
		CommandModule module = run(ct, "valueMap", map, "minHu", 0.0, "maxHu", 1.0,
			"thresholdHu", 0.2);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus heatMap = (ImagePlus) module.getOutput("heatMap");
		int[] argb = overlayPixels(heatMap, 0);
		assertEquals(0, argb[1], "0.1 is below the threshold 0.2");
		assertEquals(VIRIDIS.rgb(128), argb[5] & 0xffffff, "0.5 is the midpoint");
		assertEquals(0, heatMap.getProcessor().getf(5), 0, "the image keeps the CT's HU");
		assertArrayEquals((float[]) map.getStack().getPixels(2), (float[]) ValueMapProperty
			.values(heatMap).getPixels(2), "values for the cursor readout");
		assertEquals("%", ValueMapProperty.unit(heatMap), "unit from the map");
		assertTrue(((String) heatMap.getProperty("Info")).contains("Value map: probability"),
			"info names the map");
	}

	@Test
	void valueMapOfOtherSizeIsRejected() throws Exception {
		ImagePlus small = new ImagePlus("small", new FloatProcessor(2, 2));
		CommandModule module = run(image("ct", 0), "valueMap", small);
		assertTrue(module.isCanceled(), "canceled");
		assertTrue(module.getCancelReason().contains("resample"), "reason: " + module
			.getCancelReason());
	}

	@Test
	void percentileRangeIsRecorded() throws Exception {
		// HU 0..9 on each slice: percentiles 0 and 100 are 0 and 9.
		CommandModule module = run(image("ct", 1), "rangeMode", "Percentiles", "lowPercentile",
			0.0, "highPercentile", 100.0, "thresholdHu", -1000.0);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus heatMap = (ImagePlus) module.getOutput("heatMap");
		String info = (String) heatMap.getProperty("Info");
		assertTrue(info.contains("Minimum (HU): 0"), "minimum used: " + info);
		assertTrue(info.contains("Maximum (HU): 9"), "maximum used: " + info);
		assertTrue(info.contains("Range source: percentiles 0.0 and 100.0"), "source: " + info);
		int[] argb = overlayPixels(heatMap, 1);
		assertEquals(VIRIDIS.rgb(255), argb[9] & 0xffffff, "9 HU gets the last colour");
	}

	@Test
	void selectionMaskHidesOutside() throws Exception {
		ImagePlus ct = image("ct", 1);
		ct.setRoi(new Roi(0, 0, 2, 1));
		CommandModule module = run(ct, "mask", "Selection", "thresholdHu", -1000.0);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		int[] argb = overlayPixels((ImagePlus) module.getOutput("heatMap"), 1);
		assertTrue(argb[1] != 0, "inside the selection");
		assertEquals(0, argb[2], "outside the selection");
	}

	@Test
	void selectionMaskNeedsASelection() throws Exception {
		CommandModule module = run(image("ct", 0), "mask", "Selection");
		assertTrue(module.isCanceled(), "canceled");
		assertTrue(module.getCancelReason().contains("area selection"), "reason: " + module
			.getCancelReason());
	}

	@Test
	void upperThresholdAndRamp() throws Exception {
		CommandModule module = run(image("ct", 1), "thresholdHu", 0.0, "upperThresholdHu", 8.0,
			"rampFromHu", 0.0, "rampToHu", 4.0, "opacity", 1.0);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		int[] argb = overlayPixels((ImagePlus) module.getOutput("heatMap"), 1);
		assertEquals(0, argb[0] >>> 24, "ramp start: alpha 0");
		assertEquals(128, argb[2] >>> 24, "half-way: round(0.5 * 255)");
		assertEquals(255, argb[6] >>> 24, "past the ramp");
		assertEquals(0, argb[9], "9 HU is above the upper threshold");
		assertCanceled("upperThresholdHu", "thresholdHu", 5.0, "upperThresholdHu", 4.0);
		assertCanceled("rampToHu", "rampFromHu", 1.0);
		assertCanceled("lowPercentile", "rangeMode", "Percentiles", "lowPercentile", 50.0,
			"highPercentile", 40.0);
	}

	@Test
	void barIsBurntIntoFlattenedStack() throws Exception {
		CommandModule module = run(image("ct", 0), "createFlattened", true, "burnColourBar",
			true, "colourBarTitle", "Density", "colourBarOrientation", "Horizontal");
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus flat = (ImagePlus) module.getOutput("flattened");
		ImagePlus bar = (ImagePlus) module.getOutput("colourBar");
		assertEquals(10 + bar.getWidth(), flat.getWidth(), "image and bar side by side");
		assertTrue(bar.getWidth() > bar.getHeight(), "horizontal bar is wider than high");
		assertEquals(2, flat.getStackSize(), "every slice gets the bar");
	}

	@Test
	void viewsAndProjection() throws Exception {
		CommandModule module = run(image("ct", 0), "createViews", true, "createProjection",
			true, "viewX", 3, "viewY", 0, "viewSlice", 2);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus coronal = (ImagePlus) module.getOutput("coronalView");
		assertNotNull(coronal, "coronal view");
		assertEquals(10, coronal.getWidth(), "columns");
		assertEquals(8, coronal.getHeight(), "2 slices of 2 mm at 0.5 mm pixels");
		assertEquals(0.5, coronal.getCalibration().pixelHeight, 0, "square pixels (mm)");
		assertNotNull(module.getOutput("axialView"), "axial view");
		assertNotNull(module.getOutput("sagittalView"), "sagittal view");
		assertNotNull(module.getOutput("projection"), "projection");
		assertCanceled("viewX", "createViews", true, "viewX", 10);
	}

	@Test
	void noViewsByDefault() throws Exception {
		CommandModule module = run(image("ct", 0));
		assertNull(module.getOutput("axialView"), "no views unless asked");
		assertNull(module.getOutput("projection"), "no projection unless asked");
	}

	private static void assertCanceled(String expected, Object... overrides) throws Exception {
		CommandModule module = run(image("ct", 1), overrides);
		assertTrue(module.isCanceled(), "canceled for " + Arrays.toString(overrides));
		assertTrue(module.getCancelReason().contains(expected), "reason names '" + expected +
			"': " + module.getCancelReason());
	}

	private static int[] overlayPixels(ImagePlus heatMap, int index) {
		return (int[]) ((ImageRoi) heatMap.getOverlay().get(index)).getProcessor().getPixels();
	}

	private static CommandModule run(ImagePlus ct, Object... inputs) throws Exception {
		List<Object> all = new ArrayList<>(Arrays.asList("image", ct, "createColourBar", true));
		all.addAll(Arrays.asList(inputs));
		return commands.run(HeatMapOverlayCommand.class, true, all.toArray()).get();
	}

	/**
	 * Returns 10 x 1 pixels, 2 slices of 0.5 x 0.5 x 2 mm; slice n has HU
	 * {@code x + step * (n - 1)}.
	 */
	private static ImagePlus image(String title, int step) {
		ImageStack stack = new ImageStack(10, 1);
		for (int n = 0; n < 2; n++) {
			float[] pixels = new float[10];
			for (int x = 0; x < 10; x++) {
				pixels[x] = step == 0 ? 0 : x;
			}
			stack.addSlice(new FloatProcessor(10, 1, pixels));
		}
		ImagePlus image = new ImagePlus(title, stack);
		Calibration calibration = image.getCalibration();
		calibration.pixelWidth = 0.5;
		calibration.pixelHeight = 0.5;
		calibration.pixelDepth = 2;
		calibration.setUnit("mm");
		return image;
	}
}
