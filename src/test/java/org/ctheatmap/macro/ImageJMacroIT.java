package org.ctheatmap.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.Opener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.RoiSetWriter;
import org.ctheatmap.io.nifti.NiftiReader;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example macros of {@code macros/} in real ImageJ 1.54p and checks
 * what they write.
 */
class ImageJMacroIT {

	@TempDir
	Path work;

	@Test
	void heatMapMacroOnPhantom() throws Exception {
		Path input = ImageJRunner.projectDir().resolve("test-images/baseline-dicom");
		// A space in the output path checks that the macro reads bracketed values.
		Path out = work.resolve("heat map out");
		String log = new ImageJRunner(work).run(ImageJRunner.macro("heatmap-study.ijm"),
			"input=[" + input + "] output=[" + out + "]");
		assertClean(log);
		assertTrue(log.contains("128 x 128 x 48 slices"), "phantom size reported:\n" + log);

		ImagePlus rgb = new Opener().openImage(out.resolve("heatmap-rgb.tif").toString());
		assertNotNull(rgb, "flattened stack saved");
		assertEquals(48, rgb.getStackSize(), "one RGB slice per CT slice");
		assertTrue(Files.size(out.resolve("heatmap-middle.png")) > 0, "middle slice PNG saved");
		assertTrue(Files.size(out.resolve("colour-bar.png")) > 0, "colour bar PNG saved");

		// Colours the macro drew must follow the settings it passed: window Soft
		// tissue, inferno over 0..100 HU, threshold 20 HU, opacity 0.6.
		CtVolume ct = CtReaders.open(input, ReadOptions.DEFAULT);
		CtWindow window = CtWindow.preset(CtWindow.SOFT_TISSUE);
		int checked = 0;
		for (int slice = 1; slice <= 48; slice += 7) {
			float[] hu = (float[]) ct.image().getStack().getPixels(slice);
			int[] pixels = (int[]) rgb.getStack().getPixels(slice);
			for (int i = 0; i < hu.length; i += 97) {
				int expected = expectedRgb(hu[i], window);
				assertEquals(Integer.toHexString(expected), Integer.toHexString(pixels[i] &
					0xffffff), "slice " + slice + " pixel " + i + " HU " + hu[i]);
				checked++;
			}
		}
		assertTrue(checked > 1000, "checked " + checked + " pixels");
	}

	@Test
	void measureMacroReadsRoiSet() throws Exception {
		Path input = ImageJRunner.projectDir().resolve("test-images/baseline-dicom");
		Path out = work.resolve("out");
		Path zip = work.resolve("rois.zip");
		List<Roi> rois = new ArrayList<>();
		for (int slice = 10; slice <= 12; slice++) {
			rois.add(namedRoi("box", 40, 50, slice));
		}
		rois.add(namedRoi("single", 70, 60, 20));
		RoiSetWriter.write(rois, zip);

		String log = new ImageJRunner(work).run(ImageJRunner.macro("measure-rois.ijm"), "input=" +
			input + " rois=" + zip + " output=" + out);
		assertClean(log);
		assertTrue(log.contains("Measured 2 regions"), "two regions:\n" + log);

		List<String> lines = Files.readAllLines(out.resolve("regions.csv"), StandardCharsets.UTF_8);
		List<String> header = Arrays.asList(lines.get(0).split(","));
		int volume = header.indexOf("Volume (mm³)");
		int mean = header.indexOf("Mean (HU)");
		assertTrue(volume >= 0, "volume column with unit: " + header);
		assertTrue(mean >= 0, "mean column with unit: " + header);
		CtVolume ct = CtReaders.open(input, ReadOptions.DEFAULT);
		String[] box = rowOf(lines, "box");
		// 3 slices of 10 x 10 voxels of 0.8 x 0.8 x 2.5 mm.
		assertEquals(480.0, Double.parseDouble(box[volume]), 1e-3, "box volume (mm³)");
		assertEquals(meanHu(ct, 40, 50, 10, 12), Double.parseDouble(box[mean]), 1e-6,
			"box mean (HU)");
		String[] single = rowOf(lines, "single");
		assertEquals(meanHu(ct, 70, 60, 20, 20), Double.parseDouble(single[mean]), 1e-6,
			"single mean (HU)");
	}

