package org.ctheatmap.io.metaimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.raw.StoredGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MetaImage files written here line by line: element types, byte orders,
 * zlib compression, separate data files, direction matrices and scaling.
 */
class MetaImageReaderTest {

	/** Header numbers are short decimals, so positions are exact up to double rounding. */
	private static final double POSITION_TOL_MM = 1e-9;

	private static final float[] HU = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	private static final long[] SIZE = { 3, 2, 2 };
	private static final double[][] LPS = { { 0.5, 0, 0, 10 }, { 0, 0.75, 0, -20 }, { 0, 0, 2,
		30 } };

	@TempDir
	Path dir;

	/** Header keys in writing order; ElementDataFile is appended last. */
	private final Map<String, String> keys = new LinkedHashMap<>();
	private byte[] data = shorts(ByteOrder.LITTLE_ENDIAN);

	MetaImageReaderTest() {
		keys.put("ObjectType", "Image");
		keys.put("NDims", "3");
		keys.put("BinaryData", "True");
		keys.put("BinaryDataByteOrderMSB", "False");
		keys.put("CompressedData", "False");
		keys.put("TransformMatrix", "1 0 0 0 1 0 0 0 1");
		keys.put("Offset", "10 -20 30");
		keys.put("CenterOfRotation", "0 0 0");
		keys.put("AnatomicalOrientation", "RAI");
		keys.put("ElementSpacing", "0.5 0.75 2");
		keys.put("DimSize", "3 2 2");
		keys.put("ElementType", "MET_SHORT");
	}

	@Test
	void localRawData() throws IOException {
		CtVolume v = MetaImageReader.read(writeLocal("ct.mha", data), ReadOptions.DEFAULT);
		assertEquals(3, v.width(), "width");
		assertEquals(2, v.height(), "height");
		assertEquals(2, v.depth(), "slices");
		assertArrayEquals(new double[] { 0.5, 0.75, 2 }, v.geometry().spacing(), POSITION_TOL_MM,
			"spacing (mm)");
		assertArrayEquals(new double[] { 10, -20, 30 }, v.geometry().origin(), POSITION_TOL_MM,
			"origin (mm)");
		assertEquals("MetaImage", v.metadata().get("Format"), "format");
		assertEquals("RAI", v.metadata().get("AnatomicalOrientation"), "orientation recorded");
		assertEquals("ct", v.image().getTitle(), "title");
		StoredGrid.assertVoxels(v, LPS, SIZE, HU);
	}

	@ParameterizedTest
	@CsvSource({ "MET_UCHAR, 1, False", "MET_CHAR, 1, False", "MET_SHORT, 2, True",
		"MET_USHORT, 2, True", "MET_INT, 4, False", "MET_UINT, 4, True", "MET_LONG, 4, True",
		"MET_FLOAT, 4, True", "MET_DOUBLE, 8, False" })
	void everyElementTypeAndByteOrder(String type, int bytes, String msb) throws IOException {
		ByteOrder order = msb.equals("True") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		ByteBuffer b = ByteBuffer.allocate(12 * bytes).order(order);
		float[] hu = HU.clone();
		if (!type.contains("U")) hu[4] = -4;
		for (float value : hu) {
			if (type.equals("MET_FLOAT")) {
				b.putFloat(value);
			} else if (type.equals("MET_DOUBLE")) {
				b.putDouble(value);
			} else if (bytes == 1) {
				b.put((byte) value);
			} else if (bytes == 2) {
				b.putShort((short) value);
			} else {
				b.putInt((int) value);
			}
		}
		keys.put("ElementType", type);
		keys.put("BinaryDataByteOrderMSB", msb);
		CtVolume v = MetaImageReader.read(writeLocal("t.mha", b.array()), ReadOptions.DEFAULT);
		StoredGrid.assertVoxels(v, LPS, SIZE, hu);
	}

	@Test
	void localZlibData() throws IOException {
		keys.put("CompressedData", "True");
		CtVolume v = MetaImageReader.read(writeLocal("z.mha", zlib(data)), ReadOptions.DEFAULT);
		assertEquals("true", v.metadata().get("Compressed"), "compressed");
		StoredGrid.assertVoxels(v, LPS, SIZE, HU);
	}

	@Test
	void separateRawFile() throws IOException {
		Files.write(dir.resolve("ct.raw"), data);
		CtVolume v = MetaImageReader.read(writeHeader("ct.mhd", "ct.raw"), ReadOptions.DEFAULT);
		assertTrue(v.metadata().get("DataFile").endsWith("ct.raw"), "data file: " + v.metadata()
			.get("DataFile"));
		StoredGrid.assertVoxels(v, LPS, SIZE, HU);
	}

	@Test
	void separateZlibFileWithHeaderSize() throws IOException {
		keys.put("CompressedData", "True");
		keys.put("HeaderSize", "6");
		byte[] padded = new byte[6 + data.length];
		System.arraycopy(data, 0, padded, 6, data.length);
		Files.write(dir.resolve("ct.zraw"), zlib(padded));
		StoredGrid.assertVoxels(MetaImageReader.read(writeHeader("z.mhd", "ct.zraw"),
			ReadOptions.DEFAULT), LPS, SIZE, HU);
	}

