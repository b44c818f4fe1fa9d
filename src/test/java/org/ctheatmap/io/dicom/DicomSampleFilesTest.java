package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real CT files against the reference values published with them (pydicom
 * 2.3.1 with GDCM 3.0.21, and pydicom's own pixel tests). Skipped when the
 * samples are absent.
 */
class DicomSampleFilesTest {

	/** The references give means rounded to 3 decimals. */
	private static final double MEAN_TOL_HU = 1e-3;

	/** Float32 HU against a double product: half a float32 ulp at 5000 HU is 2.4e-4. */
	private static final double HU_FLOAT_TOL = 5e-4;

	/** Lossy variants of one slice differ from each other by a few HU on average. */
	private static final double LOSSY_MEAN_TOL_HU = 5;

	/** Reference spacings are header values, printed with up to 9 decimals. */
	private static final double SPACING_TOL_MM = 1e-9;

	private static final String CHEST = "03_dicom_ct_chest_transfer_syntaxes";
	private static final String SINGLE_SLICES = "05_dicom_single_slices_reference_values";
	private static final String CHEST_SHA256 =
		"d36b58a8274fd5882a3863693bb84d2fb5719fff73c0ee21c98bfcb9abbb05c4";

	@Test
	void philipsHeadSeries() throws IOException {
		CtVolume volume = DicomSeriesReader.read(CtSamples.folder(
			"01_dicom_philips_head_phantom_t1_5mm"), ReadOptions.DEFAULT);

		assertEquals(28, volume.depth(), "slices");
		assertArrayEquals(new double[] { 0.451171875, 0.451171875, 5.0 }, volume.geometry()
			.spacing(), SPACING_TOL_MM, "spacing");
		double[] stats = statistics(volume);
		assertEquals(-1024, stats[0], "min HU");
		assertEquals(782, stats[1], "max HU");
		assertEquals(-830.606, stats[2], MEAN_TOL_HU, "mean HU");
		assertEquals("I10", volume.image().getStack().getSliceLabel(1), "lowest slice");
		assertEquals(696.21, volume.geometry().origin()[2], SPACING_TOL_MM, "lowest z");
		assertEquals("STD BRAIN 5MM", volume.image().getTitle(), "title");
		assertEquals("UB", volume.metadata().get("ConvolutionKernel"), "kernel");
		assertTrue(volume.warnings().isEmpty(), "no warnings: " + volume.warnings());
		assertEquals("HU = stored x 1 + (-1024), Rescale Slope/Intercept of each slice", volume
			.huConversion(), "conversion");
		assertFalse(volume.metadata().toString().contains("PLASTIC"), "no patient ID");
	}

	@Test
	void philipsTiltedSeries() throws IOException {
		CtVolume volume = DicomSeriesReader.read(CtSamples.folder(
			"02_dicom_philips_head_phantom_t2_tilt_subset"), ReadOptions.DEFAULT);

		assertEquals(24, volume.depth(), "slices");
		assertEquals(0.482421875, volume.geometry().spacing()[0], SPACING_TOL_MM, "pixel spacing");
		assertEquals(2.5, volume.geometry().spacing()[2], 1e-6, "step between positions");
		assertEquals(-858.764, statistics(volume)[2], MEAN_TOL_HU, "mean HU");
		String warning = volume.warnings().get(0);
		assertTrue(warning.contains("step 2.5 mm"), warning);
		assertTrue(warning.contains("18.50 degrees from the slice normal"), warning);
		assertTrue(warning.contains("Spacing along the normal is 2.3708 mm"), warning);
		assertTrue(warning.contains("Gantry/Detector Tilt in the header: -18.5 degrees"), warning);
		assertEquals("2.3708", volume.metadata().get("SliceSpacingAlongNormal"), "metadata");
	}

	@ParameterizedTest
	@ValueSource(strings = { "LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1",
		"LittleEndianImplicitTransferSyntax_1.2.840.10008.1.2",
		"BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2" })
	void chestSliceInUncompressedSyntaxes(String variant) throws IOException,
		NoSuchAlgorithmException
	{
		Path file = CtSamples.folder(CHEST).resolve("CTImage.dcm_" + variant + ".dcm");

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		double[] stats = statistics(volume);
		assertEquals(-3024, stats[0], "min HU");
		assertEquals(1378, stats[1], "max HU");
		assertEquals(-949.076, stats[2], MEAN_TOL_HU, "mean HU");
		assertEquals(CHEST_SHA256, sha256OfInt16(volume), "SHA-256 of HU as int16 LE");
	}

	@ParameterizedTest
	@CsvSource({ "DeflatedExplicitVRLittleEndian, 1.2.840.10008.1.2.1.99",
		"RLELossless, 1.2.840.10008.1.2.5", "JPEGProcess14, 1.2.840.10008.1.2.4.57",
		"JPEGProcess14SV1, 1.2.840.10008.1.2.4.70",
		"JPEG2000LosslessOnly, 1.2.840.10008.1.2.4.90", "JPEGLSLossless, 1.2.840.10008.1.2.4.80" })
	void chestSliceInLosslessCompressedSyntaxes(String name, String uid) throws IOException,
		NoSuchAlgorithmException
	{
		CtVolume volume = DicomSeriesReader.read(chestFile(name, uid), ReadOptions.DEFAULT);

		double[] stats = statistics(volume);
		assertEquals(-3024, stats[0], "min HU");
		assertEquals(1378, stats[1], "max HU");
		assertEquals(CHEST_SHA256, sha256OfInt16(volume), "SHA-256 of HU as int16 LE");
		assertEquals(uid, volume.metadata().get("TransferSyntaxUID"), "syntax in metadata");
	}

	/** JPEG 2000 with irreversible wavelet: GDCM 3.0.21 gives HU -3027 to 1377. */
	@Test
	void chestSliceInLossyJpeg2000() throws IOException, NoSuchAlgorithmException {
		CtVolume volume = DicomSeriesReader.read(chestFile("JPEG2000", "1.2.840.10008.1.2.4.91"),
			ReadOptions.DEFAULT);

		double[] stats = statistics(volume);
		assertEquals(-3027, stats[0], "min HU");
		assertEquals(1377, stats[1], "max HU");
		assertEquals("0c1d1516c0619ce2482ae7aa6d45b099c83d29cd55c398626b5b07c607771b4c",
			sha256OfInt16(volume), "SHA-256 of HU as int16 LE");
	}

	/**
	 * 8-bit JPEG baseline re-quantised by DCMTK with slope 32.1216 and
	 * intercept -4047; HU hashed as float32, as GDCM 3.0.21 decodes it.
	 */
	@Test
	void chestSliceInJpegBaseline() throws IOException, NoSuchAlgorithmException {
		CtVolume volume = DicomSeriesReader.read(chestFile("JPEGProcess1",
			"1.2.840.10008.1.2.4.50"), ReadOptions.DEFAULT);

		double[] stats = statistics(volume);
		assertEquals(30 * 32.1216 - 4047, stats[0], HU_FLOAT_TOL, "min HU from stored 30");
		assertEquals(168 * 32.1216 - 4047, stats[1], HU_FLOAT_TOL, "max HU from stored 168");
		assertEquals("e3f2fc815cfd235d2c3873ef35cff6771a11ba3b2bc77fa6ade776bb64174c5a",
			sha256OfFloat32(volume), "SHA-256 of HU as float32 LE");
	}

	/**
	 * 12-bit JPEG extended, slope 2.0002442, intercept -4047. The reference
	 * publishes only the first 8 hex digits of the HU hash (b7d4464e) and the
	 * range -3052.88 to 1369.66.
	 */
	@Test
	void chestSliceInJpegExtended() throws IOException, NoSuchAlgorithmException {
		CtVolume volume = DicomSeriesReader.read(chestFile("JPEGProcess2_4",
			"1.2.840.10008.1.2.4.51"), ReadOptions.DEFAULT);

		double[] stats = statistics(volume);
		assertEquals(497 * 2.0002442 - 4047, stats[0], HU_FLOAT_TOL, "min HU from stored 497");
		assertEquals(2708 * 2.0002442 - 4047, stats[1], HU_FLOAT_TOL, "max HU from stored 2708");
		assertTrue(sha256OfFloat32(volume).startsWith("b7d4464e") || sha256OfInt16Rounded(volume)
			.startsWith("b7d4464e"), "hash prefix b7d4464e");
	}

	/** JPEG-LS near-lossless: GDCM 3.0.21 gives HU -3025 to 1377. */
	@Test
	void chestSliceInNearLosslessJpegLs() throws IOException, NoSuchAlgorithmException {
		CtVolume volume = DicomSeriesReader.read(chestFile("JPEGLSLossy", "1.2.840.10008.1.2.4.81"),
			ReadOptions.DEFAULT);

		double[] stats = statistics(volume);
		assertEquals(-3025, stats[0], "min HU");
		assertEquals(1377, stats[1], "max HU");
		assertEquals("24558c9527160735784e5601f29a15b6939a213f141f871c7c4cfcc639ada493",
			sha256OfInt16(volume), "SHA-256 of HU as int16 LE");
	}

	/**
	 * 12-bit progressive JPEG made by DCMTK from the same slice as the
	 * extended (process 2 and 4) file. GDCM 3.0.21 cannot decode them, so no
	 * reference hash exists; the rescale of both is slope 2.0002442, intercept
	 * -4047, and the HU must stay close to the sequential file's.
	 */
	@ParameterizedTest
	@CsvSource({ "JPEGProcess6_8, 1.2.840.10008.1.2.4.53",
		"JPEGProcess10_12, 1.2.840.10008.1.2.4.55" })
	void chestSliceInProgressiveJpeg(String name, String uid) throws IOException {
		CtVolume sequential = DicomSeriesReader.read(chestFile("JPEGProcess2_4",
			"1.2.840.10008.1.2.4.51"), ReadOptions.DEFAULT);

		CtVolume progressive = DicomSeriesReader.read(chestFile(name, uid), ReadOptions.DEFAULT);

		double[] stats = statistics(progressive);
		double[] reference = statistics(sequential);
		assertEquals(reference[2], stats[2], LOSSY_MEAN_TOL_HU, "mean HU near the sequential" +
			" file's " + reference[2]);
		assertEquals(-949.076, stats[2], LOSSY_MEAN_TOL_HU, "mean HU near the lossless mean");
		assertTrue(stats[0] < -2900, "min HU " + stats[0] + " in the air outside the body");
		assertTrue(stats[1] > 1300, "max HU " + stats[1] + " in bone");
	}

	@Test
	void jpeg2000WithFourteenBitCodestreamEqualsUncompressed() throws IOException {
		Path folder = CtSamples.folder(SINGLE_SLICES);

		CtVolume compressed = DicomSeriesReader.read(folder.resolve("693_J2KR.dcm"),
			ReadOptions.DEFAULT);
		CtVolume uncompressed = DicomSeriesReader.read(folder.resolve("693_UNCR.dcm"),
			ReadOptions.DEFAULT);

		assertArrayEquals((float[]) uncompressed.image().getStack().getPixels(1),
			(float[]) compressed.image().getStack().getPixels(1), "HU of every pixel");
		assertEquals(-1035.563, statistics(compressed)[2], MEAN_TOL_HU, "mean HU");
	}

	@Test
	void pydicomCtSmallReferencePixels() throws IOException {
		Path file = CtSamples.folder(SINGLE_SLICES).resolve("CT_small.dcm");

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		ImageProcessor slice = volume.image().getStack().getProcessor(1);
		int[] row24 = { 520, 802, 930, 1008 };
		for (int i = 0; i < row24.length; i++) {
			assertEquals(row24[i] - 1024, slice.getf(36 + i, 24), "HU at row 24, column " + (36 +
				i));
		}
		int[] column40 = { 1138, 1165, 1113, 1088, 1072 };
		for (int i = 0; i < column40.length; i++) {
			assertEquals(column40[i] - 1024, slice.getf(40, 40 + i), "HU at row " + (40 + i) +
				", column 40");
		}
		assertEquals(-119.074, statistics(volume)[2], MEAN_TOL_HU, "mean HU");
	}

	/**
	 * Bits Stored is 14 but the values span -2000..2492; they fit in 14-bit
	 * two's complement, so masking changes nothing and no warning is raised.
	 */
	@Test
	void bitsStoredFourteenMatchesRawWords() throws IOException {
		Path file = CtSamples.folder(SINGLE_SLICES).resolve("693_UNCR.dcm");

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		double[] stats = statistics(volume);
		assertEquals(-3024, stats[0], "min HU");
		assertEquals(1468, stats[1], "max HU");
		assertEquals(-1035.563, stats[2], MEAN_TOL_HU, "mean HU");
		assertEquals("14", volume.metadata().get("BitsStored"), "declared Bits Stored");
		assertTrue(volume.warnings().isEmpty(), "no masking warning: " + volume.warnings());
	}

	@ParameterizedTest
	@CsvSource({ "A048383/19001231-30.dcm, 1302, -1001.334",
		"A048383/19010410-30.dcm, 1175, -926.637", "A002304/19001231-076.dcm, 1112, -1051.134",
		"A002304/19010112-135.dcm, 3071, -855.923" })
	void covidSlices(String name, int max, double mean) throws IOException {
		CtVolume volume = DicomSeriesReader.read(CtSamples.folder(
			"06_dicom_longitudinal_covid_axial_pairs").resolve(name), ReadOptions.DEFAULT);

		double[] stats = statistics(volume);
		assertEquals(-3024, stats[0], "min HU");
		assertEquals(max, stats[1], "max HU");
		assertEquals(mean, stats[2], MEAN_TOL_HU, "mean HU");
	}

	/**
	 * NEMA's Enhanced CT sample: two frames stored in reverse stack order,
	 * orientation and rescale only in the functional groups.
	 */
	@Test
	void enhancedMultiFrameFromFunctionalGroups() throws IOException {
		Path file = CtSamples.folder("04_dicom_enhanced_ct_multiframe_rcbf").resolve(
			"CT0012.explicit_little_endian.dcm");

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertEquals(512, volume.width(), "columns");
		assertEquals(2, volume.depth(), "one slice per frame");
		assertArrayEquals(new double[] { 0.388672, 0.388672, 10 }, volume.geometry().spacing(),
			SPACING_TOL_MM, "pixel spacing and spacing between frame positions");
		assertArrayEquals(new double[] { -1, 0, 0 }, volume.geometry().rowDirection(), 0,
			"row direction");
		assertArrayEquals(new double[] { 0, 0, -1 }, volume.geometry().sliceDirection(), 0,
			"slice direction = row x column");
		assertArrayEquals(new double[] { 99.5, -301.5, -149 }, volume.geometry().origin(),
			SPACING_TOL_MM, "slice 1 is frame 2, the lower projection on the normal");
		assertEquals("CT0012.explicit_little_endian.dcm frame 2", volume.image().getStack()
			.getSliceLabel(1), "label of slice 1");
		double[] stats = statistics(volume);
		assertEquals(-1024, stats[0], "min HU: stored 0 with intercept -1024 from the groups");
		assertEquals(172, stats[1], "max HU: stored 1196");
		assertEquals(-643.962, stats[2], MEAN_TOL_HU, "mean HU");
	}

	@Test
	void scanOfCovidFolderFindsFourSeries() throws IOException {
		List<DicomSeriesInfo> series = DicomSeriesReader.scan(CtSamples.folder(
			"06_dicom_longitudinal_covid_axial_pairs"));

		assertEquals(4, series.size(), "one series per file");
		List<String> descriptions = new ArrayList<>();
		series.forEach(s -> descriptions.add(s.seriesDescription()));
		assertTrue(descriptions.contains("CHEST 1.25 MM"), descriptions.toString());
	}

	/** The 15 variants share one series and one position, so 14 are duplicates. */
	@Test
	void chestScanKeepsOneOfFifteenVariants() throws IOException {
		Path folder = CtSamples.folder(CHEST);

		List<DicomSeriesInfo> series = DicomSeriesReader.scan(folder);

		assertEquals(1, series.size(), "all variants share one Series Instance UID");
		assertTrue(series.get(0).readable(), "every variant can be decoded: " + series.get(0)
			.warnings());
		assertEquals(1, series.get(0).sliceCount(), "one slice per position");
		assertTrue(String.join("\n", series.get(0).warnings()).contains("Duplicate slice" +
			" positions: kept the first slice at each position (lowest Instance Number when" +
			" positions are equal) and skipped 14"), series.get(0).warnings().toString());
	}

	/** Returns min, max and mean HU over all voxels. */
	static double[] statistics(CtVolume volume) {
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		double sum = 0;
		long count = 0;
		for (int z = 1; z <= volume.image().getStackSize(); z++) {
			for (float value : (float[]) volume.image().getStack().getPixels(z)) {
				min = Math.min(min, value);
				max = Math.max(max, value);
				sum += value;
				count++;
			}
		}
		return new double[] { min, max, sum / count };
	}

	private static Path chestFile(String name, String uid) {
		Path file = CtSamples.folder(CHEST).resolve("CTImage.dcm_" + name + "TransferSyntax_" +
			uid + ".dcm");
		assertTrue(Files.exists(file), "sample present: " + file);
		return file;
	}

	private static String sha256OfInt16(CtVolume volume) throws NoSuchAlgorithmException {
		float[] hu = (float[]) volume.image().getStack().getPixels(1);
		ByteBuffer bytes = ByteBuffer.allocate(2 * hu.length).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : hu) {
			assertEquals(Math.rint(value), value, "integer HU");
			bytes.putShort((short) value);
		}
		return sha256(bytes.array());
	}

	private static String sha256OfInt16Rounded(CtVolume volume) throws NoSuchAlgorithmException {
		float[] hu = (float[]) volume.image().getStack().getPixels(1);
		ByteBuffer bytes = ByteBuffer.allocate(2 * hu.length).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : hu) {
			bytes.putShort((short) Math.round(value));
		}
		return sha256(bytes.array());
	}

	private static String sha256OfFloat32(CtVolume volume) throws NoSuchAlgorithmException {
		float[] hu = (float[]) volume.image().getStack().getPixels(1);
		ByteBuffer bytes = ByteBuffer.allocate(4 * hu.length).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(hu);
		return sha256(bytes.array());
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		StringBuilder hex = new StringBuilder();
		for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
			hex.append(String.format("%02x", b));
		}
		return hex.toString();
	}
}
