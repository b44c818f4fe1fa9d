package org.ctheatmap.io.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ctheatmap.io.InvalidInputException;

/**
 * Turns the image headers of one series into a sorted slice stack: drops
 * localizers and duplicate positions, checks that the slices match, sorts by
 * position and derives the voxel grid with {@link SliceGeometry}. Works on
 * headers only, so a folder can be summarised without reading pixels.
 */
final class SeriesAssembler {

	/** Largest difference in an IOP component or Pixel Spacing treated as equal. */
	static final double HEADER_TOLERANCE = 1e-4;

	/** Number of file names listed in a warning before "and N more". */
	private static final int LISTED_NAMES = 5;

	final List<DicomHeader> slices;
	final SliceGeometry geometry;
	final List<String> warnings;

	private SeriesAssembler(List<DicomHeader> slices, SliceGeometry geometry,
		List<String> warnings)
	{
		this.slices = slices;
		this.geometry = geometry;
		this.warnings = warnings;
	}

	/**
	 * Sorts and checks the images of one series; the list is not modified.
	 *
	 * @param images headers of image files (with Pixel Data) of one series
	 * @throws InvalidInputException naming the files when slices differ in size,
	 *           pixel spacing or orientation, or lack the position needed to sort
	 */
	static SeriesAssembler assemble(List<DicomHeader> images) throws InvalidInputException {
		List<String> warnings = new ArrayList<>();
		List<DicomHeader> candidates = dropLocalizers(images, warnings);
		candidates = majorityOrientation(candidates, warnings);
		checkSameSize(candidates);
		double[] pixelSpacing = pixelSpacing(candidates, warnings);

		double[] orientation = orientation(candidates, warnings);
		double[] row = Arrays.copyOfRange(orientation, 0, 3);
		double[] column = Arrays.copyOfRange(orientation, 3, 6);
		double[] normal = SliceGeometry.unit(SliceGeometry.cross(row, column));
		List<DicomHeader> sorted = sortByPosition(candidates, normal, warnings);

		List<double[]> positions = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (DicomHeader slice : sorted) {
			double[] position = slice.decimals(DicomTag.IMAGE_POSITION_PATIENT, 3);
			positions.add(position == null ? new double[3] : position);
			names.add(slice.fileName());
		}
		DicomHeader first = sorted.get(0);
		SliceGeometry geometry = SliceGeometry.compute(row, column, pixelSpacing, positions,
			names, first.decimal(DicomTag.SLICE_THICKNESS, Double.NaN), first.decimal(
				DicomTag.GANTRY_DETECTOR_TILT, Double.NaN));
		warnings.addAll(geometry.warnings);
		return new SeriesAssembler(sorted, geometry, warnings);
	}

