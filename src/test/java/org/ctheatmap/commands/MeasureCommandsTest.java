package org.ctheatmap.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.macro.Interpreter;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import org.ctheatmap.io.RoiSetReader;
import org.ctheatmap.io.RoiSetWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** Runs the measuring commands through SciJava's CommandService, headless. */
class MeasureCommandsTest {

	/** Volumes are voxel counts times a product of three doubles. */
	private static final double VOLUME_TOL_MM3 = 1e-9;

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
	void testsRunHeadless() {
		assertTrue(GraphicsEnvironment.isHeadless(), "surefire sets java.awt.headless=true");
	}

	@Test
	void measureRoisFromZip(@TempDir Path folder) throws Exception {
		ImagePlus ct = sliceNumbers("ct", 4);
		Path zip = folder.resolve("rois.zip");
		RoiSetWriter.write(cube("cube", 2, 3), zip);
		Path csv = folder.resolve("table.csv");

		CommandModule module = run(MeasureRoisCommand.class, "image", ct, "roiFile", zip
			.toFile(), "thresholdHu", 2.5, "csvFile", csv.toFile());

		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ResultsTable results = (ResultsTable) module.getOutput("results");
		assertEquals(1, results.size(), "one region");
		assertEquals("cube", results.getStringValue("Region", 0), "region name");
		assertEquals(10 * 10 * 2 * 0.7 * 0.7 * 2.5, results.getValue("Volume (mm³)", 0),
			VOLUME_TOL_MM3, "10 x 10 x 2 voxels of 0.7 x 0.7 x 2.5 mm");
		assertEquals(2.5, results.getValue("Mean (HU)", 0), 0, "mean of slices 2 and 3");
		assertEquals(0.5, results.getValue("Fraction above threshold", 0), 0,
			"slice 3 is above 2.5 HU, slice 2 is not");
		assertTrue(Analyzer.getResultsTable() == results,
			"headless, the table becomes the system Results table for macros");
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertTrue(lines.get(0).startsWith("Region,Slices,Voxels,Area (mm²),Volume (mm³)," +
			"Mean (HU)"), lines.get(0));
		assertTrue(lines.get(1).startsWith("cube,2,200,,245,2.5,"), lines.get(1));
	}

	@Test
	void measureRoisFromOverlayWithMap() throws Exception {
		ImagePlus ct = sliceNumbers("ct", 4);
		ImagePlus map = sliceNumbers("heat", 4);
		map.getCalibration().setValueUnit("a.u.");
		Overlay overlay = new Overlay();
		cube("lesion", 1, 4).forEach(overlay::add);
		overlay.add(new TextRoi(0, 0, "annotation"));
		ct.setOverlay(overlay);
		boolean batchMode = Interpreter.batchMode;
		Interpreter.batchMode = true;
		Interpreter.addBatchModeImage(map);
		try {
			CommandModule module = run(MeasureRoisCommand.class, "image", ct, "otherImages",
				"heat");
			assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
			ResultsTable results = (ResultsTable) module.getOutput("results");
			assertEquals(1, results.size(), "text ROI in the overlay is not a region");
			assertEquals(400, results.getValue("Voxels", 0), 0, "10 x 10 x 4 voxels");
			assertEquals(2.5, results.getValue("heat: Mean (a.u.)", 0), 0, "map mean");
		} finally {
			Interpreter.removeBatchModeImage(map);
			Interpreter.batchMode = batchMode;
		}
	}

	@Test
	void measureRoisCancelsWithoutRois() throws Exception {
		CommandModule module = run(MeasureRoisCommand.class, "image", sliceNumbers("ct", 2));
		assertTrue(module.isCanceled(), "no ROI anywhere");
		assertEquals(MeasureMessages.NO_ROIS, module.getCancelReason(), "cancel reason");
	}

	@Test
	void measureRoisCancelsOnUnknownImage() throws Exception {
		ImagePlus ct = sliceNumbers("ct", 2);
		ct.setOverlay(new Overlay(new Roi(0, 0, 3, 3)));
		CommandModule module = run(MeasureRoisCommand.class, "image", ct, "otherImages",
			"missing");
		assertTrue(module.isCanceled(), "unknown title");
		assertTrue(module.getCancelReason().contains("'missing'"), module.getCancelReason());
	}

