package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.io.Opener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.batch.BatchInputs;
import org.ctheatmap.batch.BatchJob;
import org.ctheatmap.batch.StudyOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@code batch} subcommand on two good studies and a broken one. */
class BatchCommandTest {

	private static final List<String> STUDY_FILES = Arrays.asList(HeatMapJob.TIFF_NAME,
		HeatMapJob.PNG_NAME, HeatMapJob.SIDECAR_NAME, BatchJob.LOG_NAME);

	/** "00:01:23": elapsed times and estimates vary with the machine. */
	private static final String HMS = "\\d\\d:\\d\\d:\\d\\d";

	@TempDir
	static Path root;

	private static Path in;
	private static Path out;
	private static Run first;

	@BeforeAll
	static void runBatch() throws IOException {
		in = BatchInputs.threeStudies(root.resolve("in"));
		out = root.resolve("out");
		first = Run.of("batch", in.toString(), "--out", out.toString(), "--colormap", "inferno");
	}

	@Test
	void failedStudyMakesExitOne() {
		assertEquals(CtHeatMapCli.EXIT_FAILURE, first.exitCode, "exit code; stderr:\n" + first
			.err);
	}

	@Test
	void summaryListsEveryStudy() throws IOException {
		List<List<String>> rows = BatchInputs.readCsv(out.resolve(BatchJob.SUMMARY_NAME));
		assertEquals(StudyOutcome.COLUMNS, rows.get(0), "header");
		assertEquals(4, rows.size(), "header and three studies");
		assertRow(rows.get(1), "p01", "ok", String.valueOf(BatchInputs.SLICES));
		assertRow(rows.get(2), "p02", "ok", String.valueOf(BatchInputs.SLICES));
		assertRow(rows.get(3), "p03", "failed", "");
		assertEquals(in.toRealPath().resolve("p02.nii.gz").toString(), rows.get(2).get(1),
			"input of p02");
		assertEquals("", rows.get(1).get(3), "no error for p01");
		assertTrue(rows.get(3).get(3).startsWith(in.toRealPath().resolve("p03.nii.gz") + ": "),
			"error of p03 names the file: " + rows.get(3).get(3));
		assertEquals("p01/heatmap.tif;p01/heatmap.png;p01/heatmap.json;p01/heatmap.log", rows.get(
			1).get(6), "outputs of p01");
		assertEquals("p03/heatmap.log", rows.get(3).get(6), "outputs of p03");
		for (int r = 1; r < rows.size(); r++) {
			assertTrue(Double.parseDouble(rows.get(r).get(4)) > 0, "seconds of row " + r);
		}
	}

	@Test
	void goodStudiesHaveAllOutputs() throws IOException {
		for (String study : new String[] { "p01", "p02" }) {
			for (String name : STUDY_FILES) {
				Path file = out.resolve(study).resolve(name);
				assertTrue(Files.size(file) > 0, "non-empty " + file);
			}
		}
		String sidecar = read(out.resolve("p01").resolve(HeatMapJob.SIDECAR_NAME));
		JsonObject json = JsonParser.parseString(sidecar).getAsJsonObject();
		assertEquals(in.toRealPath().resolve("p01").toString(), json.getAsJsonObject("input")
			.get("absolutePath").getAsString(), "sidecar input");
		assertEquals("inferno", json.getAsJsonObject("parameters").get("colormap")
			.getAsString(), "sidecar colormap");
		assertFalse(sidecar.contains(".ct-heatmap"), "no staging path in the sidecar");
		String log = read(out.resolve("p01").resolve(BatchJob.LOG_NAME));
		assertTrue(log.contains("Input: " + in.toRealPath().resolve("p01")), "log input:\n" + log);
		assertTrue(log.contains("Reading DICOM headers 48/48"), "log steps:\n" + log);
		assertTrue(log.matches("(?s).*Finished: ok in " + HMS + ", 48 slices\n"), "log end:\n" +
			log);
	}

