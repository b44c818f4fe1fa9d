package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ij.ImagePlus;
import ij.io.Opener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.SoftwareVersion;
import org.ctheatmap.lut.Colormap;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;
import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.phantom.PhantomTimePoint;
import org.ctheatmap.phantom.PhantomTissue;
import org.ctheatmap.phantom.PhantomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtHeatMapCliTest {

	private static final String BASELINE = HeatMapJobTest.BASELINE_DICOM.toString();

	@Test
	void versionIsPrinted() {
		Run run = Run.of("--version");
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "Exit code");
		assertTrue(run.out.contains(SoftwareVersion.version()), "Output: " + run.out);
	}

	@Test
	void helpNamesUnits() {
		Run run = Run.of("heatmap", "--help");
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "Exit code");
		String[] expected = { "--out", "--series", "--window=NAME", "--window-center=HU",
			"--window-width=HU", "--colormap", "--min=HU", "--max=HU", "--threshold=HU",
			"--opacity=0..1", "--smooth=MM", "in mm", "--slices", "1-based", "--montage=COLUMNS",
			"--montage-slices", "--overwrite", "--version", "Exit codes" };
		for (String text : expected) {
			assertTrue(run.out.contains(text), "Help mentions '" + text + "':\n" + run.out);
		}
	}

	@Test
	void readerWarningsOnStderr(@TempDir Path root) throws IOException {
		// A TIFF carries no patient orientation, which the reader reports as a warning.
		ImagePlus tiff = new ImagePlus("ct", new ij.process.FloatProcessor(16, 16));
		Path input = root.resolve("ct.tif");
		new ij.io.FileSaver(tiff).saveAsTiff(input.toString());
		Run run = Run.of("heatmap", input.toString(), "--out", root.resolve("out").toString());
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "Exit code; stderr: " + run.err);
		assertTrue(run.err.contains("ct-heatmap: warning: "), "Warning prefix: " + run.err);
		assertTrue(run.err.contains("no patient orientation"), "Warning text: " + run.err);
	}

	@Test
	void outputUnderFileNamesReason(@TempDir Path root) throws IOException {
		Path file = Files.write(root.resolve("plain.txt"), new byte[] { 1 });
		Run run = Run.of("heatmap", BASELINE, "--out", file.resolve("out").toString());
		assertEquals(CtHeatMapCli.EXIT_FAILURE, run.exitCode, "Exit code");
		String error = run.err.substring(Math.max(0, run.err.indexOf("ct-heatmap: "))).trim();
		assertTrue(error.startsWith("ct-heatmap: " + file), "Error names the path: " + run.err);
		assertFalse(error.endsWith(file.toString()), "Error gives a reason: " + run.err);
	}

	@Test
	void helpTextsFormatCleanly() {
		// picocli reports a lone '%' in a description on System.err, not on the
		// command line's error stream.
		String[] subcommands = { "heatmap", "measure", "phantom", "filter", "normalize", "batch",
			"map", "hotspots", "luts", "compare" };
		PrintStream systemErr = System.err;
		ByteArrayOutputStream warnings = new ByteArrayOutputStream();
		System.setErr(new PrintStream(warnings, true));
		try {
			for (String subcommand : subcommands) {
				Run run = Run.of(subcommand, "--help");
				assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, subcommand + " --help exit code");
			}
		} finally {
			System.setErr(systemErr);
		}
		String text = new String(warnings.toByteArray(), StandardCharsets.UTF_8);
		assertFalse(text.contains("picocli WARN"), "picocli warnings: " + text);
	}

	@Test
	void missingOutIsUsageError() {
		Run run = Run.of("heatmap", BASELINE);
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, run.exitCode, "Exit code");
		assertTrue(run.err.startsWith("ct-heatmap: Missing required option: '--out=DIR'"),
			"Error: " + run.err);
	}

	@Test
	void missingSubcommandIsUsageError() {
		Run run = Run.of();
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, run.exitCode, "Exit code");
		assertTrue(run.err.startsWith("ct-heatmap: a subcommand is required"), "Error: " + run
			.err);
	}

	@Test
	void missingInputIsOneLine(@TempDir Path root) {
		Run run = Run.of("heatmap", "no-such-scan", "--out", root.resolve("out").toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, run.exitCode, "Exit code");
		assertEquals("ct-heatmap: no-such-scan: file or folder not found\n", run.err, "stderr");
		assertFalse(Files.exists(root.resolve("out")), "No output folder");
	}

	@Test
	void invalidOptionValueIsBadInput(@TempDir Path root) {
		Run run = Run.of("heatmap", BASELINE, "--out", root.toString(), "--opacity", "1.5");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, run.exitCode, "Exit code");
		assertEquals("ct-heatmap: --opacity must be between 0 and 1, got 1.5", run.err.split("\n")[0],
			"First line of stderr");
		assertTrue(run.err.contains("ct-heatmap heatmap --help"), "Hint: " + run.err);
		Run window = Run.of("heatmap", BASELINE, "--out", root.toString(), "--window-center",
			"40");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, window.exitCode, "Exit code, half a window");
		assertTrue(window.err.contains("--window-width"), "Error: " + window.err);
	}

	@Test
	void truncatedInputLeavesNoOutput(@TempDir Path root) throws IOException {
		Path damaged = root.resolve("baseline.nii.gz");
		Files.copy(HeatMapJobTest.BASELINE_NIFTI, damaged);
		try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
			file.setLength(file.length() / 2);
		}
		Path out = root.resolve("results").resolve("run1");
		Run run = Run.of("heatmap", damaged.toString(), "--out", out.toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, run.exitCode, "Exit code; stderr " + run.err);
		String lastLine = run.err.substring(run.err.lastIndexOf("ct-heatmap: "));
		assertTrue(lastLine.startsWith("ct-heatmap: " + damaged + ": "), "Error names the file: " +
			lastLine);
		assertEquals(1, lastLine.split("\n").length, "Error is one line: " + lastLine);
		assertFalse(Files.exists(root.resolve("results")), "No output folder or parent");
		try (Stream<Path> left = Files.list(root)) {
			assertEquals(1, left.count(), "Only the input is left, no staging folder");
		}
	}

	@Test
	void skippedDicomFileIsWarned(@TempDir Path root) throws IOException {
		Path series = Files.createDirectories(root.resolve("series"));
		try (Stream<Path> files = Files.list(HeatMapJobTest.BASELINE_DICOM)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.copy(file, series.resolve(file.getFileName()));
			}
		}
		try (RandomAccessFile file = new RandomAccessFile(series.resolve("CT00020.dcm")
			.toFile(), "rw"))
		{
			file.setLength(file.length() / 2);
		}
		Path out = root.resolve("out");
		Run run = Run.of("heatmap", series.toString(), "--out", out.toString());
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "Exit code; stderr " + run.err);
		JsonObject sidecar = HeatMapJobTest.parse(out.resolve(HeatMapJob.SIDECAR_NAME));
		String warnings = sidecar.getAsJsonArray("warnings").toString();
		assertTrue(warnings.contains("CT00020.dcm"), "Warnings name the skipped file: " +
			warnings);
		assertEquals(47, sidecar.getAsJsonObject("input").getAsJsonArray("dimensions").get(2)
			.getAsInt(), "Slices read");
	}

	@Test
	void heatMapColoursMatchScale(@TempDir Path root) throws IOException {
		Path out = root.resolve("out");
		Run run = Run.of("heatmap", BASELINE, "--out", out.toString(), "--slices", "12,40",
			"--montage", "2", "--opacity", "1", "--colormap", "inferno");
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "Exit code; stderr " + run.err);
		assertTrue(run.err.contains("Rendering slice 48/48"), "Progress: " + run.err);
		assertTrue(run.err.contains("Reading DICOM headers"), "Progress: " + run.err);

		CtVolume volume = CtReaders.open(HeatMapJobTest.BASELINE_DICOM, ReadOptions.DEFAULT);
		ImagePlus png = new Opener().openImage(out.resolve(HeatMapJob.PNG_NAME).toString());
		byte[][] labels = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		Colormap inferno = Colormaps.get("inferno");
		CtWindow window = CtWindow.preset(CtWindow.SOFT_TISSUE);
		int checked = 0;
		// Tile 1 is slice 12 (k = 11), tile 2 slice 40 (k = 39); skip the text corners.
		int[][] tiles = { { 11, Montage.GAP }, { 39, 2 * Montage.GAP + 128 } };
		for (int[] tile : tiles) {
			int k = tile[0];
			float[] hu = (float[]) volume.image().getStack().getPixels(k + 1);
			for (int j = 24; j < 128; j += 7) {
				for (int i = 24; i < 120; i += 5) {
					int expected = expectedColour(hu[j * 128 + i], inferno, window);
					int actual = png.getProcessor().getPixel(tile[1] + i, Montage.GAP + j) & 0xffffff;
					assertEquals(Integer.toHexString(expected), Integer.toHexString(actual),
						"Colour of voxel (" + i + ", " + j + ", " + k + "), " + hu[j * 128 + i] +
							" HU, tissue " + PhantomTissue.values()[labels[k][j * 128 + i]]);
					checked++;
				}
			}
		}
		assertTrue(checked > 500, "Pixels checked: " + checked);
	}

	@Test
	void phantomSubcommandWritesGroundTruth(@TempDir Path root) throws IOException {
		Path out = root.resolve("phantom");
		Run run = Run.of("phantom", "--out", out.toString());
		assertEquals(CtHeatMapCli.EXIT_OK, run.exitCode, "Exit code; stderr " + run.err);
		for (String name : PhantomWriter.outputNames()) {
			assertTrue(Files.exists(out.resolve(name)), "Output " + name);
		}
		assertArrayEquals(Files.readAllBytes(HeatMapJobTest.IMAGES.resolve(
			PhantomWriter.GROUND_TRUTH)), Files.readAllBytes(out.resolve(
				PhantomWriter.GROUND_TRUTH)), "Ground truth equals the committed one");
		Run again = Run.of("phantom", "--out", out.toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, again.exitCode, "Exit code over old outputs");
	}

	/**
	 * Returns the expected 0xRRGGBB of a voxel at opacity 1 with threshold and
	 * minimum -100 HU and maximum 200 HU: grey below the threshold, else
	 * colormap entry floor((hu + 100) / 300 * 256) clamped to 0..255.
	 */
	private static int expectedColour(float hu, Colormap colormap, CtWindow window) {
		if (hu < -100) {
			int grey = window.grey(hu);
			return grey << 16 | grey << 8 | grey;
		}
		int index = (int) Math.floor((hu + 100) / 300.0 * 256);
		return colormap.rgb(Math.max(0, Math.min(255, index))) & 0xffffff;
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
			int exitCode = CtHeatMapCli.run(args, print(out), print(err));
			return new Run(exitCode, text(out), text(err));
		}

		private static PrintStream print(OutputStream stream) {
			return new PrintStream(stream, true);
		}

		private static String text(ByteArrayOutputStream stream) {
			return new String(stream.toByteArray(), StandardCharsets.UTF_8);
		}
	}
}