	@Test
	void labelMapToRoisHeadless(@TempDir Path folder) throws Exception {
		ImagePlus ct = sliceNumbers("ct", 3);
		ImagePlus labels = labelMap();
		File zip = folder.resolve("labels.zip").toFile();

		CommandModule module = run(LabelMapToRoisCommand.class, "image", ct, "labels", labels,
			"roiFile", zip, "thresholdHu", 1.5);

		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		assertEquals(4, module.getOutput("roiCount"), "label 2 on 3 slices, label 7 on 1");
		ResultsTable results = (ResultsTable) module.getOutput("results");
		assertEquals(2, results.size(), "two labels");
		assertEquals("Label 2", results.getStringValue("Region", 0), "labels in order");
		assertEquals(27, results.getValue("Voxels", 0), 0, "3 x 3 x 3 voxels");
		assertEquals(2.0, results.getValue("Mean (HU)", 0), 0, "mean of slices 1 to 3");
		Overlay overlay = ct.getOverlay();
		assertNotNull(overlay, "headless, the ROIs go to the CT overlay");
		assertEquals(4, overlay.size(), "all traced ROIs in the overlay");
		assertEquals(4, RoiSetReader.read(zip.toPath()).size(), "all traced ROIs saved");

		CommandModule again = run(MeasureRoisCommand.class, "image", ct);
		ResultsTable fromOverlay = (ResultsTable) again.getOutput("results");
		assertEquals(27, fromOverlay.getValue("Voxels", 0), 0,
			"Measure ROIs regroups the traced ROIs of a label");
	}

	@Test
	void labelMapOnOtherGridCancels() throws Exception {
		CommandModule module = run(LabelMapToRoisCommand.class, "image", sliceNumbers("ct", 4),
			"labels", labelMap());
		assertTrue(module.isCanceled(), "3 slices against 4");
		assertTrue(module.getCancelReason().startsWith(LabelMapToRoisCommand.NAME +
			": The label map"), module.getCancelReason());
	}

	private static CommandModule run(Class<? extends org.scijava.command.Command> command,
		Object... inputs) throws InterruptedException, ExecutionException
	{
		return commands.run(command, true, inputs).get();
	}

	/** Returns a 10 x 10 square named {@code name} on each slice from first to last. */
	private static List<Roi> cube(String name, int first, int last) {
		Roi[] rois = new Roi[last - first + 1];
		for (int z = first; z <= last; z++) {
			rois[z - first] = new Roi(3, 4, 10, 10);
			rois[z - first].setName(name);
			rois[z - first].setPosition(z);
		}
		return Arrays.asList(rois);
	}

	/** Returns a 20 x 20 stack of 0.7 x 0.7 x 2.5 mm voxels whose HU is the slice number. */
	private static ImagePlus sliceNumbers(String title, int slices) {
		ImageStack stack = new ImageStack(20, 20);
		for (int z = 1; z <= slices; z++) {
			FloatProcessor plane = new FloatProcessor(20, 20);
			plane.setValue(z);
			plane.fill();
			stack.addSlice(plane);
		}
		ImagePlus image = new ImagePlus(title, stack);
		calibrate(image);
		image.getCalibration().setValueUnit("HU");
		return image;
	}

	/** Returns a 20 x 20 x 3 label map: label 2 a 3 x 3 square on every slice, 7 one pixel. */
	private static ImagePlus labelMap() throws IOException {
		ImageStack stack = new ImageStack(20, 20);
		for (int z = 1; z <= 3; z++) {
			ByteProcessor plane = new ByteProcessor(20, 20);
			plane.setValue(2);
			plane.setRoi(5, 5, 3, 3);
			plane.fill();
			if (z == 2) plane.set(15, 15, 7);
			stack.addSlice(plane);
		}
		ImagePlus labels = new ImagePlus("labels", stack);
		calibrate(labels);
		return labels;
	}

	private static void calibrate(ImagePlus image) {
		Calibration cal = image.getCalibration();
		cal.pixelWidth = 0.7;
		cal.pixelHeight = 0.7;
		cal.pixelDepth = 2.5;
		cal.setUnit("mm");
	}
}
