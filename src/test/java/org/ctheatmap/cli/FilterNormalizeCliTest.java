package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.measure.Calibration;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@code filter} and {@code normalize} subcommands on a small TIFF CT. */
class FilterNormalizeCliTest {

	/** Float32 output of a 0..1 normalization: rounding below 1e-6. */
	private static final double FLOAT_TOL = 1e-6;

	/**
	 * Writes a 16 x 16 x 4 HU stack of 0.8 x 0.8 x 2.5 mm: air at -1000 HU
	 * around an 8 x 8 body of 40 HU whose centre pixel is 100 HU.
	 */
	private static Path writeCt(Path folder) {
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
			stack.addSlice("slice", hu);
		}
		ImagePlus image = new ImagePlus("ct", stack);
		Calibration cal = image.getCalibration();
		cal.pixelWidth = 0.8;
		cal.pixelHeight = 0.8;
		cal.pixelDepth = 2.5;
		cal.setUnit("mm");
		Path file = folder.resolve("ct.tif");
		assertTrue(new FileSaver(image).saveAsTiffStack(file.toString()), "input written");
		return file;
	}

	private static int run(String... args) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = CtHeatMapCli.run(args, new PrintStream(new ByteArrayOutputStream(), true),
			new PrintStream(err, true));
		lastError = new String(err.toByteArray(), StandardCharsets.UTF_8);
		return code;
	}

	private static String lastError = "";

	private static JsonObject json(Path file) throws Exception {
		return JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
			.getAsJsonObject();
	}

	@Test
	void filterWritesTiffAndSidecar(@TempDir Path root) throws Exception {
		Path ct = writeCt(root);
		Path out = root.resolve("median.tif");
		int code = run("filter", ct.toString(), "--out", out.toString(), "--filter", "median",
			"--radius-mm", "0.8");
		assertEquals(CtHeatMapCli.EXIT_OK, code, "exit code; stderr: " + lastError);
		ImagePlus result = new Opener().openImage(out.toString());
		assertEquals(32, result.getBitDepth(), "32-bit HU output");
		assertEquals(40, result.getStack().getProcessor(2).getf(8, 8), 0,
			"median removes the single 100 HU pixel");
		assertEquals(2.5, result.getCalibration().pixelDepth, 0, "slice spacing (mm)");
		JsonObject sidecar = json(root.resolve("median.json"));
		assertEquals("median", sidecar.getAsJsonObject("filter").get("filter").getAsString(),
			"filter in the sidecar");
		assertEquals(0.8, sidecar.getAsJsonObject("filter").get("radiusMm").getAsDouble(), 0,
			"radius in the sidecar");
	}

	@Test
	void filterNeedsItsSizeOption(@TempDir Path root) {
		Path ct = writeCt(root);
		int code = run("filter", ct.toString(), "--out", root.resolve("g.tif").toString(),
			"--filter", "gaussian", "--radius-mm", "1");
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, code, "exit code; stderr: " + lastError);
		assertTrue(lastError.contains("--sigma-mm"), "error names the option: " + lastError);
		assertFalse(Files.exists(root.resolve("g.tif")), "no partial output");
	}

	@Test
	void normalizeWritesStatistics(@TempDir Path root) throws Exception {
		Path ct = writeCt(root);
		Path out = root.resolve("norm.tif");
		int code = run("normalize", ct.toString(), "--out", out.toString(), "--method",
			"min-max", "--mask", "body");
		assertEquals(CtHeatMapCli.EXIT_OK, code, "exit code; stderr: " + lastError);
		ImagePlus result = new Opener().openImage(out.toString());
		assertEquals(1, result.getStack().getProcessor(1).getf(8, 8), FLOAT_TOL,
			"100 HU is the body maximum");
		assertTrue(Float.isNaN(result.getStack().getProcessor(1).getf(0, 0)), "air is NaN");
		JsonObject sidecar = json(root.resolve("norm.json"));
		JsonObject stats = sidecar.getAsJsonArray("frames").get(0).getAsJsonObject()
			.getAsJsonArray("statistics").get(0).getAsJsonObject();
		assertEquals(256, stats.get("voxels").getAsLong(), "voxels in the body mask");
		assertEquals(40, stats.get("minHu").getAsDouble(), 0, "minimum HU");
		assertEquals("body", sidecar.get("mask").getAsString(), "mask in the sidecar");
	}

	@Test
	void normalizeWindowPreset(@TempDir Path root) throws Exception {
		Path ct = writeCt(root);
		Path out = root.resolve("lung.tif");
		int code = run("normalize", ct.toString(), "--out", out.toString(), "--window", "lung");
		assertEquals(CtHeatMapCli.EXIT_OK, code, "exit code; stderr: " + lastError);
		ImagePlus result = new Opener().openImage(out.toString());
		// Lung window: bottom -1350 HU, width 1500 HU.
		assertEquals(350 / 1500.0, result.getStack().getProcessor(1).getf(0, 0), FLOAT_TOL,
			"-1000 HU in the lung window");
	}

	@Test
	void rejectsNonTiffOutput(@TempDir Path root) {
		Path ct = writeCt(root);
		int code = run("normalize", ct.toString(), "--out", root.resolve("x.png").toString());
		assertEquals(CtHeatMapCli.EXIT_BAD_INPUT, code, "exit code");
		assertTrue(lastError.contains(".tif"), "error names the format: " + lastError);
	}
}
