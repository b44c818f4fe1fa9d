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
import ij.gui.Overlay;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.ctheatmap.lut.Colormap;
import org.ctheatmap.lut.Colormaps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** Runs {@link HeatMapOverlayCommand} through SciJava's CommandService, headless. */
class HeatMapOverlayCommandTest {

	private static final Colormap VIRIDIS = Colormaps.get(Colormaps.VIRIDIS);

	/** HU of slice 1, row 0: soft-tissue window -150..250 HU, range -100..300 HU. */
	private static final float[] ROW = { -100, 300, -120, 100 };

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
	void runsHeadless() {
		assertTrue(GraphicsEnvironment.isHeadless(), "surefire sets java.awt.headless=true");
	}

	@Test
	void overlayOnNewImage() throws Exception {
		ImagePlus ct = huStack("ct", 1);
		float[] before = ((float[]) ct.getStack().getPixels(2)).clone();
		CommandModule module = run(ct, "createFlattened", false);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());

		ImagePlus heatMap = (ImagePlus) module.getOutput("heatMap");
		assertNotNull(heatMap, "heat map output");
		assertTrue(heatMap != ct, "a new image");
		assertEquals("ct heat map", heatMap.getTitle(), "title");
		assertEquals(-150, heatMap.getDisplayRangeMin(), 0, "display minimum (HU)");
		assertEquals(250, heatMap.getDisplayRangeMax(), 0, "display maximum (HU)");
		assertArrayEquals(before, (float[]) heatMap.getStack().getPixels(2), "HU of slice 2");

		Overlay overlay = heatMap.getOverlay();
		assertEquals(3, overlay.size(), "one ROI per slice");
		for (int n = 1; n <= 3; n++) {
			assertTrue(overlay.get(n - 1) instanceof ImageRoi, "ROI " + n + " is an ImageRoi");
			assertEquals(n, overlay.get(n - 1).getPosition(), "position of ROI " + n);
		}
		int[] argb = (int[]) ((ImageRoi) overlay.get(0)).getProcessor().getPixels();
		assertEquals(0x80000000 | VIRIDIS.rgb(0), argb[0], "-100 HU: entry 0, alpha 128");
		assertEquals(0, argb[2], "-120 HU is below the threshold of -100 HU");