	@Test
	void normalizeFilterMapMacro() throws Exception {
		Path input = ImageJRunner.projectDir().resolve("test-images/baseline-dicom");
		Path out = work.resolve("out");
		String log = new ImageJRunner(work).run(ImageJRunner.macro("normalize-filter-map.ijm"),
			"input=" + input + " output=" + out);
		assertClean(log);

		// z-scores over the body mask: mean 0 and sample SD 1 inside, NaN outside.
		ImagePlus zscore = new Opener().openImage(out.resolve("zscore.tif").toString());
		assertNotNull(zscore, "z-score stack saved");
		double sum = 0;
		double sumSquares = 0;
		long inside = 0;
		long nan = 0;
		for (int slice = 1; slice <= zscore.getStackSize(); slice++) {
			for (float v : (float[]) zscore.getStack().getPixels(slice)) {
				if (Float.isNaN(v)) {
					nan++;
				} else {
					sum += v;
					sumSquares += (double) v * v;
					inside++;
				}
			}
		}
		assertEquals(352320, inside, "voxels inside the body mask (ground truth)");
		assertTrue(nan > 0, "voxels outside the mask are NaN");
		assertEquals(0, sum / inside, 1e-4, "mean z-score inside the mask");
		double variance = (sumSquares - sum * sum / inside) / inside;
		assertEquals(1, Math.sqrt(variance), 1e-3, "SD of z-scores inside the mask");
		assertTrue(Files.size(out.resolve("normalization.csv")) > 0, "statistics table saved");

		ImagePlus sd = new Opener().openImage(out.resolve("local-sd.tif").toString());
		assertEquals(32, sd.getBitDepth(), "local SD map is 32-bit");
		assertEquals(48, sd.getStackSize(), "local SD map has every slice");
		ImagePlus rgb = new Opener().openImage(out.resolve("local-sd-rgb.tif").toString());
		assertEquals(24, rgb.getBitDepth(), "heat map figure is RGB");
		assertTrue(rgb.getWidth() > 128, "colour bar burnt in beside the slice: width " + rgb
			.getWidth());
	}

