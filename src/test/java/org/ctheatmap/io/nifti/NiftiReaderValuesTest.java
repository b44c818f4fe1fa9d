package org.ctheatmap.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Voxel values: every datatype, both byte orders, NIfTI-2, gzip and scaling. */
class NiftiReaderValuesTest {

	@TempDir
	Path dir;

	/** An sform whose axes already run towards +x, +y, +z LPS, so nothing is reordered. */
	static final double[][] DISPLAY_ALIGNED = { { -1, 0, 0, 0 }, { 0, -1, 0, 0 }, { 0, 0, 1,
		0 } };

	static Stream<Arguments> typesAndValues() {
		return Stream.of(
			Arguments.of(NiftiDataType.UINT8, new double[] { 0, 1, 127, 128, 200, 255 }),
			Arguments.of(NiftiDataType.INT8, new double[] { -128, -1, 0, 1, 100, 127 }),
			Arguments.of(NiftiDataType.INT16, new double[] { -32768, -1024, -1, 0, 3071, 32767 }),
			Arguments.of(NiftiDataType.UINT16, new double[] { 0, 1, 1024, 32768, 40000, 65535 }),
			Arguments.of(NiftiDataType.INT32, new double[] { -2147483648.0, -70000, -1, 0, 70000,
				2147483647.0 }),
			Arguments.of(NiftiDataType.UINT32, new double[] { 0, 1, 70000, 2147483648.0,
				3000000000.0, 4294967295.0 }),
			Arguments.of(NiftiDataType.FLOAT32, new double[] { -1024.5f, -0.25f, 0, Float.NaN,
				1e-3f, 3.4e38f }),
			Arguments.of(NiftiDataType.FLOAT64, new double[] { -1024.125, -1e-300, 0, 0.1, 1e30,
				Double.NaN }));
	}

	@ParameterizedTest
	@MethodSource("typesAndValues")
	void readsEveryDatatypeLittleEndian(NiftiDataType type, double[] values) throws IOException {
		assertValues(type, values, ByteOrder.LITTLE_ENDIAN, 1, false);
	}

	@ParameterizedTest
	@MethodSource("typesAndValues")
	void readsEveryDatatypeBigEndian(NiftiDataType type, double[] values) throws IOException {
		assertValues(type, values, ByteOrder.BIG_ENDIAN, 1, false);
	}

	@ParameterizedTest
	@MethodSource("typesAndValues")
	void readsEveryDatatypeNifti2Gzip(NiftiDataType type, double[] values) throws IOException {
		assertValues(type, values, ByteOrder.LITTLE_ENDIAN, 2, true);
	}

	@Test
	void bigEndianMetadataAndFormat() throws IOException {
		NiftiTestFile f = grid(NiftiDataType.INT16).values(1, 2, 3, 4, 5, 6);
		f.order = ByteOrder.BIG_ENDIAN;
		f.version = 2;
		CtVolume v = NiftiReader.read(f.write(dir.resolve("be.nii")), ReadOptions.DEFAULT);
		assertEquals("big-endian", v.metadata().get("ByteOrder"), "byte order");
		assertEquals("NIfTI-2", v.metadata().get("Format"), "format");
		assertEquals("int16 (4)", v.metadata().get("Datatype"), "datatype");
	}

	@Test
	void scalingSlopeAndIntercept() throws IOException {
		NiftiTestFile f = grid(NiftiDataType.INT16).values(0, 100, -3, 1, 2, 3);
		f.slope = 2.5;
		f.inter = -1024;
		CtVolume v = read(f, "scaled.nii");
		assertEquals(-1024f, voxel(v, 0), "0 * 2.5 - 1024");
		assertEquals(-774f, voxel(v, 1), "100 * 2.5 - 1024");
		assertEquals(-1031.5f, voxel(v, 2), "-3 * 2.5 - 1024");
		assertEquals("HU = stored * 2.5 + -1024 (NIfTI scl_slope/scl_inter)", v.huConversion(),
			"conversion text");
	}

	@Test
	void scalingComputedInDouble() throws IOException {
		// 0.1 is not exact in float32. The product and sum in double round once, to
		// the nearest float.
		NiftiTestFile f = grid(NiftiDataType.INT32).values(123456789, 7, 0, 0, 0, 0);
		f.slope = 0.1;
		f.inter = 1e4;
		CtVolume v = read(f, "double.nii");
		float expected = (float) (123456789 * (double) 0.1f + 1e4);
		assertEquals(expected, voxel(v, 0), "scaled in double precision");
		assertEquals((float) (7 * (double) 0.1f + 1e4), voxel(v, 1), "small value");
	}

