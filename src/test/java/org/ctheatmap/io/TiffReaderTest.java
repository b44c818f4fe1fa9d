package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TIFF stacks saved by ImageJ, opened headless and converted to HU. */
class TiffReaderTest {

	private static final int W = 5, H = 4, D = 3;

	@TempDir
	Path dir;

	@Test
	void float32KeepsHuCalibrationAndGeometry() throws IOException {
		PatientGeometry g = new PatientGeometry(new double[] { -120.5, 33.25, -400.75 },
			new double[] { 0.8, 0.6, 0 }, new double[] { -0.6, 0.8, 0 }, new double[] { 0, 0, 1 },
			new double[] { 0.7, 0.8, 2.5 });
		ImageStack stack = new ImageStack(W, H);
		for (int z = 0; z < D; z++) {
			FloatProcessor ip = new FloatProcessor(W, H);
			for (int p = 0; p < W * H; p++) {
				ip.setf(p, huAt(p, z) + 0.25f);
			}
			stack.addSlice(null, ip);
		}
		ImagePlus image = new ImagePlus("float", stack);
		CtVolume.applyCalibration(image, g);
		Path file = save(image, "float.tif");

		CtVolume v = TiffReader.read(file, ReadOptions.DEFAULT);
		assertEquals(g.toText(), v.geometry().toText(), "geometry property kept");
		assertEquals(0.7, v.image().getCalibration().pixelWidth, 1e-12, "pixel width (mm)");
		assertEquals(2.5, v.image().getCalibration().pixelDepth, 1e-12, "slice spacing (mm)");
		assertEquals("HU", v.image().getCalibration().getValueUnit(), "value unit");
		for (int z = 0; z < D; z++) {
			assertArrayEquals((float[]) stack.getPixels(z + 1), (float[]) v.image().getStack()
				.getPixels(z + 1), "HU of slice " + (z + 1));
		}
		assertEquals("TIFF", v.metadata().get("Format"), "format");
		assertEquals(file.toAbsolutePath().toString(), v.metadata().get("Source"), "source");
		assertTrue(v.warnings().isEmpty(), v.warnings().toString());
	}

	@Test
	void signed16EqualsUnsignedForm() throws IOException {
		ImagePlus signed = shortStack("signed", 32768);
		signed.getCalibration().setSigned16BitCalibration();
		ImagePlus unsigned = shortStack("unsigned", 1024);
		unsigned.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] { -1024, 1 },
			"HU");
		CtVolume a = TiffReader.read(save(signed, "signed.tif"), ReadOptions.DEFAULT);
		CtVolume b = TiffReader.read(save(unsigned, "unsigned.tif"), ReadOptions.DEFAULT);
		for (int z = 0; z < D; z++) {
			float[] expected = new float[W * H];
			for (int p = 0; p < expected.length; p++) {
				expected[p] = huAt(p, z);
			}
			assertArrayEquals(expected, (float[]) a.image().getStack().getPixels(z + 1),
				"signed HU of slice " + (z + 1));
			assertArrayEquals(expected, (float[]) b.image().getStack().getPixels(z + 1),
				"unsigned HU of slice " + (z + 1));
		}
	}

	@Test
	void hyperstackFramesKept() throws IOException {
		ImageStack stack = new ImageStack(W, H);
		for (int n = 0; n < 6; n++) {
			stack.addSlice(null, new FloatProcessor(W, H));
		}
		ImagePlus image = new ImagePlus("frames", stack);
		image.setDimensions(1, 2, 3);
		image.setOpenAsHyperStack(true);
		CtVolume v = TiffReader.read(save(image, "frames.tif"), ReadOptions.DEFAULT);
		assertEquals(2, v.depth(), "slices per frame");
		assertEquals(3, v.frames(), "frames");
	}

	@Test
	void notATiff() throws IOException {
		Path file = Files.writeString(dir.resolve("notes.tif"), "not an image");
		assertRejected(file, "not a TIFF file");
	}

	@Test
	void missingFile() {
		assertRejected(dir.resolve("absent.tif"), "file not found");
	}

	@Test
	void truncatedStack() throws IOException {
		Path full = save(shortStack("cut", 1024), "full.tif");
		byte[] bytes = Files.readAllBytes(full);
		// ImageJ writes the directories of slices 2 and later after the pixels, so
		// cutting the file in half cuts into the pixels.
		Path file = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(bytes, bytes.length / 2));
		assertRejected(file, "truncated TIFF");
	}

	@Test
	void colourRejected() throws IOException {
		Path file = save(new ImagePlus("rgb", new ColorProcessor(W, H)), "rgb.tif");
		assertRejected(file, "colour");
	}

	private static float huAt(int p, int z) {
		return -1024 + 37 * p + 500 * z;
	}

	/** Returns a 16-bit stack whose raw values are HU + offset. */
	private static ImagePlus shortStack(String title, int offset) {
		ImageStack stack = new ImageStack(W, H);
		for (int z = 0; z < D; z++) {
			ShortProcessor ip = new ShortProcessor(W, H);
			for (int p = 0; p < W * H; p++) {
				ip.set(p, (int) huAt(p, z) + offset);
			}
			stack.addSlice(null, ip);
		}
		return new ImagePlus(title, stack);
	}

	private Path save(ImagePlus image, String name) {
		Path file = dir.resolve(name);
		boolean saved = image.getStackSize() > 1 ? new FileSaver(image).saveAsTiffStack(file
			.toString()) : new FileSaver(image).saveAsTiff(file.toString());
		assertTrue(saved, "ImageJ saved " + name);
		return file;
	}

	private static void assertRejected(Path file, String problem) {
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> TiffReader.read(
			file, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
		assertTrue(e.getMessage().contains(problem), e.getMessage());
	}
}
