package org.ctheatmap.io.dicom;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;

/**
 * Reads the pixels of a sorted slice stack and builds the {@link CtVolume}:
 * HU per slice with that slice's Rescale Slope and Intercept, the conversion
 * text, the metadata map and the warnings.
 */
final class VolumeBuilder {

	/** Progress step name reported per slice. */
	static final String STEP = "Reading DICOM pixels";

	/** Attributes copied to the metadata map when present, from the first slice. */
	private static final int[] METADATA_TAGS = { DicomTag.SERIES_INSTANCE_UID,
		DicomTag.SERIES_DESCRIPTION, DicomTag.SERIES_NUMBER, DicomTag.STUDY_INSTANCE_UID,
		DicomTag.FRAME_OF_REFERENCE_UID, DicomTag.STUDY_DATE, DicomTag.MODALITY,
		DicomTag.SOP_CLASS_UID, DicomTag.MANUFACTURER, DicomTag.MANUFACTURER_MODEL_NAME,
		DicomTag.KVP, DicomTag.X_RAY_TUBE_CURRENT, DicomTag.EXPOSURE, DicomTag.CONVOLUTION_KERNEL,
		DicomTag.SLICE_THICKNESS, DicomTag.SPACING_BETWEEN_SLICES, DicomTag.CONTRAST_BOLUS_AGENT,
		DicomTag.BODY_PART_EXAMINED, DicomTag.IMAGE_TYPE, DicomTag.GANTRY_DETECTOR_TILT,
		DicomTag.WINDOW_CENTER, DicomTag.WINDOW_WIDTH, DicomTag.RESCALE_TYPE,
		DicomTag.PIXEL_PADDING_VALUE, DicomTag.PHOTOMETRIC_INTERPRETATION,
		DicomTag.TRANSFER_SYNTAX_UID, DicomTag.PIXEL_REPRESENTATION, DicomTag.BITS_ALLOCATED,
		DicomTag.BITS_STORED };

	private final TreeSet<Double> slopes = new TreeSet<>();
	private final TreeSet<Double> intercepts = new TreeSet<>();
	private final List<String> missingRescale = new ArrayList<>();
	private int maskedSamples;
	private int maskedSlices;

	private VolumeBuilder() {}

	/**
	 * Reads every slice of the stack, in order, into a 32-bit HU volume.
	 *
	 * @param input the file or folder the user gave, for the title and "Source"
	 * @param stack sorted slices and their geometry
	 * @param warnings warnings so far; the pixel notes are appended to a copy
	 * @throws InvalidInputException naming the file when a slice cannot be
	 *           decoded (compressed, multi-frame, colour, truncated)
	 */
	static CtVolume build(Path input, SeriesAssembler stack, List<String> warnings,
		ProgressListener progress) throws IOException
	{
		VolumeBuilder builder = new VolumeBuilder();
		DicomHeader first = stack.slices.get(0);
		PixelFormat firstFormat = PixelFormat.of(first);
		int threads = Runtime.getRuntime().availableProcessors();
		checkMemory(first, firstFormat, stack.slices.size(), threads);
		List<PixelDecoder.HuPixels> slices = ParallelTasks.map(stack.slices, VolumeBuilder::readHu, threads,
			progress, STEP);
		ImageStack images = new ImageStack(firstFormat.columns, firstFormat.rows);
		for (int i = 0; i < slices.size(); i++) {
			DicomHeader slice = stack.slices.get(i);
			builder.record(slice, slices.get(i));
			images.addSlice(slice.fileName(), new FloatProcessor(firstFormat.columns,
				firstFormat.rows, slices.get(i).hu));
		}
		List<String> allWarnings = new ArrayList<>(warnings);
		allWarnings.addAll(builder.pixelNotes(first, firstFormat));
		ImagePlus image = new ImagePlus(title(input, first), images);
		return new CtVolume(image, stack.geometry.geometry, builder.huConversion(), metadata(input,
			stack), allWarnings);
	}

	/** Reads and converts one slice; safe to run on several slices at once. */
	private static PixelDecoder.HuPixels readHu(DicomHeader slice) throws IOException {
		PixelFormat format = PixelFormat.of(slice);
		double slope = slice.rescaleSlope();
		double intercept = slice.decimal(DicomTag.RESCALE_INTERCEPT, 0);
		return PixelDecoder.readHu(slice, format, slope, intercept);
	}

	/** Records the rescale and masking of one slice for the conversion text and notes. */
	private void record(DicomHeader slice, PixelDecoder.HuPixels result) throws InvalidInputException {
		if (result.maskedCount > 0) {
			maskedSamples += result.maskedCount;
			maskedSlices++;
		}
		if (slice.text(DicomTag.RESCALE_SLOPE) == null || slice.text(
			DicomTag.RESCALE_INTERCEPT) == null)
		{
			missingRescale.add(slice.fileName());
		}
		slopes.add(slice.rescaleSlope());
		intercepts.add(slice.decimal(DicomTag.RESCALE_INTERCEPT, 0));
	}

