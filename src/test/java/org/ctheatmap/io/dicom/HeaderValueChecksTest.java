package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image Orientation (Patient), Image Position (Patient), Pixel Spacing and
 * Rescale Slope/Intercept values that cannot describe a CT grid: each must
 * raise an {@link InvalidInputException} that names the file and the value.
 */
class HeaderValueChecksTest {

	/** The reader normalises an IOP vector, so a unit vector comes back to double precision. */
	private static final double DIRECTION_TOL = 1e-12;

	/** Stored values of the 3 x 2 test image, in file order. */
	private static final short[] STORED = { 10, 20, 30, 40, 50, 60 };

	@TempDir
	Path folder;

	@Test
	void invalidOrientationNamesFileAndValue() throws IOException {
		String[][] cases = { { "0\\0\\0\\0\\0\\0", "the row vector (first 3 values) has length" +
			" 0.0000" }, { "2\\0\\0\\0\\1\\0", "the row vector (first 3 values) has length" +
				" 2.0000" }, { "1\\0\\0\\0\\0.5\\0", "the column vector (last 3 values) has" +
					" length 0.5000" }, { "1\\0\\0\\0.6\\0.8\\0", "the row and column vectors are" +
						" not perpendicular (cosine 0.6000)" } };
		for (int n = 0; n < cases.length; n++) {
			DicomDataSet data = image("0\\0\\0", "0.5\\0.5", "1", "-1024");
			data.text(DicomTag.IMAGE_ORIENTATION_PATIENT, "DS", cases[n][0]);
			Path file = write("iop" + n + ".dcm", data, "1.2.3.10." + n);

			InvalidInputException e = assertThrows(InvalidInputException.class,
				() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT), cases[n][0]);

			String message = e.getMessage();
			assertTrue(message.startsWith(file + ": invalid Image Orientation (Patient)" +
				" (0020,0037) '" + cases[n][0] + "': "), message);
			assertTrue(message.contains(cases[n][1]), message);
		}
	}

	@Test
	void zeroOrientationInSeriesNamesFile() throws IOException {
		for (int z = 0; z < 3; z++) {
			DicomDataSet data = image("0\\0\\" + 2 * z, "0.5\\0.5", "1", "-1024");
			data.text(DicomTag.IMAGE_ORIENTATION_PATIENT, "DS", "0\\0\\0\\0\\0\\0");
			write("S" + z + ".dcm", data, "1.2.3.11." + z);
		}

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(folder, ReadOptions.DEFAULT));

		String message = e.getMessage();
		assertTrue(message.startsWith(folder.resolve("S").toString()), "names a slice: " +
			message);
		assertTrue(message.contains(": invalid Image Orientation (Patient) (0020,0037)" +
			" '0\\0\\0\\0\\0\\0'"), message);
	}

	@Test
	void orientationWithinToleranceIsRead() throws IOException {
		// Row length 0.9996 and cosine 0.0005 are within the 0.001 tolerance.
		DicomDataSet data = image("0\\0\\0", "0.5\\0.5", "1", "-1024");
		data.text(DicomTag.IMAGE_ORIENTATION_PATIENT, "DS", "0.9996\\0\\0\\0.0005\\1\\0");
		Path file = write("rounded.dcm", data, "1.2.3.12");

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(new double[] { 1, 0, 0 }, volume.geometry().rowDirection(),
			DIRECTION_TOL, "row direction is normalised");
	}

	@Test
	void nonFinitePositionNamesFile() throws IOException {
		Path file = write("nan.dcm", image("0\\0\\NaN", "0.5\\0.5", "1", "-1024"), "1.2.3.13");

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT));

		assertEquals(file + ": ImagePositionPatient (0020,0032) is not a finite decimal number:" +
			" '0\\0\\NaN'", e.getMessage(), "message");
	}

	@Test
	void missingPositionInSeriesNamesFile() throws IOException {
		write("placed.dcm", image("0\\0\\0", "0.5\\0.5", "1", "-1024"), "1.2.3.14.1");
		DicomDataSet unplaced = image("0\\0\\2", "0.5\\0.5", "1", "-1024");
		unplaced.text(DicomTag.IMAGE_POSITION_PATIENT, "DS", "");
		Path file = write("unplaced.dcm", unplaced, "1.2.3.14.2");

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(folder, ReadOptions.DEFAULT));

		assertEquals(file + ": no Image Position or Orientation (Patient), so the 2 slices of" +
			" the series cannot be sorted", e.getMessage(), "message");
	}

	@Test
	void farPositionNamesFileAndValue() throws IOException {
		// 1e308 is finite, but steps and lengths computed from it can overflow to infinity.
		write("low.dcm", image("0\\0\\0", "0.5\\0.5", "1", "-1024"), "1.2.3.15.1");
		Path far = write("far.dcm", image("0\\0\\1e308", "0.5\\0.5", "1", "-1024"),
			"1.2.3.15.2");

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(folder, ReadOptions.DEFAULT));

		assertEquals(far + ": invalid Image Position (Patient) (0020,0032) '0\\0\\1e308': a" +
			" component lies more than 1000000000 mm from the origin", e.getMessage(),
			"message");
	}

	@Test
	void positionsWithinBoundAreRead() throws IOException {
		write("low.dcm", image("0\\0\\-1e9", "0.5\\0.5", "1", "-1024"), "1.2.3.16.1");
		write("high.dcm", image("0\\0\\1e9", "0.5\\0.5", "1", "-1024"), "1.2.3.16.2");

		CtVolume volume = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		assertEquals(2e9, volume.geometry().spacing()[2], 0, "slice spacing in mm");
	}

	@Test
	void zeroRescaleSlopeNamesFileAndValue() throws IOException {
		String[] slopes = { "0", "0.0", "-0" };
		for (int n = 0; n < slopes.length; n++) {
			Path file = write("slope" + n + ".dcm", image("0\\0\\0", "0.5\\0.5", slopes[n],
				"-1024"), "1.2.3.26." + n);

			InvalidInputException e = assertThrows(InvalidInputException.class,
				() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT), slopes[n]);

			assertEquals(file + ": invalid Rescale Slope (0028,1053) '" + slopes[n] + "': a slope" +
				" of 0 maps every stored value to the Rescale Intercept, so no HU can be" +
				" computed; expected a non-zero number", e.getMessage(), "message");
		}
	}

	@Test
	void zeroRescaleSlopeMakesScanUnreadable() throws IOException {
		write("slope.dcm", image("0\\0\\0", "0.5\\0.5", "0", "-1024"), "1.2.3.17");

		List<DicomSeriesInfo> series = DicomSeriesReader.scan(folder);

		assertEquals(1, series.size(), "series found");
		assertFalse(series.get(0).readable(), "a series with slope 0 is not readable");
		String warnings = String.join("\n", series.get(0).warnings());
		assertTrue(warnings.contains("invalid Rescale Slope (0028,1053) '0'"), warnings);
	}

	@Test
	void zeroRescaleSlopeInFrameNamesFrame() throws IOException {
		CtVolume volume = DicomTestFiles.volume(4, 3, 2, DicomTestFiles.axial(1, 1, 1));
		DicomDataSet data = new SliceEncoder(volume, DicomWriteOptions.builder().build())
			.multiFrame("1.2.3", "1.2.3.18", "1.2.3.19", "1.2.3.18.1");
		DicomDataSet rescale = new DicomDataSet().text(DicomTag.RESCALE_SLOPE, "DS", "0").text(
			DicomTag.RESCALE_INTERCEPT, "DS", "-1024");
		DicomDataSet secondFrame = framePosition(1).sequence(
			DicomTag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, List.of(rescale), true);
		data.sequence(DicomTag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, List.of(framePosition(0),
			secondFrame), true);
		Path file = folder.resolve("enhanced.dcm");
		DicomSeriesWriter.writeFile(file, data, DicomSeriesWriter.ENHANCED_CT_IMAGE_STORAGE,
			"1.2.3.18.1", DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT));

		assertTrue(e.getMessage().startsWith(file + ": invalid Rescale Slope (0028,1053) '0' in" +
			" frame 2: "), e.getMessage());
	}

	@Test
	void nonFiniteRescaleNamesFileAndValue() throws IOException {
		Path slope = write("nanslope.dcm", image("0\\0\\0", "0.5\\0.5", "NaN", "-1024"),
			"1.2.3.20.1");
		Path intercept = write("infintercept.dcm", image("0\\0\\0", "0.5\\0.5", "1", "1e999"),
			"1.2.3.20.2");

		InvalidInputException slopeError = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(slope, ReadOptions.DEFAULT));
		InvalidInputException interceptError = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(intercept, ReadOptions.DEFAULT));

		assertEquals(slope + ": RescaleSlope (0028,1053) is not a finite decimal number: 'NaN'",
			slopeError.getMessage(), "slope message");
		assertEquals(intercept + ": RescaleIntercept (0028,1052) is not a finite decimal" +
			" number: '1e999'", interceptError.getMessage(), "intercept message");
	}

	@Test
	void negativeRescaleSlopeIsApplied() throws IOException {
		Path file = write("negative.dcm", image("0\\0\\0", "0.5\\0.5", "-1", "100"), "1.2.3.21");

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(new float[] { 90, 80, 70, 60, 50, 40 }, (float[]) volume.image()
			.getStack().getPixels(1), "HU = 100 - stored");
	}

	@Test
	void invalidPixelSpacingNamesFileAndValue() throws IOException {
		String[] spacings = { "0\\0.5", "-0.5\\0.5", "0.5\\0", "0\\0" };
		for (int n = 0; n < spacings.length; n++) {
			Path file = write("spacing" + n + ".dcm", image("0\\0\\0", spacings[n], "1", "-1024"),
				"1.2.3.22." + n);

			InvalidInputException e = assertThrows(InvalidInputException.class,
				() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT), spacings[n]);

			assertEquals(file + ": invalid Pixel Spacing (0028,0030) '" + spacings[n] + "': both" +
				" values must be positive distances in mm", e.getMessage(), "message");
		}
	}

	@Test
	void nanPixelSpacingNamesFileAndValue() throws IOException {
		Path file = write("nan.dcm", image("0\\0\\0", "NaN\\0.5", "1", "-1024"), "1.2.3.23");

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT));

		assertEquals(file + ": PixelSpacing (0028,0030) is not a finite decimal number:" +
			" 'NaN\\0.5'", e.getMessage(), "message");
	}

	@Test
	void missingPixelSpacingWarnsAndUsesOneMm() throws IOException {
		DicomDataSet data = image("0\\0\\0", "0.5\\0.5", "1", "-1024");
		data.text(DicomTag.PIXEL_SPACING, "DS", "");
		Path file = write("nospacing.dcm", data, "1.2.3.24");

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertEquals(1, volume.geometry().spacing()[0], 0, "column spacing in mm");
		assertEquals(1, volume.geometry().spacing()[1], 0, "row spacing in mm");
		assertTrue(volume.warnings().contains("No Pixel Spacing (0028,0030): 1 mm is assumed in" +
			" both directions."), String.join("\n", volume.warnings()));
	}

	/** Returns an axial 3 x 2 image of {@link #STORED} with the given header values. */
	private static DicomDataSet image(String position, String pixelSpacing, String slope,
		String intercept)
	{
		DicomDataSet data = DicomTestFiles.minimalImage(16, true, STORED);
		data.text(DicomTag.IMAGE_POSITION_PATIENT, "DS", position);
		data.text(DicomTag.IMAGE_ORIENTATION_PATIENT, "DS", "1\\0\\0\\0\\1\\0");
		data.text(DicomTag.PIXEL_SPACING, "DS", pixelSpacing);
		data.text(DicomTag.RESCALE_SLOPE, "DS", slope);
		data.text(DicomTag.RESCALE_INTERCEPT, "DS", intercept);
		return data;
	}

	/** Returns a Per-frame Functional Groups item that places a frame at (0, 0, z). */
	private static DicomDataSet framePosition(double z) {
		DicomDataSet position = new DicomDataSet().decimals(DicomTag.IMAGE_POSITION_PATIENT, 0, 0,
			z);
		return new DicomDataSet().sequence(DicomTag.PLANE_POSITION_SEQUENCE, List.of(position),
			true);
	}

	private Path write(String name, DicomDataSet data, String sopInstanceUid)
		throws IOException
	{
		Path file = folder.resolve(name);
		DicomSeriesWriter.writeFile(file, data, DicomSeriesWriter.CT_IMAGE_STORAGE,
			sopInstanceUid, DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		return file;
	}
}