	@Test
	void hotspotsMacroFindsPhantomTissues() throws Exception {
		Path input = ImageJRunner.projectDir().resolve("test-images/baseline-dicom");
		Path out = work.resolve("out");
		String log = new ImageJRunner(work).run(ImageJRunner.macro("hotspots-measure.ijm"),
			"input=" + input + " output=" + out);
		assertClean(log);
		assertTrue(log.contains("Found 3 hotspots"), "bone, table and liver:\n" + log);

		List<String> lines = Files.readAllLines(out.resolve("hotspots.csv"),
			StandardCharsets.UTF_8);
		List<String> header = Arrays.asList(lines.get(0).split(","));
		int voxels = header.indexOf("Voxels");
		List<Integer> counts = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			counts.add(Integer.parseInt(line.split(",")[voxels]));
		}
		// Ground truth of the phantom: bone 700 HU and table 200 HU lie far above
		// 80 HU, so noise of SD 5 HU cannot drop a voxel below the threshold.
		assertTrue(counts.contains(11904), "bone hotspot voxels: " + counts);
		assertTrue(counts.contains(16128), "table hotspot voxels: " + counts);
	}

	@Test
	void compareMacroMeasuresLesionChange() throws Exception {
		Path images = ImageJRunner.projectDir().resolve("test-images");
		Path report = work.resolve("report");
		Path zip = work.resolve("lesion.zip");
		// The lesion is centred on voxel (36, 53) of slice 12 with an 8 mm radius, so
		// an 8 x 8 voxel square on slices 11 to 13 lies inside it.
		List<Roi> rois = new ArrayList<>();
		for (int slice = 11; slice <= 13; slice++) {
			Roi roi = new Roi(32, 49, 8, 8);
			roi.setName("lesion");
			roi.setPosition(slice);
			rois.add(roi);
		}
		RoiSetWriter.write(rois, zip);

		String log = new ImageJRunner(work).run(ImageJRunner.macro("compare-time-points.ijm"),
			"baseline=" + images.resolve("baseline-dicom") + " followup=" + images.resolve(
				"followup-hu-dicom") + " output=" + report + " rois=" + zip);
		assertClean(log);
		assertTrue(Files.size(report.resolve("change-followup-hu-dicom-hu.png")) > 0,
			"change map PNG written");

		// Ground truth: the lesion goes from 60 to 20 HU; each time point adds
		// independent noise of SD 5 HU, so 192 voxels give the mean change to about 0.5 HU.
		ImagePlus change = NiftiReader.read(report.resolve("change-followup-hu-dicom-hu.nii.gz"),
			ReadOptions.DEFAULT).image();
		double sum = 0;
		for (int slice = 11; slice <= 13; slice++) {
			float[] values = (float[]) change.getStack().getPixels(slice);
			for (int y = 49; y < 57; y++) {
				for (int x = 32; x < 40; x++) {
					sum += values[y * change.getWidth() + x];
				}
			}
		}
		assertEquals(-40, sum / 192, 2.0, "mean change in the lesion (HU)");
		String changes = new String(Files.readAllBytes(report.resolve("changes.csv")),
			StandardCharsets.UTF_8);
		assertTrue(changes.contains("lesion"), "ROI change table lists the lesion:\n" + changes);
	}

	@Test
	void bridgeStopsMacroOnInvalidOptions() throws Exception {
		Path macro = work.resolve("invalid.ijm");
		Files.write(macro, ("newImage(\"ct\", \"32-bit ramp\", 32, 32, 2);\n" +
			"run(\"Heat Map Overlay\", \"image=ct minhu=200 maxhu=100\");\n" +
			"print(\"still running\");\n").getBytes(StandardCharsets.UTF_8));
		String log = new ImageJRunner(work).run(macro, "");
		assertTrue(log.contains("Heat Map Overlay failed:"), "failure logged:\n" + log);
		assertFalse(log.contains("still running"), "macro stopped after the failure:\n" + log);
	}

	@Test
	void bridgeNeedsNamedSecondImage() throws Exception {
		Path macro = work.resolve("no-labels.ijm");
		Files.write(macro, ("newImage(\"ct\", \"32-bit ramp\", 32, 32, 2);\n" +
			"run(\"Label Map to ROIs\", \"image=ct\");\n" +
			"print(\"still running\");\n").getBytes(StandardCharsets.UTF_8));
		String log = new ImageJRunner(work).run(macro, "");
		assertTrue(log.contains("Label Map to ROIs failed:"), "missing label map reported:\n" +
			log);
		assertFalse(log.contains("still running"), "macro stopped:\n" + log);
	}

	@Test
	void bridgeRejectsUnknownKey() throws Exception {
		Path macro = work.resolve("unknown-key.ijm");
		Files.write(macro, ("newImage(\"ct\", \"32-bit ramp\", 32, 32, 2);\n" +
			"run(\"Heat Map Overlay\", \"image=ct colourmap=viridis\");\n" +
			"print(\"still running\");\n").getBytes(StandardCharsets.UTF_8));
		String log = new ImageJRunner(work).run(macro, "");
		assertTrue(log.contains("unknown macro key 'colourmap'"), "key named:\n" + log);
		assertFalse(log.contains("status"), "services are not listed as keys:\n" + log);
		assertFalse(log.contains("still running"), "macro stopped:\n" + log);
	}

	private static Roi namedRoi(String name, int x, int y, int slice) {
		Roi roi = new Roi(x, y, 10, 10);
		roi.setName(name);
		roi.setPosition(slice);
		return roi;
	}

	private static String[] rowOf(List<String> lines, String region) {
		for (String line : lines) {
			if (line.startsWith(region + ",") || line.startsWith("\"" + region + "\",")) {
				return line.replace("\"", "").split(",");
			}
		}
		throw new AssertionError("no row for " + region + " in " + lines);
	}

	/** Averages the HU of a 10 x 10 voxel square on slices first..last (1-based). */
	private static double meanHu(CtVolume ct, int x, int y, int first, int last) {
		double sum = 0;
		int count = 0;
		for (int slice = first; slice <= last; slice++) {
			float[] hu = (float[]) ct.image().getStack().getPixels(slice);
			for (int row = y; row < y + 10; row++) {
				for (int column = x; column < x + 10; column++) {
					sum += hu[row * ct.width() + column];
					count++;
				}
			}
		}
		return sum / count;
	}

	/** Computes the flattened colour from the published rule, independently of the renderer. */
	private static int expectedRgb(float hu, CtWindow window) {
		int grey = window.grey(hu);
		if (hu < 20) return grey << 16 | grey << 8 | grey;
		int index = (int) Math.floor(hu / 100.0 * 256);
		index = Math.max(0, Math.min(255, index));
		int colour = Colormaps.get("inferno").rgb(index);
		int r = (int) Math.round(0.4 * grey + 0.6 * (colour >> 16 & 0xff));
		int g = (int) Math.round(0.4 * grey + 0.6 * (colour >> 8 & 0xff));
		int b = (int) Math.round(0.4 * grey + 0.6 * (colour & 0xff));
		return r << 16 | g << 8 | b;
	}

	private static void assertClean(String log) {
		assertFalse(log.contains("Macro Error"), "macro error:\n" + log);
		assertFalse(log.contains("Exception"), "exception:\n" + log);
		assertFalse(log.contains(" failed:"), "command failed:\n" + log);
	}
}
