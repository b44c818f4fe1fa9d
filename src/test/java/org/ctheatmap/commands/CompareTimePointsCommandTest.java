package org.ctheatmap.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ExecutionException;

import org.ctheatmap.compare.report.ComparisonReport;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** Runs {@link CompareTimePointsCommand} through SciJava's CommandService, headless. */
class CompareTimePointsCommandTest {

	private static final Path IMAGES = Paths.get("test-images");

	/** Noise bound on the lesion ROI's mean change in HU (SD about 0.5 HU over 69 voxels). */
	private static final double ROI_NOISE_HU = 2.5;

	/** Bound on the real pair's mean change in HU; measured 0.1 HU. */
	private static final double REAL_PAIR_MEAN_HU = 3;

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
	void comparesImageWithFile() throws Exception {
		ImagePlus baseline = baselineWithLesionRoi();
		float[] before = ((float[]) baseline.getStack().getPixels(12)).clone();
		CommandModule module = run("baseline", baseline, "followUpFiles", IMAGES.resolve(
			"followup-hu.nii.gz").toString(), "alignment", "Patient coordinates");
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());

		ResultsTable changes = (ResultsTable) module.getOutput("changes");
		assertEquals(2, changes.size(), "baseline and follow-up rows");
		assertEquals("lesion", changes.getStringValue("Region", 1), "region");
		assertEquals(-40, changes.getValue("Change in mean (HU)", 1), ROI_NOISE_HU,
			"signed lesion change");

		ImagePlus change = (ImagePlus) module.getOutput("changeHu");
		assertEquals(32, change.getBitDepth(), "32-bit change map");
		assertEquals(PhantomGenerator.DEPTH, change.getNSlices(), "baseline slices");
		assertEquals(-change.getDisplayRangeMax(), change.getDisplayRangeMin(), 0,
			"range symmetric about 0");
		assertEquals("ΔHU", change.getCalibration().getValueUnit(), "unit");
		assertTrue(module.getOutput("trendPlots") instanceof ImagePlus, "trend plot stack");
		assertArrayEquals(before, (float[]) baseline.getStack().getPixels(12),
			"baseline not modified");
	}

	@Test
	void followUpByTitleAndReport() throws Exception {
		ImagePlus baseline = baselineWithLesionRoi();
		ImagePlus followUp = CtReaders.open(IMAGES.resolve("followup-growth.nii.gz"),
			ReadOptions.DEFAULT).image();
		followUp.setTitle("growth");
		Path report = folder.resolve("report");
		boolean batchMode = Interpreter.batchMode;
		Interpreter.batchMode = true;
		Interpreter.addBatchModeImage(followUp);
		try {
			CommandModule module = run("baseline", baseline, "followUpImages", "growth",
				"alignment", "Patient coordinates", "reportFolder", report.toFile());
			assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
			ImagePlus aligned = (ImagePlus) module.getOutput("aligned");
			assertEquals(1, aligned.getNFrames(), "one follow-up");
		} finally {
			Interpreter.removeBatchModeImage(followUp);
			Interpreter.batchMode = batchMode;
		}
		assertTrue(Files.isRegularFile(report.resolve(ComparisonReport.SIDECAR_NAME)),
			"sidecar");
		assertTrue(Files.isRegularFile(report.resolve("change-growth-hu.png")), "montage");
		assertTrue(Files.isRegularFile(report.resolve("trend-lesion.png")), "trend plot");
	}

	@Test
	void cancelsWithoutFollowUp() throws Exception {
		CommandModule module = run("baseline", baselineWithLesionRoi());
		assertTrue(module.isCanceled(), "no follow-up");
		assertEquals(CompareTimePointsCommand.NAME + ": " + CompareMessages.NO_FOLLOW_UP, module
			.getCancelReason(), "cancel reason");
	}

	@Test
	void cancelsOnUnknownTitle() throws Exception {
		CommandModule module = run("baseline", baselineWithLesionRoi(), "followUpImages",
			"missing");
		assertTrue(module.isCanceled(), "unknown title");
		assertTrue(module.getCancelReason().contains("'missing'"), module.getCancelReason());
	}

	@Test
	void noRoisGiveNoTable() throws Exception {
		ImagePlus baseline = CtReaders.open(IMAGES.resolve("baseline.nii.gz"),
			ReadOptions.DEFAULT).image();
		CommandModule module = run("baseline", baseline, "followUpFiles", IMAGES.resolve(
			"followup-hu.nii.gz").toString(), "alignment", "Patient coordinates");
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		assertNull(module.getOutput("changes"), "no change table");
	}

	/** The tilted phantom scan against the 5 mm one, both given as DICOM folders. */
	@Test
	void realPairFromFolders() throws Exception {
		Path first = CtSamples.folder("01_dicom_philips_head_phantom_t1_5mm");
		Path second = CtSamples.folder("02_dicom_philips_head_phantom_t2_tilt_subset");
		CommandModule module = run("baselineFile", first.toFile(), "followUpFiles", second
			.toString(), "alignment", "Automatic");
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus change = (ImagePlus) module.getOutput("changeHu");
		double sum = 0;
		long count = 0;
		for (int n = 1; n <= change.getStackSize(); n++) {
			for (float value : (float[]) change.getStack().getPixels(n)) {
				if (value != value) continue;
				sum += value;
				count++;
			}
		}
		assertTrue(count > 500_000, "voxels compared: " + count);
		assertEquals(0, sum / count, REAL_PAIR_MEAN_HU, "mean change in the overlap");
	}

	private static ImagePlus baselineWithLesionRoi() throws IOException {
		ImagePlus image = CtReaders.open(IMAGES.resolve("baseline.nii.gz"), ReadOptions.DEFAULT)
			.image();
		int[] centre = PhantomGenerator.lesionCentreVoxel();
		Roi roi = new OvalRoi(centre[0] - 4, centre[1] - 4, 9, 9);
		roi.setName("lesion");
		roi.setPosition(centre[2] + 1);
		image.setOverlay(new Overlay(roi));
		return image;
	}

	private static CommandModule run(Object... inputs) throws InterruptedException,
		ExecutionException
	{
		return commands.run(CompareTimePointsCommand.class, true, inputs).get();
	}
}
