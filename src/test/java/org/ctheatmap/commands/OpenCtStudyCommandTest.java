package org.ctheatmap.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.dicom.DicomSeriesWriter;
import org.ctheatmap.io.dicom.DicomWriteOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.ModuleService;

/** Runs {@link OpenCtStudyCommand} headless through SciJava. */
class OpenCtStudyCommandTest {

	private static final String LARGE_UID = "1.2.826.0.1.3680043.2.1125.7.1";
	private static final String SMALL_UID = "1.2.826.0.1.3680043.2.1125.7.2";

	private static Context context;

	@TempDir
	static Path dir;

	private static Path study;

	@BeforeAll
	static void writeStudy() throws Exception {
		context = new Context(CommandService.class, ModuleService.class, LogService.class);
		study = Files.createDirectories(dir.resolve("study"));
		DicomSeriesWriter.write(volume(6, 5, 4), study.resolve("large"), DicomWriteOptions
			.builder().uids("1.2.3", LARGE_UID, "1.2.3.4").series("ABDOMEN 5mm", 3).build());
		DicomSeriesWriter.write(volume(4, 4, 2), study.resolve("small"), DicomWriteOptions
			.builder().uids("1.2.3", SMALL_UID, "1.2.3.4").series("SCOUT REFORMAT", 4).build());
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	@Test
	void listsSeriesAndOpensLargest() throws Exception {
		CommandModule module = run(study.toFile(), "", new BioFormatsFallback());
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus ct = (ImagePlus) module.getOutput("ct");
		assertEquals(4, ct.getNSlices(), "the largest series has 4 slices");
		String info = (String) ct.getProperty("Info");
		assertTrue(info.contains("Series found:"), "info lists the series: " + info);
		assertTrue(info.contains("1: #3 CT ABDOMEN 5mm: 6 x 5 x 4 slices, 0.5 x 0.5 x 2 mm [UID " +
			LARGE_UID + "]"), "first line: description, size, spacing, UID: " + info);
		assertTrue(info.contains("2: #4 CT SCOUT REFORMAT: 4 x 4 x 2 slices"), "second line: " +
			info);
	}

	@Test
	void seriesUidChoosesSeries() throws Exception {
		CommandModule module = run(study.toFile(), SMALL_UID, new BioFormatsFallback());
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus ct = (ImagePlus) module.getOutput("ct");
		assertEquals(2, ct.getNSlices(), "slices of the requested series");
		assertEquals(4, ct.getWidth(), "width of the requested series");
	}

	@Test
	void unknownFileWithoutBioFormatsSaysSo() throws Exception {
		Path file = Files.write(dir.resolve("scan.xyz"), "vendor format".getBytes(
			StandardCharsets.US_ASCII));
		CommandModule module = run(file.toFile(), "", new BioFormatsFallback());
		assertTrue(module.isCanceled(), "canceled");
		String reason = module.getCancelReason();
		assertTrue(reason.startsWith("Open CT Study: " + file), "reason names the file: " +
			reason);
		assertTrue(reason.endsWith("(Bio-Formats, which reads more file types, is not" +
			" installed)"), "reason says Bio-Formats is missing: " + reason);
	}

	@Test
	void unknownFileOpensWithBioFormats() throws Exception {
		Path file = Files.write(dir.resolve("scan.vendor"), new byte[] { 1, 2, 3 });
		CommandModule module = run(file.toFile(), "", new BioFormatsFallback(FakeBioFormats.class
			.getName()));
		assertFalse(module.isCanceled(), "not canceled: " + module.getCancelReason());
		ImagePlus ct = (ImagePlus) module.getOutput("ct");
		float[] hu = (float[]) ct.getStack().getPixels(1);
		assertEquals(-1014, hu[5], 0, "HU of raw 5 with slope 2 and intercept -1024");
		String info = (String) ct.getProperty("Info");
		assertTrue(info.contains("Warning: Opened with Bio-Formats"), "info says so: " + info);
	}

	private static CommandModule run(File input, String uid, BioFormatsFallback fallback)
		throws Exception
	{
		CommandInfo info = context.service(CommandService.class).getCommand(
			OpenCtStudyCommand.class);
		ModuleService modules = context.service(ModuleService.class);
		CommandModule module = (CommandModule) modules.createModule(info);
		((OpenCtStudyCommand) module.getCommand()).bioFormats = fallback;
		module.setInput("input", input);
		module.setInput("seriesUid", uid);
		return (CommandModule) modules.run(module, true).get();
	}

	private static CtVolume volume(int width, int height, int depth) {
		ImageStack stack = new ImageStack(width, height);
		for (int z = 0; z < depth; z++) {
			float[] pixels = new float[width * height];
			for (int p = 0; p < pixels.length; p++) {
				pixels[p] = -1000 + 10 * (p + z);
			}
			stack.addSlice(null, new FloatProcessor(width, height, pixels));
		}
		PatientGeometry geometry = PatientGeometry.axial(new double[] { -10, 5, 100 },
			new double[] { 0.5, 0.5, 2 });
		return new CtVolume(new ImagePlus("ct", stack), geometry, "HU", Collections.emptyMap(),
			Collections.emptyList());
	}
}
