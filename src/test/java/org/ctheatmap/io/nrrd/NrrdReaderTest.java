package org.ctheatmap.io.nrrd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.raw.StoredGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NRRD files written by {@link NrrdTestFile}: values, byte orders, encodings, geometry. */
class NrrdReaderTest {

	/** Header numbers are short decimals, so positions are exact up to double rounding. */
	private static final double POSITION_TOL_MM = 1e-9;

	private static final float[] DEFAULT_HU = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	private static final long[] DEFAULT_SIZE = { 3, 2, 2 };
	private static final double[][] DEFAULT_LPS = { { 0.5, 0, 0, 10 }, { 0, 0.75, 0, -20 }, {
		0, 0, 2, 30 } };

	@TempDir
	Path dir;

	@Test
	void attachedRawLps() throws IOException {
		CtVolume v = NrrdReader.read(new NrrdTestFile().writeAttached(dir.resolve("ct.nrrd")),
			ReadOptions.DEFAULT);
		assertEquals(3, v.width(), "width");
		assertEquals(2, v.height(), "height");
		assertEquals(2, v.depth(), "slices");
		assertArrayEquals(new double[] { 0.5, 0.75, 2 }, v.geometry().spacing(), POSITION_TOL_MM,
			"spacing (mm)");
		assertArrayEquals(new double[] { 10, -20, 30 }, v.geometry().origin(), POSITION_TOL_MM,
			"origin (mm)");
		assertEquals("none", v.metadata().get("Reoriented"), "LPS storage is display order");
		assertEquals("NRRD", v.metadata().get("Format"), "format");
		assertEquals("ct", v.image().getTitle(), "title");
		assertEquals("little-endian", v.metadata().get("ByteOrder"), "byte order");
		StoredGrid.assertVoxels(v, DEFAULT_LPS, DEFAULT_SIZE, DEFAULT_HU);
	}

