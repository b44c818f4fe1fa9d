package org.ctheatmap.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** Runs Filter CT, Body Mask and Normalize CT through SciJava's CommandService, headless. */
class FilterCommandsTest {

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

	/**
	 * Returns a 16 x 16 x 4 CT, 0.8 x 0.8 x 2.5 mm: air (-1000 HU) around a
	 * 8 x 8 body of 40 HU whose centre pixel is 100 HU.
	 */
	private static ImagePlus phantom(boolean sixteenBit) {
		int w = 16;
		ImageStack stack = new ImageStack(w, w);
		for (int z = 0; z < 4; z++) {
			float[] hu = new float[w * w];
			Arrays.fill(hu, -1000f);
			for (int y = 4; y < 12; y++) {
				for (int x = 4; x < 12; x++) {
					hu[y * w + x] = (x == 8 && y == 8) ? 100 : 40;
				}
			}
			if (sixteenBit) {
				short[] stored = new short[hu.length];
				for (int i = 0; i < hu.length; i++) {
					stored[i] = (short) (hu[i] + 1024);
				}
				stack.addSlice(null, stored);
			} else {
				stack.addSlice(null, hu);
			}
		}
		ImagePlus image = new ImagePlus("ct", stack);
		Calibration cal = image.getCalibration();
		cal.pixelWidth = 0.8;
		cal.pixelHeight = 0.8;
		cal.pixelDepth = 2.5;
		cal.setUnit("mm");
		if (sixteenBit) cal.setFunction(Calibration.STRAIGHT_LINE, new double[] { -1024, 1 }, "HU");
		return image;
	}

	private static CommandModule run(Class<? extends Command> command, Object... inputs)
		throws Exception
	{
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < inputs.length; i += 2) {
			map.put((String) inputs[i], inputs[i + 1]);
		}
		return commands.run(command, true, map).get();
	}

	@Test
	void filterKeepsTypeAndCalibration() throws Exception {
		ImagePlus ct = phantom(true);
		CommandModule module = run(FilterCtCommand.class, "image", ct, "filter", "Median",
			"sizeMm", 0.8);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus out = (ImagePlus) module.getOutput("filtered");
		assertEquals(16, out.getBitDepth(), "16-bit in, 16-bit out");
		assertEquals(2.5, out.getCalibration().pixelDepth, 0, "slice spacing (mm)");
		assertEquals(40, out.getCalibration().getCValue(out.getStack().getProcessor(2).get(8, 8)),
			0, "median removes the single 100 HU pixel");
		assertEquals(100, ct.getCalibration().getCValue(ct.getStack().getProcessor(2).get(8, 8)),
			0, "input unchanged");
	}

	@Test
	void filterInPlaceReturnsTheInput() throws Exception {
		ImagePlus ct = phantom(false);
		CommandModule module = run(FilterCtCommand.class, "image", ct, "filter", "Gaussian",
			"sizeMm", 1.0, "inPlace", true);
		assertSame(ct, module.getOutput("filtered"), "output is the input image");
		assertTrue(ct.getStack().getProcessor(2).getf(8, 8) < 100, "peak smoothed in place");
	}

	@Test
	void filterRejectsZeroSize() throws Exception {
		CommandModule module = run(FilterCtCommand.class, "image", phantom(false), "sizeMm", 0.0);
		assertTrue(module.isCanceled(), "zero size cancels");
		assertTrue(module.getCancelReason().contains("sizeMm"), "reason names the macro key: " +
			module.getCancelReason());
	}

	@Test
	void bodyMaskIsEightBitWithCalibration() throws Exception {
		CommandModule module = run(BodyMaskCommand.class, "image", phantom(true));
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus mask = (ImagePlus) module.getOutput("mask");
		assertEquals(8, mask.getBitDepth(), "8-bit mask");
		assertEquals(255, mask.getStack().getProcessor(1).get(4, 4), "body corner is 255");
		assertEquals(0, mask.getStack().getProcessor(1).get(0, 0), "air is 0");
		assertEquals(0.8, mask.getCalibration().pixelWidth, 0, "pixel width (mm)");
		assertEquals(2.5, mask.getCalibration().pixelDepth, 0, "slice spacing (mm)");
		assertEquals("256", mask.getProp("CTHeatMap.BodyVoxels"), "8 x 8 x 4 voxels");
	}

	@Test
	void normalizeWithBodyMaskReportsStatistics() throws Exception {
		CommandModule module = run(NormalizeCtCommand.class, "image", phantom(true), "method",
			"Min-max", "maskSource", "Body mask");
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus out = (ImagePlus) module.getOutput("normalized");
		assertEquals(32, out.getBitDepth(), "normalized output is 32-bit");
		assertTrue(Float.isNaN(out.getStack().getProcessor(1).getf(0, 0)), "air becomes NaN");
		assertEquals(1, out.getStack().getProcessor(1).getf(8, 8), 1e-6, "100 HU is the maximum");
		assertEquals(0.8, out.getCalibration().pixelWidth, 0, "pixel width (mm)");
		ResultsTable table = (ResultsTable) module.getOutput("statistics");
		assertEquals(1, table.size(), "one row for the whole stack");
		assertEquals(256, table.getValue("Voxels", 0), 0, "voxels in the body mask");
		assertEquals(40, table.getValue("Min (HU)", 0), 0, "minimum HU in the body");
		assertNotNull(out.getProp("CTHeatMap.Normalization"), "settings stored on the image");
	}

	@Test
	void normalizeWindowSetsDisplayRange() throws Exception {
		CommandModule module = run(NormalizeCtCommand.class, "image", phantom(false), "method",
			"Window", "window", "Lung");
		ImagePlus out = (ImagePlus) module.getOutput("normalized");
		assertEquals(-1350, out.getDisplayRangeMin(), 1e-3, "lung window bottom (HU)");
		assertEquals(150, out.getDisplayRangeMax(), 1e-3, "lung window top (HU)");
		assertEquals(-1000, out.getStack().getProcessor(1).getf(0, 0), 0, "HU kept");
	}

	@Test
	void normalizeWithRoiUsesEverySlice() throws Exception {
		ImagePlus ct = phantom(false);
		ct.setRoi(new Roi(6, 6, 4, 4));
		CommandModule module = run(NormalizeCtCommand.class, "image", ct, "method", "Z-score",
			"maskSource", "ROI", "scope", "Each slice");
		ResultsTable table = (ResultsTable) module.getOutput("statistics");
		assertEquals(4, table.size(), "one row per slice");
		assertEquals(16, table.getValue("Voxels", 3), 0, "4 x 4 ROI pixels on slice 4");
	}

	@Test
	void histogramMatchingWithoutReferenceCancels() throws Exception {
		CommandModule module = run(NormalizeCtCommand.class, "image", phantom(false), "method",
			"Histogram matching");
		assertTrue(module.isCanceled(), "canceled");
		assertTrue(module.getCancelReason().contains("reference"), "reason names the key: " +
			module.getCancelReason());
	}

	@Test
	void histogramMatchingOntoItselfKeepsValues() throws Exception {
		ImagePlus ct = phantom(false);
		CommandModule module = run(NormalizeCtCommand.class, "image", ct, "method",
			"Histogram matching", "reference", phantom(false));
		ImagePlus out = (ImagePlus) module.getOutput("normalized");
		assertEquals(100, out.getStack().getProcessor(3).getf(8, 8), 1e-3, "peak HU kept");
		assertEquals(40, out.getStack().getProcessor(3).getf(5, 5), 1e-3, "tissue HU kept");
	}
}
