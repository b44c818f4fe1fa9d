package org.ctheatmap.io.badinput;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.dicom.DicomSeriesWriter;
import org.ctheatmap.io.dicom.DicomWriteOptions;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiWriter;

/**
 * Small valid CT files in every format, the starting points that the bad-input
 * corpus and the fuzz test damage. All hold the same 6 x 5 x 3 grid of int16
 * HU with 0.5 x 0.5 x 2 mm voxels.
 */
final class SeedFiles {

	static final int WIDTH = 6;
	static final int HEIGHT = 5;
	static final int DEPTH = 3;

	private SeedFiles() {}

	static CtVolume volume() {
		ImageStack stack = new ImageStack(WIDTH, HEIGHT);
		for (int z = 0; z < DEPTH; z++) {
			float[] pixels = new float[WIDTH * HEIGHT];
			for (int p = 0; p < pixels.length; p++) {
				pixels[p] = -1000 + 16 * ((p * 7 + z * 13) % 120);
			}
			stack.addSlice(null, new FloatProcessor(WIDTH, HEIGHT, pixels));
		}
		PatientGeometry geometry = PatientGeometry.axial(new double[] { -20, 10, 300 },
			new double[] { 0.5, 0.5, 2 });
		return new CtVolume(new ImagePlus("seed", stack), geometry, "HU", Collections.emptyMap(),
			Collections.emptyList());
	}

	/** Writes an int16 NIfTI-1 file; gzip when the name ends in .gz. */
	static Path nifti(Path file) throws IOException {
		NiftiWriter.write(volume(), file, NiftiDataType.INT16);
		return file;
	}

	/** Returns the stored int16 values, little-endian, i fastest. */
	static byte[] shorts(ByteOrder order) {
		ByteBuffer b = ByteBuffer.allocate(2 * WIDTH * HEIGHT * DEPTH).order(order);
		ImageStack stack = volume().image().getStack();
		for (int n = 1; n <= DEPTH; n++) {
			for (float v : (float[]) stack.getPixels(n)) {
				b.putShort((short) v);
			}
		}
		return b.array();
	}

	/** Returns a NRRD header for the seed grid, ending with the blank line. */
	static String nrrdHeader(String encoding) {
		return "NRRD0004\ntype: short\ndimension: 3\nspace: left-posterior-superior\n" +
			"sizes: " + WIDTH + " " + HEIGHT + " " + DEPTH + "\n" +
			"space directions: (0.5,0,0) (0,0.5,0) (0,0,2)\nkinds: domain domain domain\n" +
			"endian: little\nencoding: " + encoding + "\nspace origin: (-20,10,300)\n\n";
	}

	/** Writes an attached NRRD, gzip or raw. */
	static Path nrrd(Path file, boolean gzip) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(nrrdHeader(gzip ? "gzip" : "raw").getBytes(StandardCharsets.US_ASCII));
		byte[] data = shorts(ByteOrder.LITTLE_ENDIAN);
		out.write(gzip ? gzip(data) : data);
		return Files.write(file, out.toByteArray());
	}

	/** Returns a MetaImage header for the seed grid with local data. */
	static String metaImageHeader(boolean compressed) {
		return "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n" +
			"CompressedData = " + (compressed ? "True" : "False") + "\n" +
			"TransformMatrix = 1 0 0 0 1 0 0 0 1\nOffset = -20 10 300\n" +
			"ElementSpacing = 0.5 0.5 2\nDimSize = " + WIDTH + " " + HEIGHT + " " + DEPTH + "\n" +
			"ElementType = MET_SHORT\nElementDataFile = LOCAL\n";
	}

	/** Writes a .mha with local data, zlib-compressed or raw. */
	static Path metaImage(Path file, boolean compressed) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(metaImageHeader(compressed).getBytes(StandardCharsets.US_ASCII));
		byte[] data = shorts(ByteOrder.LITTLE_ENDIAN);
		out.write(compressed ? zlib(data) : data);
		return Files.write(file, out.toByteArray());
	}

	/** Writes the seed as a DICOM series, one file per slice, and returns the files. */
	static List<Path> dicom(Path folder) throws IOException {
		return DicomSeriesWriter.write(volume(), folder, DicomWriteOptions.builder().uids("1.2.3",
			"1.2.3.1", "1.2.3.2").build());
	}

	static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream z = new GZIPOutputStream(out)) {
			z.write(bytes);
		}
		return out.toByteArray();
	}

	static byte[] zlib(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream z = new DeflaterOutputStream(out)) {
			z.write(bytes);
		}
		return out.toByteArray();
	}
}