	@Test
	void listOfSliceFiles() throws IOException {
		Files.write(dir.resolve("a.raw"), Arrays.copyOfRange(data, 0, 12));
		Files.write(dir.resolve("b.raw"), Arrays.copyOfRange(data, 12, 24));
		Path header = writeHeader("list.mhd", "LIST 2D\na.raw\nb.raw");
		StoredGrid.assertVoxels(MetaImageReader.read(header, ReadOptions.DEFAULT), LPS, SIZE, HU);
	}

	@Test
	void directionTripletsAreAxisDirections() throws IOException {
		// Axis i runs towards patient superior, j posterior, k towards the patient's right.
		keys.put("TransformMatrix", "0 0 1 0 1 0 -1 0 0");
		keys.put("Offset", "1 2 3");
		CtVolume v = MetaImageReader.read(writeLocal("sag.mha", data), ReadOptions.DEFAULT);
		double[][] lps = { { 0, 0, -2, 1 }, { 0, 0.75, 0, 2 }, { 0.5, 0, 0, 3 } };
		assertEquals("i, j, k from stored k, j, i; flipped i", v.metadata().get("Reoriented"),
			"sagittal storage is permuted and k flipped");
		StoredGrid.assertVoxels(v, lps, SIZE, HU);
	}

	@Test
	void intensityScaling() throws IOException {
		keys.put("ElementToIntensityFunctionSlope", "2");
		keys.put("ElementToIntensityFunctionOffset", "-1024");
		CtVolume v = MetaImageReader.read(writeLocal("s.mha", data), ReadOptions.DEFAULT);
		float[] hu = new float[HU.length];
		for (int n = 0; n < hu.length; n++) {
			hu[n] = HU[n] * 2 - 1024;
		}
		assertTrue(v.huConversion().contains("* 2.0 + -1024.0"), "conversion: " + v
			.huConversion());
		StoredGrid.assertVoxels(v, LPS, SIZE, hu);
	}

	@Test
	void fourDimensionsBecomeFrames() throws IOException {
		keys.put("NDims", "4");
		keys.put("DimSize", "3 2 1 2");
		keys.put("ElementSpacing", "0.5 0.75 2 1.5");
		keys.put("Offset", "10 -20 30 0");
		keys.put("TransformMatrix", "1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1");
		CtVolume v = MetaImageReader.read(writeLocal("t4.mha", data), ReadOptions.DEFAULT);
		assertEquals(1, v.depth(), "slices per time point");
		assertEquals(2, v.frames(), "time points");
		StoredGrid.assertVoxels(v, LPS, new long[] { 3, 2, 1 }, HU);
	}

	@Test
	void twoDimensionalImage() throws IOException {
		keys.put("NDims", "2");
		keys.put("DimSize", "3 4");
		keys.put("ElementSpacing", "0.5 0.75");
		keys.put("Offset", "10 -20");
		keys.put("TransformMatrix", "1 0 0 1");
		CtVolume v = MetaImageReader.read(writeLocal("2d.mha", data), ReadOptions.DEFAULT);
		assertEquals(1, v.depth(), "slices");
		StoredGrid.assertVoxels(v, new double[][] { { 0.5, 0, 0, 10 }, { 0, 0.75, 0, -20 }, { 0,
			0, 1, 0 } }, new long[] { 3, 4, 1 }, HU);
	}

	@Test
	void infiniteSlopeRejected() throws IOException {
		keys.put("ElementToIntensityFunctionSlope", "inf");
		Path file = writeLocal("inf.mha", data);
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> MetaImageReader
			.read(file, ReadOptions.DEFAULT), "infinite slope");
		assertTrue(e.getMessage().startsWith(file + ": MetaImage intensity scaling"),
			"message names file and problem: " + e.getMessage());
	}

	@Test
	void vectorElementTypeRejected() throws IOException {
		keys.put("ElementType", "MET_FLOAT_ARRAY");
		Path file = writeLocal("vec.mha", data);
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> MetaImageReader
			.read(file, ReadOptions.DEFAULT), "vector type");
		assertTrue(e.getMessage().contains("several values per voxel"), "message: " + e
			.getMessage());
	}

	private Path writeLocal(String name, byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(headerText("LOCAL").getBytes(StandardCharsets.US_ASCII));
		out.write(bytes);
		return Files.write(dir.resolve(name), out.toByteArray());
	}

	private Path writeHeader(String name, String dataFile) throws IOException {
		return Files.write(dir.resolve(name), headerText(dataFile).getBytes(
			StandardCharsets.US_ASCII));
	}

	private String headerText(String dataFile) {
		StringBuilder text = new StringBuilder();
		keys.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
		return text.append("ElementDataFile = ").append(dataFile).append('\n').toString();
	}

	private static byte[] zlib(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream z = new DeflaterOutputStream(out)) {
			z.write(bytes);
		}
		return out.toByteArray();
	}

	private static byte[] shorts(ByteOrder order) {
		ByteBuffer b = ByteBuffer.allocate(2 * HU.length).order(order);
		for (float v : HU) {
			b.putShort((short) v);
		}
		return b.array();
	}
}
