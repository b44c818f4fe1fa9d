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
	 *           pixel spacing or orientation, lack the position needed to sort,
	 *           or have an invalid Image Orientation (Patient) or Pixel Spacing
	 */
	static SeriesAssembler assemble(List<DicomHeader> images) throws InvalidInputException {
		List<String> warnings = new ArrayList<>();
		List<DicomHeader> candidates = dropLocalizers(images, warnings);
		candidates = majorityOrientation(candidates, warnings);
		SeriesHeaderChecks.checkSameSize(candidates);
		double[] pixelSpacing = SeriesHeaderChecks.pixelSpacing(candidates, warnings);

		double[] orientation = SeriesHeaderChecks.orientation(candidates, warnings);
		double[] row = Arrays.copyOfRange(orientation, 0, 3);
		double[] column = Arrays.copyOfRange(orientation, 3, 6);
		double[] normal = SliceGeometry.unit(SliceGeometry.cross(row, column));
		List<DicomHeader> sorted = sortByPosition(candidates, normal, warnings);

		List<double[]> positions = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (DicomHeader slice : sorted) {
			positions.add(SeriesHeaderChecks.position(slice));
			names.add(slice.fileName());
		}
		DicomHeader first = sorted.get(0);
		SliceGeometry geometry = SliceGeometry.compute(row, column, pixelSpacing, positions,
			names, first.decimal(DicomTag.SLICE_THICKNESS, Double.NaN), first.decimal(
				DicomTag.GANTRY_DETECTOR_TILT, Double.NaN));
		warnings.addAll(geometry.warnings);
		return new SeriesAssembler(sorted, geometry, warnings);
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

	/** Returns whether two arrays have equal length and agree within {@link #HEADER_TOLERANCE}. */
	static boolean close(double[] a, double[] b) {
		if (a.length != b.length) return false;
		for (int i = 0; i < a.length; i++) {
			if (Math.abs(a[i] - b[i]) > HEADER_TOLERANCE) return false;
		}
		return true;
	}

	private static String describeOrientation(DicomHeader image) {
		return "IOP " + image.text(DicomTag.IMAGE_ORIENTATION_PATIENT, "missing");
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
