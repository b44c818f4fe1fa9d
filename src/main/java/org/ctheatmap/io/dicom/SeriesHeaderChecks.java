package org.ctheatmap.io.dicom;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ctheatmap.io.InvalidInputException;

/**
 * Checks the header values that place the slices of one series and that they
 * must share: Rows and Columns, Pixel Spacing, Image Orientation (Patient)
 * and Image Position (Patient). Each failure names the file and the value.
 */
final class SeriesHeaderChecks {

	/**
	 * Largest deviation of an IOP vector's length from 1 and of the cosine
	 * between the two vectors from 0. Header values are often printed with 6
	 * digits, and PatientGeometry accepts the same length deviation.
	 */
	static final double ORIENTATION_TOLERANCE = 1e-3;

	/**
	 * Largest Image Position (Patient) component in mm (1000 km). Patient
	 * coordinates lie within metres of the origin, so only corrupt values
	 * exceed it, and it keeps the steps and lengths between positions finite.
	 */
	static final double MAX_POSITION_MM = 1e9;

	private SeriesHeaderChecks() {}

	static void checkSameSize(List<DicomHeader> slices) throws InvalidInputException {
		DicomHeader first = slices.get(0);
		for (DicomHeader slice : slices) {
			if (slice.integer(DicomTag.ROWS, 0) != first.integer(DicomTag.ROWS, 0) || slice
				.integer(DicomTag.COLUMNS, 0) != first.integer(DicomTag.COLUMNS, 0))
			{
				throw new InvalidInputException(slice.file(), "slices of one series differ in" +
					" size: " + size(slice) + " here but " + size(first) + " in " + first
						.fileName());
			}
		}
	}

	/**
	 * Returns the Pixel Spacing shared by all slices in mm: between rows, then
	 * between columns. When it is missing, 1 mm is returned for both with a
	 * warning, so images without calibration can still be read.
	 *
	 * @throws InvalidInputException naming the file if a value is zero,
	 *           negative or not a number, or the slices differ
	 */
	static double[] pixelSpacing(List<DicomHeader> slices, List<String> warnings)
		throws InvalidInputException
	{
		DicomHeader first = slices.get(0);
		double[] spacing = first.decimals(DicomTag.PIXEL_SPACING, 2);
		if (spacing != null && !(spacing[0] > 0 && spacing[1] > 0)) {
			throw new InvalidInputException(first.file(), "invalid Pixel Spacing (0028,0030) '" +
				first.text(DicomTag.PIXEL_SPACING) + "': both values must be positive distances" +
				" in mm");
		}
		for (DicomHeader slice : slices) {
			double[] other = slice.decimals(DicomTag.PIXEL_SPACING, 2);
			if ((other == null) != (spacing == null) || other != null && !SeriesAssembler.close(
				other, spacing))
			{
				throw new InvalidInputException(slice.file(), "slices of one series differ in" +
					" Pixel Spacing: " + slice.text(DicomTag.PIXEL_SPACING, "none") + " here but " +
					first.text(DicomTag.PIXEL_SPACING, "none") + " in " + first.fileName());
			}
		}
		if (spacing == null) {
			warnings.add("No Pixel Spacing (0028,0030): 1 mm is assumed in both directions.");
			return new double[] { 1, 1 };
		}
		return spacing;
	}

	/**
	 * Returns the Image Orientation (Patient) of the slices, which the majority
	 * check made equal. A single slice without position or orientation is
	 * placed axially at the origin, with a warning.
	 */
	static double[] orientation(List<DicomHeader> slices, List<String> warnings)
		throws InvalidInputException
	{
		DicomHeader first = slices.get(0);
		double[] orientation = first.decimals(DicomTag.IMAGE_ORIENTATION_PATIENT, 6);
		DicomHeader unplaced = orientation == null ? first : firstWithout(slices,
			DicomTag.IMAGE_POSITION_PATIENT);
		if (unplaced != null) {
			if (slices.size() > 1) {
				throw new InvalidInputException(unplaced.file(), "no Image Position or" +
					" Orientation (Patient), so the " + slices.size() + " slices of the series" +
					" cannot be sorted");
			}
			warnings.add("Missing Image Position or Orientation (Patient): the slice is placed" +
				" at the origin, axially when the orientation is missing.");
		}
		if (orientation == null) {
			return new double[] { 1, 0, 0, 0, 1, 0 };
		}
		checkOrientation(first, Arrays.copyOfRange(orientation, 0, 3), Arrays.copyOfRange(
			orientation, 3, 6));
		return orientation;
	}

	/**
	 * Checks that the row and column vectors of Image Orientation (Patient)
	 * are unit vectors at right angles, within {@link #ORIENTATION_TOLERANCE}.
	 */
	private static void checkOrientation(DicomHeader header, double[] row, double[] column)
		throws InvalidInputException
	{
		double rowLength = Math.sqrt(SliceGeometry.dot(row, row));
		double columnLength = Math.sqrt(SliceGeometry.dot(column, column));
		String problem = null;
		if (Math.abs(rowLength - 1) > ORIENTATION_TOLERANCE) {
			problem = "the row vector (first 3 values) has length " + decimal(rowLength);
		} else if (Math.abs(columnLength - 1) > ORIENTATION_TOLERANCE) {
			problem = "the column vector (last 3 values) has length " + decimal(
				columnLength);
		} else if (Math.abs(SliceGeometry.dot(row, column)) > ORIENTATION_TOLERANCE) {
			problem = "the row and column vectors are not perpendicular (cosine " + decimal(
				SliceGeometry.dot(row, column)) + ")";
		}
		if (problem != null) {
			throw new InvalidInputException(header.file(), "invalid Image Orientation (Patient)" +
				" (0020,0037) '" + header.text(DicomTag.IMAGE_ORIENTATION_PATIENT) + "': " +
				problem + "; expected two perpendicular unit vectors within " +
				ORIENTATION_TOLERANCE);
		}
	}

	/**
	 * Returns the Image Position (Patient) of a slice in mm, or (0, 0, 0) when
	 * it is missing, which {@link #orientation} allows for a single slice only.
	 *
	 * @throws InvalidInputException naming the file and the value if a
	 *           component is not a number or lies beyond {@link #MAX_POSITION_MM}
	 */
	static double[] position(DicomHeader slice) throws InvalidInputException {
		double[] position = slice.decimals(DicomTag.IMAGE_POSITION_PATIENT, 3);
		if (position == null) return new double[3];
		for (double component : position) {
			if (Math.abs(component) > MAX_POSITION_MM) {
				throw new InvalidInputException(slice.file(), "invalid Image Position (Patient)" +
					" (0020,0032) '" + slice.text(DicomTag.IMAGE_POSITION_PATIENT) + "': a" +
					" component lies more than " + (long) MAX_POSITION_MM + " mm from the origin");
			}
		}
		return position;
	}

	/** Returns the first slice that lacks the tag, or null if all have it. */
	private static DicomHeader firstWithout(List<DicomHeader> slices, int tag) {
		return slices.stream().filter(s -> s.text(tag) == null).findFirst().orElse(null);
	}

	private static String size(DicomHeader image) {
		return image.text(DicomTag.COLUMNS, "?") + " x " + image.text(DicomTag.ROWS, "?") +
			" pixels";
	}

	private static String decimal(double value) {
		return String.format(Locale.ROOT, "%.4f", value);
	}
}
