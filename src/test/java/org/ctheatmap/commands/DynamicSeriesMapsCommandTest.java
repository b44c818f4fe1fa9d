package org.ctheatmap.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import org.ctheatmap.compare.DynamicPhantom;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** Runs {@link DynamicSeriesMapsCommand} through SciJava's CommandService, headless. */
class DynamicSeriesMapsCommandTest {

	/** Float rounding of map values. */
	private static final double FLOAT_ROUNDING = 1e-3;

	private static Context context;
	private static CommandService commands;

	@TempDir
	Path folder;

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
	void mapsAndCurvesOfHyperstack() throws Exception {
		ImagePlus series = DynamicPhantom.generate().image();
		Roi bolus = new Roi(20, 2, 8, 8);
		bolus.setName("bolus");
		bolus.setPosition(0, 2, 0);
		series.setOverlay(new Overlay(bolus));
		CommandModule module = run("series", series, "bodyOnly", false);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());

		ImagePlus maps = (ImagePlus) module.getOutput("parameterMaps");
		assertEquals(4, maps.getNChannels(), "four maps");
		assertEquals(400, value(maps, 1, 20, 5), FLOAT_ROUNDING, "peak enhancement (HU)");
		assertEquals(6, value(maps, 2, 20, 5), FLOAT_ROUNDING, "time to peak (s)");
		assertEquals(2450, value(maps, 3, 20, 5), FLOAT_ROUNDING, "area (HU·s)");
		assertEquals(100, value(maps, 4, 20, 5), FLOAT_ROUNDING, "wash-in slope (HU/s)");

		ImagePlus peak = (ImagePlus) module.getOutput("peakEnhancement");
		assertEquals(DynamicPhantom.SIZE, peak.getWidth(), "first frame size");
		assertEquals(5, peak.getOverlay().size(), "4 slice overlays and the colour bar");
		ImagePlus time = (ImagePlus) module.getOutput("timeToPeak");
		assertTrue(time.getInfoProperty().contains("Maximum (s): 14"), time.getInfoProperty());

		ResultsTable curves = (ResultsTable) module.getOutput("curves");
		assertEquals(8, curves.size(), "one row per frame");
		assertEquals(500, curves.getValue("Mean (HU)", 3), FLOAT_ROUNDING, "bolus peak");
		assertEquals(6, curves.getValue("Time (s)", 3), FLOAT_ROUNDING, "frame 4 time");
		assertNotNull(module.getOutput("curvePlot"), "plot");
	}

	@Test
	void niftiFileWithExplicitInterval() throws Exception {
		Path file = folder.resolve("series.nii.gz");
		NiftiWriter.write(DynamicPhantom.generate(), file, NiftiDataType.INT16);
		CommandModule module = run("seriesFile", file.toFile(), "frameIntervalSeconds", 4.0,
			"bodyOnly", false);
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus maps = (ImagePlus) module.getOutput("parameterMaps");
		assertEquals(12, value(maps, 2, 20, 5), FLOAT_ROUNDING, "time to peak with 4 s frames");
		assertEquals(null, module.getOutput("curves"), "no ROIs, no curves");
	}

	@Test
	void cancelsWithoutSeries() throws Exception {
		CommandModule module = run();
		assertTrue(module.isCanceled(), "no input");
		assertTrue(module.getCancelReason().startsWith(DynamicSeriesMapsCommand.NAME), module
			.getCancelReason());
	}

	@Test
	void cancelsOnSingleFrame() throws Exception {
		ImagePlus single = new ImagePlus("one", new ij.process.FloatProcessor(8, 8));
		CommandModule module = run("series", single, "frameIntervalSeconds", 2.0);
		assertTrue(module.isCanceled(), "one frame");
		assertTrue(module.getCancelReason().contains("at least 2 frames"), module
			.getCancelReason());
	}

	/** Returns the value of a map (1-based channel) at column i, row j of slice 2. */
	private static double value(ImagePlus maps, int channel, int i, int j) {
		return maps.getStack().getProcessor(maps.getStackIndex(channel, 2, 1)).getf(i, j);
	}

	private static CommandModule run(Object... inputs) throws InterruptedException,
		ExecutionException
	{
		return commands.run(DynamicSeriesMapsCommand.class, true, inputs).get();
	}
}