	/**
	 * Checks that the volume and the per-thread decoding buffers fit in the
	 * free heap before anything is allocated.
	 *
	 * @throws InvalidInputException naming the first file and both sizes if not
	 */
	private static void checkMemory(DicomHeader first, PixelFormat format, int slices,
		int threads) throws InvalidInputException
	{
		long pixels = (long) format.rows * format.columns;
		// The float[] HU volume, plus per thread the int[] of stored values and the raw bytes.
		long needed = pixels * 4 * slices + pixels * (4 + format.bitsAllocated / 8) * Math.min(
			threads, slices);
		if (first.pixelData().deflatedStart >= 0 && first.frames().size() > 1) {
			// A deflated multi-frame file keeps its inflated frames while it is read.
			needed += format.frameBytes() * first.frames().size();
		}
		Runtime runtime = Runtime.getRuntime();
		long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
		if (needed > free) {
			throw new InvalidInputException(first.file(), String.format(Locale.ROOT, "%d slice(s) of" +
				" %d x %d pixels need about %d MB of memory but only %d MB are free; raise the" +
				" Java heap limit (in Fiji: Edit > Options > Memory & Threads)", slices,
				format.columns, format.rows, needed >> 20, free >> 20));
		}
	}

	/** Returns how stored values became HU, e.g. "HU = stored x 1 + (-1024), ...". */
	private String huConversion() {
		if (slopes.size() == 1 && intercepts.size() == 1) {
			return "HU = stored x " + number(slopes.first()) + " + (" + number(intercepts.first()) +
				"), Rescale Slope/Intercept of each slice" + (missingRescale.isEmpty() ? ""
					: "; missing values taken as slope 1, intercept 0");
		}
		return "HU = stored x slope + intercept with the Rescale Slope/Intercept of each slice," +
			" which differ between slices: slope " + number(slopes.first()) + " to " + number(
				slopes.last()) + ", intercept " + number(intercepts.first()) + " to " + number(
					intercepts.last());
	}

	private List<String> pixelNotes(DicomHeader first, PixelFormat format) {
		List<String> notes = new ArrayList<>();
		if (!missingRescale.isEmpty()) {
			notes.add("No Rescale Slope/Intercept in " + missingRescale.size() + " slice(s) (" +
				SeriesAssembler.list(missingRescale) + "): stored values are used as HU" +
				" (slope 1, intercept 0).");
		}
		String rescaleType = first.text(DicomTag.RESCALE_TYPE);
		if (rescaleType != null && !"HU".equals(rescaleType)) {
			notes.add("Rescale Type is '" + rescaleType + "', not HU: the values may not be" +
				" Hounsfield units.");
		}
		String modality = first.text(DicomTag.MODALITY, "");
		if (!"CT".equals(modality)) {
			notes.add("Modality is '" + modality + "', not CT: the values may not be Hounsfield" +
				" units.");
		}
		if (format.monochrome1) {
			notes.add("Photometric Interpretation MONOCHROME1: the values are HU as rescaled;" +
				" only the display of such images is inverted, which does not apply to HU.");
		}
		if (maskedSamples > 0) {
			// Readers that return the whole 16-bit word give other values for these pixels.
			notes.add("Bits Stored is " + format.bitsStored + " but " + maskedSamples +
				" pixel(s) in " + maskedSlices + " slice(s) had other bits set above it; those" +
				" bits were ignored as DICOM requires, so these pixels may differ from other" +
				" readers.");
		}
		return notes;
	}

	private static Map<String, String> metadata(Path input, SeriesAssembler stack) {
		DicomHeader first = stack.slices.get(0);
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("Format", "DICOM");
		metadata.put("Source", input.toAbsolutePath().normalize().toString());
		for (int tag : METADATA_TAGS) {
			String value = tag == DicomTag.TRANSFER_SYNTAX_UID ? first.transferSyntaxUid() : first
				.text(tag);
			if (value != null) metadata.put(DicomTag.keyword(tag), value);
		}
		metadata.put("SliceCount", Integer.toString(stack.slices.size()));
		if (!Double.isNaN(stack.geometry.normalSpacing)) {
			metadata.put("SliceSpacingAlongNormal", SliceGeometry.mm(stack.geometry.normalSpacing));
		}
		return metadata;
	}

	private static String title(Path input, DicomHeader first) {
		String description = first.text(DicomTag.SERIES_DESCRIPTION);
		if (description != null) return description;
		Path name = input.toAbsolutePath().normalize().getFileName();
		return name == null ? "DICOM" : name.toString();
	}

	/** Formats a rescale value without a trailing ".0", e.g. "1", "-1024", "2.0002442". */
	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}