	@ParameterizedTest
	@CsvSource({ "uchar, 1, little", "signed char, 1, little", "short, 2, big",
		"unsigned short, 2, big", "int, 4, little", "uint32, 4, big", "float, 4, big",
		"double, 8, little" })
	void everyTypeAndByteOrder(String type, int bytes, String endian) throws IOException {
		double[] stored = { 0, 1, 100, 127, 3, 2, 5, 9, 11, 12, 60, 80 };
		if (!type.startsWith("u")) stored[4] = -3;
		ByteOrder order = endian.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		ByteBuffer b = ByteBuffer.allocate(12 * bytes).order(order);
		for (double value : stored) {
			if (type.equals("float")) {
				b.putFloat((float) value);
			} else if (type.equals("double")) {
				b.putDouble(value);
			} else if (bytes == 1) {
				b.put((byte) value);
			} else if (bytes == 2) {
				b.putShort((short) value);
			} else {
				b.putInt((int) value);
			}
		}
		NrrdTestFile f = new NrrdTestFile().set("type", type).set("endian", endian);
		f.data = b.array();
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("t.nrrd")), ReadOptions.DEFAULT);
		float[] hu = new float[stored.length];
		for (int n = 0; n < hu.length; n++) {
			hu[n] = (float) stored[n];
		}
		StoredGrid.assertVoxels(v, DEFAULT_LPS, DEFAULT_SIZE, hu);
	}

	@Test
	void attachedGzip() throws IOException {
		NrrdTestFile f = new NrrdTestFile().set("encoding", "gzip");
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("gz.nrrd")), ReadOptions.DEFAULT);
		assertEquals("gzip", v.metadata().get("Encoding"), "encoding");
		StoredGrid.assertVoxels(v, DEFAULT_LPS, DEFAULT_SIZE, DEFAULT_HU);
	}

	@Test
	void detachedRawWithSkips() throws IOException {
		NrrdTestFile f = new NrrdTestFile().set("line skip", "2").set("byte skip", "3");
		byte[] prefix = "first line\nsecond line\nabc".getBytes(StandardCharsets.US_ASCII);
		Path header = f.writeDetached(dir.resolve("ct.nhdr"), "ct.raw", prefix);
		CtVolume v = NrrdReader.read(header, ReadOptions.DEFAULT);
		assertTrue(v.metadata().get("DataFile").endsWith("ct.raw"), "data file: " + v.metadata()
			.get("DataFile"));
		StoredGrid.assertVoxels(v, DEFAULT_LPS, DEFAULT_SIZE, DEFAULT_HU);
	}

	@Test
	void detachedRawDataAtEnd() throws IOException {
		NrrdTestFile f = new NrrdTestFile().set("byte skip", "-1");
		Path header = f.writeDetached(dir.resolve("end.nhdr"), "end.raw", new byte[100]);
		StoredGrid.assertVoxels(NrrdReader.read(header, ReadOptions.DEFAULT), DEFAULT_LPS,
			DEFAULT_SIZE, DEFAULT_HU);
	}

	@Test
	void detachedGzipByteSkipAfterInflating() throws IOException {
		NrrdTestFile f = new NrrdTestFile().set("encoding", "gz").set("byte skip", "4");
		byte[] inflated = new byte[4 + f.data.length];
		System.arraycopy(f.data, 0, inflated, 4, f.data.length);
		f.data = inflated;
		Path header = f.writeDetached(dir.resolve("z.nhdr"), "z.raw.gz", new byte[0]);
		StoredGrid.assertVoxels(NrrdReader.read(header, ReadOptions.DEFAULT), DEFAULT_LPS,
			DEFAULT_SIZE, DEFAULT_HU);
	}

	@Test
	void listOfSliceFiles() throws IOException {
		NrrdTestFile f = new NrrdTestFile();
		f.fields.put("data file", "LIST");
		f.extraLines = "slice0.raw\nslice1.raw\n";
		Path header = dir.resolve("list.nhdr");
		String text = f.header();
		Files.write(header, text.substring(0, text.length() - 1).getBytes(
			StandardCharsets.US_ASCII));
		Files.write(dir.resolve("slice0.raw"), Arrays.copyOfRange(f.data, 0, 12));
		Files.write(dir.resolve("slice1.raw"), Arrays.copyOfRange(f.data, 12, 24));
		CtVolume v = NrrdReader.read(header, ReadOptions.DEFAULT);
		assertTrue(v.metadata().get("DataFile").endsWith("slice0.raw and 1 more"), "data files: " +
			v.metadata().get("DataFile"));
		StoredGrid.assertVoxels(v, DEFAULT_LPS, DEFAULT_SIZE, DEFAULT_HU);
	}

	@Test
	void patternOfSliceFiles() throws IOException {
		NrrdTestFile f = new NrrdTestFile();
		f.fields.put("data file", "s%02d.raw 3 5 2 2");
		Files.write(dir.resolve("pattern.nhdr"), f.header().getBytes(StandardCharsets.US_ASCII));
		Files.write(dir.resolve("s03.raw"), Arrays.copyOfRange(f.data, 0, 12));
		Files.write(dir.resolve("s05.raw"), Arrays.copyOfRange(f.data, 12, 24));
		StoredGrid.assertVoxels(NrrdReader.read(dir.resolve("pattern.nhdr"), ReadOptions.DEFAULT),
			DEFAULT_LPS, DEFAULT_SIZE, DEFAULT_HU);
	}

	@Test
	void rasSpaceBecomesLps() throws IOException {
		NrrdTestFile f = new NrrdTestFile().set("space", "RAS").set("space directions",
			"(0.5,0,0) (0,0.75,0) (0,0,2)").set("space origin", "(10,-20,30)");
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("ras.nrrd")), ReadOptions.DEFAULT);
		double[][] lps = { { -0.5, 0, 0, -10 }, { 0, -0.75, 0, 20 }, { 0, 0, 2, 30 } };
		assertEquals("flipped i, j", v.metadata().get("Reoriented"), "RAS flips i and j");
		assertArrayEquals(new double[] { -11, 19.25, 30 }, v.geometry().origin(),
			POSITION_TOL_MM, "origin: the stored corner voxel at the far end of i and j");
		StoredGrid.assertVoxels(v, lps, DEFAULT_SIZE, DEFAULT_HU);
	}

	@Test
	void sagittalStorageIsPermuted() throws IOException {
		// Stored i runs inferior-superior, j anterior-posterior, k right-left (RAS x).
		NrrdTestFile f = new NrrdTestFile().set("space", "right-anterior-superior").set(
			"space directions", "(0,0,1.5) (0,-1,0) (-2,0,0)").set("space origin", "(1,2,3)")
			.set("space units", "\"mm\" \"mm\" \"mm\"");
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("sag.nrrd")), ReadOptions.DEFAULT);
		double[][] lps = { { 0, 0, 2, -1 }, { 0, 1, 0, -2 }, { 1.5, 0, 0, 3 } };
		assertEquals("i, j, k from stored k, j, i", v.metadata().get("Reoriented"),
			"sagittal storage is permuted");
		assertArrayEquals(new double[] { 2, 1, 1.5 }, v.geometry().spacing(), POSITION_TOL_MM,
			"spacing along display x, y, z (mm)");
		StoredGrid.assertVoxels(v, lps, DEFAULT_SIZE, DEFAULT_HU);
	}

	@Test
	void spaceUnitsInCentimetres() throws IOException {
		NrrdTestFile f = new NrrdTestFile().set("space units", "\"cm\" \"cm\" \"cm\"");
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("cm.nrrd")), ReadOptions.DEFAULT);
		assertArrayEquals(new double[] { 5, 7.5, 20 }, v.geometry().spacing(), POSITION_TOL_MM,
			"spacing (mm)");
		assertArrayEquals(new double[] { 100, -200, 300 }, v.geometry().origin(),
			POSITION_TOL_MM, "origin (mm)");
	}

	@Test
	void timeAxisBecomesFrames() throws IOException {
		NrrdTestFile f = new NrrdTestFile().set("dimension", "4").set("sizes", "3 2 1 2").set(
			"space directions", "(0.5,0,0) (0,0.75,0) (0,0,2) none").set("kinds",
				"domain domain domain time");
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("t4.nrrd")), ReadOptions.DEFAULT);
		assertEquals(1, v.depth(), "slices per time point");
		assertEquals(2, v.frames(), "time points");
		StoredGrid.assertVoxels(v, DEFAULT_LPS, new long[] { 3, 2, 1 }, DEFAULT_HU);
	}

	@Test
	void twoDimensionalImageGetsOneSlice() throws IOException {
		NrrdTestFile f = new NrrdTestFile().set("dimension", "2").set("sizes", "3 4").set(
			"space directions", "(0.5,0,0) (0,0.75,0)").set("kinds", "domain domain");
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("2d.nrrd")), ReadOptions.DEFAULT);
		assertEquals(1, v.depth(), "slices");
		assertArrayEquals(new double[] { 0, 0, 1 }, v.geometry().sliceDirection(),
			POSITION_TOL_MM, "slice direction: the normal of the image plane");
		StoredGrid.assertVoxels(v, new double[][] { { 0.5, 0, 0, 10 }, { 0, 0.75, 0, -20 }, { 0,
			0, 1, 30 } }, new long[] { 3, 4, 1 }, DEFAULT_HU);
	}

	@Test
	void noSpaceUsesSpacingsWithWarning() throws IOException {
		NrrdTestFile f = new NrrdTestFile().remove("space").remove("space directions").remove(
			"space origin").set("spacings", "0.5 0.75 nan");
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("plain.nrrd")),
			ReadOptions.DEFAULT);
		assertArrayEquals(new double[] { 0.5, 0.75, 1 }, v.geometry().spacing(), POSITION_TOL_MM,
			"spacing: 1 mm where spacings gives nan");
		assertTrue(v.warnings().stream().anyMatch(w -> w.contains("orientation is unknown")),
			"warning: " + v.warnings());
	}

	@Test
	void oneByteTypeNeedsNoEndian() throws IOException {
		NrrdTestFile f = new NrrdTestFile().set("type", "uint8").remove("endian");
		f.data = new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("u8.nrrd")), ReadOptions.DEFAULT);
		assertEquals(null, v.metadata().get("ByteOrder"), "no byte order for 8-bit data");
		StoredGrid.assertVoxels(v, DEFAULT_LPS, DEFAULT_SIZE, DEFAULT_HU);
	}

	@Test
	void keyValuePairsAndCommentsIgnored() throws IOException {
		NrrdTestFile f = new NrrdTestFile();
		f.extraLines = "# a comment: with colon\nPatientName:=SECRET^NAME\n";
		CtVolume v = NrrdReader.read(f.writeAttached(dir.resolve("kv.nrrd")), ReadOptions.DEFAULT);
		assertTrue(v.metadata().values().stream().noneMatch(value -> value.contains("SECRET")),
			"key/value pairs stay out of the metadata: " + v.metadata());
	}
}