		assertNull(module.getOutput("flattened"), "no flattened output requested");
		assertNotNull(module.getOutput("colourBar"), "colour bar output");
		assertArrayEquals(before, (float[]) ct.getStack().getPixels(2), "input HU unchanged");
		assertNull(ct.getOverlay(), "input has no overlay");
		String info = (String) heatMap.getProperty("Info");
		assertTrue(info.contains("Minimum (HU): -100"), "info records the range: " + info);
	}

	@Test
	void flattenedColoursAtKnownHu() throws Exception {
		CommandModule module = run(huStack("ct", 1), "createFlattened", true);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus flat = (ImagePlus) module.getOutput("flattened");
		assertEquals(24, flat.getBitDepth(), "RGB");
		assertEquals(3, flat.getStackSize(), "slices");
		int[] pixels = (int[]) flat.getStack().getPixels(1);
		// -100 HU: grey 32 and viridis entry 0 (68, 1, 84) at opacity 0.5.
		assertEquals(50 << 16 | 17 << 8 | 58, pixels[0] & 0xffffff, "-100 HU");
		// 300 HU: grey 255 and viridis entry 255 (253, 231, 36).
		assertEquals(254 << 16 | 243 << 8 | 146, pixels[1] & 0xffffff, "300 HU");
		// -120 HU is transparent: grey (30 * 255 / 400 + 0.5) = 19.6.
		assertEquals(19 << 16 | 19 << 8 | 19, pixels[2] & 0xffffff, "-120 HU");
	}

	@Test
	void smoothingChangesTheMap() throws Exception {
		// One slice of 3 x 1 pixels, 1 mm apart: radius 1 mm averages neighbours.
		ImageStack stack = new ImageStack(3, 1);
		stack.addSlice(new FloatProcessor(3, 1, new float[] { 0, 300, 0 }));
		ImagePlus ct = new ImagePlus("line", stack);
		CommandModule module = run(ct, "smoothingRadiusMm", 1.0, "createFlattened", false,
			"thresholdHu", -1000.0);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus heatMap = (ImagePlus) module.getOutput("heatMap");
		int[] argb = (int[]) ((ImageRoi) heatMap.getOverlay().get(0)).getProcessor().getPixels();
		// Means 150, 100, 150 HU in -100..300 HU: entries 160 and 128.
		assertEquals(VIRIDIS.rgb(160), argb[0] & 0xffffff, "mean of 0 and 300 HU");
		assertEquals(VIRIDIS.rgb(128), argb[1] & 0xffffff, "mean of 0, 300 and 0 HU");
		assertEquals(300, heatMap.getProcessor().getf(1), 0, "the HU image is not smoothed");
		String info = (String) heatMap.getProperty("Info");
		assertTrue(info.contains("Smoothing half-widths x, y, z (voxels): 1, 1, 1"), info);
	}

	@Test
	void hyperstackRoiPositions() throws Exception {
		CommandModule module = run(huStack("4d", 2), "createFlattened", true);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		Overlay overlay = ((ImagePlus) module.getOutput("heatMap")).getOverlay();
		assertEquals(6, overlay.size(), "3 slices x 2 frames");
		assertEquals(2, overlay.get(4).getZPosition(), "slice of ROI 5");
		assertEquals(2, overlay.get(4).getTPosition(), "frame of ROI 5");
		ImagePlus flat = (ImagePlus) module.getOutput("flattened");
		assertEquals(2, flat.getNFrames(), "flattened frames");
	}

	@Test
	void calibratedSixteenBitInput() throws Exception {
		// ImageJ's DICOM opener stores HU = raw - 1024 as a straight-line calibration.
		ShortProcessor ip = new ShortProcessor(2, 1);
		ip.set(0, 0, 924);
		ip.set(1, 0, 1324);
		ImagePlus ct = new ImagePlus("dicom", ip);
		ct.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] { -1024, 1 },
			"HU");
		CommandModule module = run(ct, "createFlattened", false);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus heatMap = (ImagePlus) module.getOutput("heatMap");
		assertEquals(-100, heatMap.getProcessor().getf(0), 0, "HU of raw 924");
		int[] argb = (int[]) ((ImageRoi) heatMap.getOverlay().get(0)).getProcessor().getPixels();
		assertEquals(VIRIDIS.rgb(255), argb[1] & 0xffffff, "300 HU gets entry 255");
		assertEquals(924, ct.getProcessor().get(0), "input raw value unchanged");
	}

	@Test
	void defaultsNeedOnlyTheImage() throws Exception {
		CommandModule module = commands.run(HeatMapOverlayCommand.class, true, "image", huStack(
			"ct", 1)).get();
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus heatMap = (ImagePlus) module.getOutput("heatMap");
		String info = (String) heatMap.getProperty("Info");
		assertTrue(info.contains("Maximum (HU): 200"), "default maximum: " + info);
		assertTrue(info.contains("Window: Soft tissue"), "default window: " + info);
		assertNull(module.getOutput("flattened"), "no flattened stack by default");
		assertNotNull(module.getOutput("colourBar"), "colour bar by default");
	}

	@Test
	void customWindow() throws Exception {
		CommandModule module = run(huStack("ct", 1), "window", "Custom", "windowCenterHu", 0.0,
			"windowWidthHu", 1000.0);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus heatMap = (ImagePlus) module.getOutput("heatMap");
		assertEquals(-500, heatMap.getDisplayRangeMin(), 0, "display minimum (HU)");
		assertEquals(500, heatMap.getDisplayRangeMax(), 0, "display maximum (HU)");
	}

	@Test
	void cancelsOnInvalidInputs() throws Exception {
		assertCancel("minHu", "minHu", 300.0);
		assertCancel("Opacity", "opacity", 1.5);
		assertCancel("windowWidthHu", "window", "Custom", "windowWidthHu", 0.0);
		assertCancel("smoothingRadiusMm", "smoothingRadiusMm", -1.0);
		assertCancel("parula", "colormap", "parula");
		assertCancel("CT window 'Abdomen'", "window", "Abdomen");
	}

	private static void assertCancel(String expected, Object... overrides) throws Exception {
		CommandModule module = run(huStack("ct", 1), overrides);
		assertTrue(module.isCanceled(), "canceled for " + Arrays.toString(overrides));
		String reason = module.getCancelReason();
		assertTrue(reason.startsWith(HeatMapOverlayCommand.NAME + ": "), "reason: " + reason);
		assertTrue(reason.contains(expected), "reason names '" + expected + "': " + reason);
		assertNull(module.getOutput("heatMap"), "no output for " + Arrays.toString(overrides));
	}

	/** Runs the command with default inputs, replaced by {@code overrides} (key, value). */
	private static CommandModule run(ImagePlus ct, Object... overrides)
		throws InterruptedException, ExecutionException
	{
		List<Object> inputs = new ArrayList<>(Arrays.asList("image", ct, "window", "Soft tissue",
			"windowCenterHu", 40.0, "windowWidthHu", 400.0, "colormap", "viridis", "minHu", -100.0,
			"maxHu", 300.0, "thresholdHu", -100.0, "opacity", 0.5, "smoothingRadiusMm", 0.0,
			"createFlattened", true, "createColourBar", true));
		for (int i = 0; i < overrides.length; i += 2) {
			int at = inputs.indexOf(overrides[i]);
			inputs.set(at + 1, overrides[i + 1]);
		}
		return commands.run(HeatMapOverlayCommand.class, true, inputs.toArray()).get();
	}

	/**
	 * Returns a 32-bit HU stack of 4 x 2 pixels, 3 slices and the given frames,
	 * 0.5 x 0.5 x 1 mm. Row 0 of every slice is {@link #ROW}, row 1 is 0 HU.
	 */
	private static ImagePlus huStack(String title, int frames) {
		ImageStack stack = new ImageStack(4, 2);
		for (int n = 0; n < 3 * frames; n++) {
			float[] pixels = new float[8];
			System.arraycopy(ROW, 0, pixels, 0, 4);
			stack.addSlice("slice " + (n + 1), new FloatProcessor(4, 2, pixels));
		}
		ImagePlus image = new ImagePlus(title, stack);
		image.setDimensions(1, 3, frames);
		if (frames > 1) image.setOpenAsHyperStack(true);
		Calibration calibration = image.getCalibration();
		calibration.pixelWidth = 0.5;
		calibration.pixelHeight = 0.5;
		calibration.pixelDepth = 1;
		calibration.setUnit("mm");
		return image;
	}
}