	@Test
	void slopeZeroMeansNoScaling() throws IOException {
		assertUnscaled(0, "scl_slope is 0, so no scaling applies");
	}

	@Test
	void slopeNaNMeansNoScaling() throws IOException {
		assertUnscaled(Double.NaN, "scl_slope is NaN, so no scaling applies");
	}

	@Test
	void slopeInfiniteMeansNoScaling() throws IOException {
		assertUnscaled(Double.POSITIVE_INFINITY, "scl_slope is Infinity, so no scaling applies");
	}

	@Test
	void interceptNaNTakenAsZero() throws IOException {
		NiftiTestFile f = grid(NiftiDataType.INT16).values(10, -10, 0, 0, 0, 0);
		f.slope = 2;
		f.inter = Double.NaN;
		CtVolume v = read(f, "nan-inter.nii");
		assertEquals(20f, voxel(v, 0), "10 * 2 + 0");
		assertEquals(-20f, voxel(v, 1), "-10 * 2 + 0");
		assertTrue(v.huConversion().contains("scl_inter NaN taken as 0"), v.huConversion());
	}

	@Test
	void interceptInfiniteRejected() throws IOException {
		NiftiTestFile f = grid(NiftiDataType.INT16).values(1, 2, 3, 4, 5, 6);
		f.inter = Double.NEGATIVE_INFINITY;
		Path file = f.write(dir.resolve("inf-inter.nii"));
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> NiftiReader.read(
			file, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("scl_inter"), e.getMessage());
	}

	@Test
	void descriptionAndTitle() throws IOException {
		NiftiTestFile f = grid(NiftiDataType.UINT8).values(1, 2, 3, 4, 5, 6);
		f.descrip = "  CT abdomen\tportal  ";
		f.gzip = true;
		CtVolume v = read(f, "scan.one.nii.gz");
		assertEquals("CT abdomenportal", v.metadata().get("Description"),
			"control characters dropped");
		assertEquals("scan.one", v.image().getTitle(), "title without .nii.gz");
	}

	@Test
	void emptyDescriptionLeftOut() throws IOException {
		CtVolume v = read(grid(NiftiDataType.UINT8).values(1, 2, 3, 4, 5, 6), "plain.nii");
		assertTrue(!v.metadata().containsKey("Description"), "no Description key");
	}

	@Test
	void bitpixMismatchWarns() throws IOException {
		NiftiTestFile f = grid(NiftiDataType.INT16).values(1, 2, 3, 4, 5, 6);
		f.bitpix = 8;
		CtVolume v = read(f, "bitpix.nii");
		assertEquals(6f, voxel(v, 5), "datatype decides the voxel size");
		assertTrue(v.warnings().stream().anyMatch(w -> w.contains("bitpix 8")), v.warnings()
			.toString());
	}

	private void assertUnscaled(double slope, String expectedText) throws IOException {
		NiftiTestFile f = grid(NiftiDataType.INT16).values(-1024, 5, 0, 0, 0, 7);
		f.slope = slope;
		f.inter = 500;
		CtVolume v = read(f, "unscaled.nii");
		assertEquals(-1024f, voxel(v, 0), "stored value kept; scl_inter ignored");
		assertEquals(7f, voxel(v, 5), "last voxel kept");
		assertEquals("HU = stored value (" + expectedText + ")", v.huConversion(),
			"conversion text");
	}

	private void assertValues(NiftiDataType type, double[] values, ByteOrder order, int version,
		boolean gzip) throws IOException
	{
		NiftiTestFile f = grid(type);
		f.order = order;
		f.version = version;
		f.gzip = gzip;
		f.values(values);
		CtVolume v = read(f, type + (gzip ? ".nii.gz" : ".nii"));
		for (int n = 0; n < values.length; n++) {
			assertEquals((float) values[n], voxel(v, n), type + " voxel " + n + ", " + order +
				", NIfTI-" + version);
		}
	}

	/** Returns a 3 x 2 x 1 grid whose stored order is the display order. */
	private static NiftiTestFile grid(NiftiDataType type) {
		return new NiftiTestFile().type(type).dims(3, 2, 1).sform(DISPLAY_ALIGNED);
	}

	private CtVolume read(NiftiTestFile f, String name) throws IOException {
		return NiftiReader.read(f.write(dir.resolve(name)), ReadOptions.DEFAULT);
	}

	/** Returns voxel n of the first slice in stored order (x fastest). */
	private static float voxel(CtVolume v, int n) {
		return ((float[]) v.image().getStack().getPixels(1))[n];
	}
}