	/**
	 * Returns the Image Orientation (Patient) of the slices, which the majority
	 * check made equal. A single slice without position or orientation is
	 * placed axially at the origin, with a warning.
	 */
	private static double[] orientation(List<DicomHeader> slices, List<String> warnings)
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
		double[] row = Arrays.copyOfRange(orientation, 0, 3);
		double[] column = Arrays.copyOfRange(orientation, 3, 6);
		if (Math.abs(SliceGeometry.dot(row, column)) > 1e-3) {
			throw new InvalidInputException(first.file(), "Image Orientation (Patient) rows and" +
				" columns are not perpendicular: " + first.text(
					DicomTag.IMAGE_ORIENTATION_PATIENT));
		}
		return orientation;
	}

	private static List<DicomHeader> dropLocalizers(List<DicomHeader> images,
		List<String> warnings)
	{
		List<DicomHeader> remaining = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		for (DicomHeader image : images) {
			if (Arrays.asList(image.texts(DicomTag.IMAGE_TYPE)).contains("LOCALIZER")) {
				dropped.add(image.fileName());
			} else {
				remaining.add(image);
			}
		}
		if (!dropped.isEmpty() && !remaining.isEmpty()) {
			warnings.add("Skipped " + dropped.size() + " localizer image(s) (Image Type" +
				" LOCALIZER): " + list(dropped) + ".");
			return remaining;
		}
		return images;
	}

	/** Keeps the slices with the most common orientation; others are localizers or reformats. */
	private static List<DicomHeader> majorityOrientation(List<DicomHeader> images,
		List<String> warnings) throws InvalidInputException
	{
		Map<double[], List<DicomHeader>> groups = new LinkedHashMap<>();
		for (DicomHeader image : images) {
			double[] orientation = image.decimals(DicomTag.IMAGE_ORIENTATION_PATIENT, 6);
			double[] key = orientation == null ? new double[0] : orientation;
			double[] match = groups.keySet().stream().filter(k -> close(k, key)).findFirst()
				.orElse(key);
			groups.computeIfAbsent(match, k -> new ArrayList<>()).add(image);
		}
		if (groups.size() == 1) return images;
		List<List<DicomHeader>> bySize = new ArrayList<>(groups.values());
		bySize.sort(Comparator.comparingInt(g -> -g.size()));
		List<DicomHeader> largest = bySize.get(0);
		List<DicomHeader> second = bySize.get(1);
		if (largest.size() == second.size()) {
			String first = describeOrientation(largest.get(0)) + " in " + list(names(largest));
			String other = describeOrientation(second.get(0)) + " in " + list(names(second));
			throw new InvalidInputException(second.get(0).file(), "the series mixes orientations" +
				" with equally many slices: " + first + ", " + other);
		}
		List<String> dropped = new ArrayList<>();
		for (List<DicomHeader> group : bySize.subList(1, bySize.size())) {
			for (DicomHeader image : group) {
				dropped.add(image.fileName() + " (" + describeOrientation(image) + ")");
			}
		}
		warnings.add("Skipped " + dropped.size() + " image(s) whose orientation differs from the" +
			" " + bySize.get(0).size() + " others (localizer or another plane): " + list(dropped) +
			".");
		return bySize.get(0);
	}

	private static void checkSameSize(List<DicomHeader> slices) throws InvalidInputException {
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

	private static double[] pixelSpacing(List<DicomHeader> slices, List<String> warnings)
		throws InvalidInputException
	{
		DicomHeader first = slices.get(0);
		double[] spacing = first.decimals(DicomTag.PIXEL_SPACING, 2);
		for (DicomHeader slice : slices) {
			double[] other = slice.decimals(DicomTag.PIXEL_SPACING, 2);
			if ((other == null) != (spacing == null) || other != null && !close(other, spacing)) {
				throw new InvalidInputException(slice.file(), "slices of one series differ in" +
					" Pixel Spacing: " + slice.text(DicomTag.PIXEL_SPACING, "none") + " here but " +
					first.text(DicomTag.PIXEL_SPACING, "none") + " in " + first.fileName());
			}
		}
		if (spacing == null || !(spacing[0] > 0 && spacing[1] > 0)) {
			warnings.add("No valid Pixel Spacing (0028,0030): 1 mm is assumed in both directions.");
			return new double[] { 1, 1 };
		}
		return spacing;
	}

	/**
	 * Sorts by projection on the normal, then Instance Number, frame index and
	 * file name; of slices at the same position only the first is kept.
	 */
	private static List<DicomHeader> sortByPosition(List<DicomHeader> slices, double[] normal,
		List<String> warnings) throws InvalidInputException
	{
		Map<DicomHeader, Double> projection = new LinkedHashMap<>();
		for (DicomHeader slice : slices) {
			double[] position = slice.decimals(DicomTag.IMAGE_POSITION_PATIENT, 3);
			projection.put(slice, position == null ? 0 : SliceGeometry.dot(position, normal));
		}
		List<DicomHeader> sorted = new ArrayList<>(slices);
		// Frames of one file share its Instance Number, so their frame index breaks the tie.
		sorted.sort(Comparator.<DicomHeader> comparingDouble(projection::get).thenComparingInt(
			SeriesAssembler::instanceNumber).thenComparingInt(DicomHeader::frameIndex)
			.thenComparing(DicomHeader::fileName));
		List<DicomHeader> unique = new ArrayList<>();
		List<String> duplicates = new ArrayList<>();
		for (DicomHeader slice : sorted) {
			DicomHeader previous = unique.isEmpty() ? null : unique.get(unique.size() - 1);
			if (previous != null && projection.get(slice) - projection.get(
				previous) < SliceGeometry.POSITION_TOLERANCE_MM)
			{
				duplicates.add(String.format(Locale.ROOT, "%s duplicates %s at %s mm", slice
					.fileName(), previous.fileName(), SliceGeometry.mm(projection.get(slice))));
			} else {
				unique.add(slice);
			}
		}
		if (!duplicates.isEmpty()) {
			warnings.add("Duplicate slice positions: kept the first slice at each position" +
				" (lowest Instance Number when positions are equal) and skipped " + duplicates
					.size() + ": " + list(duplicates) + ".");
		}
		return unique;
	}

	private static int instanceNumber(DicomHeader header) {
		try {
			return header.integer(DicomTag.INSTANCE_NUMBER, Integer.MAX_VALUE);
		} catch (InvalidInputException e) {
			return Integer.MAX_VALUE;
		}
	}

	/** Returns the first slice that lacks the tag, or null if all have it. */
	private static DicomHeader firstWithout(List<DicomHeader> slices, int tag) {
		return slices.stream().filter(s -> s.text(tag) == null).findFirst().orElse(null);
	}

	private static boolean close(double[] a, double[] b) {
		if (a.length != b.length) return false;
		for (int i = 0; i < a.length; i++) {
			if (Math.abs(a[i] - b[i]) > HEADER_TOLERANCE) return false;
		}
		return true;
	}

	private static String describeOrientation(DicomHeader image) {
		return "IOP " + image.text(DicomTag.IMAGE_ORIENTATION_PATIENT, "missing");
	}

	private static String size(DicomHeader image) {
		return image.text(DicomTag.COLUMNS, "?") + " x " + image.text(DicomTag.ROWS, "?") +
			" pixels";
	}

	private static List<String> names(List<DicomHeader> images) {
		List<String> names = new ArrayList<>();
		images.forEach(image -> names.add(image.fileName()));
		return names;
	}

	/** Joins up to {@link #LISTED_NAMES} items and counts the rest. */
	static String list(List<String> items) {
		if (items.size() <= LISTED_NAMES) return String.join(", ", items);
		return String.join(", ", items.subList(0, LISTED_NAMES)) + " and " + (items.size() -
			LISTED_NAMES) + " more";
	}
}