	@Test
	void batchTiffEqualsSingleRun() throws IOException {
		Path single = root.resolve("single");
		Run run = Run.of("heatmap", in.resolve("p02.nii.gz").toString(), "--out", single
			.toString(), "--colormap", "inferno");
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "single run: " + run.err);
		ImagePlus batch = new Opener().openImage(out.resolve("p02/heatmap.tif").toString());
		ImagePlus alone = new Opener().openImage(single.resolve("heatmap.tif").toString());
		assertEquals(alone.getStackSize(), batch.getStackSize(), "slices");
		for (int n = 1; n <= alone.getStackSize(); n += 11) {
			assertArrayEquals((int[]) alone.getStack().getPixels(n), (int[]) batch.getStack()
				.getPixels(n), "RGB of slice " + n);
		}
	}

	@Test
	void failedStudyKeepsOnlyLog() throws IOException {
		List<String> names = list(out.resolve("p03"));
		assertEquals(Collections.singletonList(BatchJob.LOG_NAME), names, "p03 folder");
		String log = read(out.resolve("p03").resolve(BatchJob.LOG_NAME));
		assertTrue(log.contains("Failed after "), "log:\n" + log);
		assertTrue(log.contains("p03.nii.gz: "), "log names the file:\n" + log);
	}

	@Test
	void progressOnStderr() {
		String[] lines = first.err.split("\n");
		String[] expected = { "1/3 p01, elapsed " + HMS + ", ETA unknown", "1/3 p01: ok in " +
			HMS + ", 48 slices", "2/3 p02, elapsed " + HMS + ", ETA " + HMS, "2/3 p02: ok in " +
				HMS + ", 48 slices", "3/3 p03, elapsed " + HMS + ", ETA " + HMS,
			"3/3 p03: failed: .*p03\\.nii\\.gz: .*", "Batch finished in " + HMS +
				": 2 ok, 1 failed, 0 skipped; summary in .*batch-summary\\.csv" };
		assertEquals(expected.length, lines.length, "stderr lines:\n" + first.err);
		for (int i = 0; i < expected.length; i++) {
			assertTrue(lines[i].matches(expected[i]), "line " + (i + 1) + ": " + lines[i]);
		}
	}

	@Test
	void noStagingFolderLeft() throws IOException {
		assertEquals(Collections.emptyList(), BatchInputs.hiddenEntries(out), "hidden entries");
		assertEquals(Arrays.asList("batch-summary.csv", "p01", "p02", "p03"), list(out),
			"output folder");
	}

	@Test
	void rerunSkipsFinishedStudies(@TempDir Path dir) throws IOException {
		Path again = dir.resolve("out");
		BatchInputs.copyTree(out, again);
		FileTime before = Files.getLastModifiedTime(again.resolve("p01/heatmap.tif"));
		Run run = Run.of("batch", in.toString(), "--out", again.toString());
		assertEquals(CtHeatMapCli.EXIT_FAILURE, run.exitCode, "p03 fails again: " + run.err);
		assertTrue(run.err.contains("1/3 p01: skipped, finished earlier\n"), run.err);
		assertTrue(run.err.contains("2/3 p02: skipped, finished earlier\n"), run.err);
		assertTrue(run.err.contains(": 0 ok, 1 failed, 2 skipped;"), run.err);
		assertEquals(before, Files.getLastModifiedTime(again.resolve("p01/heatmap.tif")),
			"p01 TIFF untouched");
		List<List<String>> rows = BatchInputs.readCsv(again.resolve(BatchJob.SUMMARY_NAME));
		assertRow(rows.get(1), "p01", "skipped", "48");
		assertEquals("", rows.get(1).get(4), "no seconds for a skipped study");
		assertEquals("p01/heatmap.tif;p01/heatmap.png;p01/heatmap.json;p01/heatmap.log", rows.get(
			1).get(6), "outputs of skipped p01");
		assertRow(rows.get(3), "p03", "failed", "");
	}

	@Test
	void overwriteRedoesStudies(@TempDir Path dir) throws IOException {
		Path again = dir.resolve("out");
		BatchInputs.copyTree(out, again);
		String oldLog = read(again.resolve("p01").resolve(BatchJob.LOG_NAME));
		Run run = Run.of("batch", in.toString(), "--out", again.toString(), "--overwrite",
			"--colormap", "grays");
		assertEquals(CtHeatMapCli.EXIT_FAILURE, run.exitCode, "p03 fails again: " + run.err);
		assertTrue(run.err.contains(": 2 ok, 1 failed, 0 skipped;"), run.err);
		List<List<String>> rows = BatchInputs.readCsv(again.resolve(BatchJob.SUMMARY_NAME));
		assertRow(rows.get(1), "p01", "ok", "48");
		String sidecar = read(again.resolve("p01").resolve(HeatMapJob.SIDECAR_NAME));
		assertTrue(sidecar.contains("\"colormap\": \"grays\""), "new colormap in the sidecar");
		assertNotEquals(oldLog, read(again.resolve("p01").resolve(BatchJob.LOG_NAME)), "new log");
		assertEquals(Collections.emptyList(), BatchInputs.hiddenEntries(again), "hidden entries");
	}

	@Test
	void indexSelectsOneStudy(@TempDir Path dir) throws IOException {
		Path target = dir.resolve("out");
		Run run = Run.of("batch", in.toString(), "--out", target.toString(), "--index", "1");
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "exit code: " + run.err);
		assertEquals(Collections.singletonList("p02"), list(target), "only p02, no summary");
		assertTrue(run.err.startsWith("1/1 p02, elapsed "), run.err);
		assertTrue(run.err.endsWith(": 1 ok, 0 failed, 0 skipped\n"), run.err);
		Run failing = Run.of("batch", in.toString(), "--out", target.toString(), "--study",
			"p03");
		assertEquals(CtHeatMapCli.EXIT_FAILURE, failing.exitCode, "p03 alone: " + failing.err);
		assertEquals(Arrays.asList("p02", "p03"), list(target), "p03 added");
	}

	@Test
	void badSelectionIsUsageError(@TempDir Path dir) {
		Run index = Run.of("batch", in.toString(), "--out", dir.toString(), "--index", "3");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, index.exitCode, "index 3");
		assertTrue(index.err.startsWith("ct-heatmap: study index 3 is outside 0..2;"), index.err);
		Run name = Run.of("batch", in.toString(), "--out", dir.toString(), "--study", "p9");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, name.exitCode, "unknown study");
		Run both = Run.of("batch", in.toString(), "--out", dir.toString(), "--study", "p01",
			"--index", "0");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, both.exitCode, "--study with --index");
	}

	@Test
	void listPrintsIndexAndState() {
		Run run = Run.of("batch", in.toString(), "--out", out.toString(), "--list");
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "exit code: " + run.err);
		String[] lines = run.out.split("\n");
		assertEquals("index\tstudy\tstate\tinput", lines[0], "header");
		assertTrue(lines[1].startsWith("0\tp01\tfinished\t"), lines[1]);
		assertTrue(lines[3].startsWith("2\tp03\tpending\t"), lines[3]);
		assertEquals(4, lines.length, "header and three studies");
	}

	@Test
	void invalidOptionsStopBeforeWork(@TempDir Path dir) {
		Path target = dir.resolve("out");
		Run opacity = Run.of("batch", in.toString(), "--out", target.toString(), "--opacity",
			"1.5");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, opacity.exitCode, "exit code");
		assertTrue(opacity.err.startsWith("ct-heatmap: --opacity must be between 0 and 1"),
			opacity.err);
		Run colormap = Run.of("batch", in.toString(), "--out", target.toString(), "--colormap",
			"rainbow");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, colormap.exitCode, "unknown colormap");
		assertFalse(Files.exists(target), "nothing written");
	}

	@Test
	void badInputFolderIsBadInput(@TempDir Path dir) throws IOException {
		Run missing = Run.of("batch", dir.resolve("absent").toString(), "--out", dir.resolve(
			"out").toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, missing.exitCode, "missing folder");
		assertTrue(missing.err.endsWith("absent: folder not found\n"), missing.err);
		Path empty = Files.createDirectories(dir.resolve("empty"));
		Files.write(empty.resolve("notes.txt"), "x".getBytes(StandardCharsets.UTF_8));
		Run none = Run.of("batch", empty.toString(), "--out", dir.resolve("out").toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, none.exitCode, "no studies");
		assertTrue(none.err.startsWith("notes.txt: ignored"), "note first: " + none.err);
		assertTrue(none.err.contains("empty: contains no studies"), none.err);
		Run same = Run.of("batch", in.toString(), "--out", in.toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, same.exitCode, "output is the input folder");
	}

	@Test
	void helpNamesOptions() {
		Run run = Run.of("batch", "--help");
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "exit code");
		for (String text : new String[] { "IN_DIR", "--out=OUT_DIR", "--overwrite", "--study",
			"--index", "0-based", "--list", "--colormap", "--min=HU", "--smooth=MM",
			"batch-summary.csv", "Exit codes" })
		{
			assertTrue(run.out.contains(text), "help mentions " + text + ":\n" + run.out);
		}
	}

	private static void assertRow(List<String> row, String study, String status, String slices) {
		assertEquals(study, row.get(0), "study");
		assertEquals(status, row.get(2), "status of " + study);
		assertEquals(slices, row.get(5), "slices of " + study);
	}

	private static List<String> list(Path folder) throws IOException {
		try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
			return entries.map(p -> p.getFileName().toString()).sorted().collect(
				java.util.stream.Collectors.toList());
		}
	}

	private static String read(Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}

	/** Exit code, stdout and stderr of one command-line run. */
	private static final class Run {

		final int exitCode;
		final String out;
		final String err;

		private Run(int exitCode, String out, String err) {
			this.exitCode = exitCode;
			this.out = out;
			this.err = err;
		}

		static Run of(String... args) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int exitCode = CtHeatMapCli.run(args, new PrintStream(out, true), new PrintStream(err,
				true));
			return new Run(exitCode, text(out), text(err));
		}

		private static String text(ByteArrayOutputStream stream) {
			return new String(stream.toByteArray(), StandardCharsets.UTF_8);
		}
	}
}
