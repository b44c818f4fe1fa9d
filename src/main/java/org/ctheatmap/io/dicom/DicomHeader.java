package org.ctheatmap.io.dicom;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ctheatmap.io.InvalidInputException;

/**
 * The attributes of one DICOM file up to its Pixel Data, as read by
 * {@link DicomParser}: only the tags listed in {@link DicomTag}, never
 * patient-identifying ones. Binary values (US, SS) are stored as decimal
 * text, so every value is a string with multiple values separated by '\'.
 * <p>
 * A multi-frame file has one header for the file and one per frame
 * ({@link #frames()}). A frame's values are the file's top-level values,
 * overridden by the Shared and then the Per-frame Functional Groups of that
 * frame, so a frame header returns Image Position (Patient), Rescale Slope and
 * the like as a single-frame file does. Instances are immutable.
 */
final class DicomHeader {

	private final Path file;
	private final String transferSyntaxUid;
	private final Map<Integer, String> values;
	private final PixelDataLocation pixelData;
	private final int frameIndex;
	private final List<DicomHeader> frames;

	/**
	 * Creates the header of a single-frame file.
	 *
	 * @param pixelDataOffset offset of the first Pixel Data value byte in the
	 *          file, or -1 when the file has no Pixel Data
	 * @param pixelDataLength value length in bytes, or -1 for undefined
	 *          (encapsulated) length
	 */
	DicomHeader(Path file, String transferSyntaxUid, Map<Integer, String> values,
		long pixelDataOffset, long pixelDataLength, String pixelDataVr)
	{
		this(file, transferSyntaxUid, values, new PixelDataLocation(pixelDataOffset,
			pixelDataLength, pixelDataVr, -1), 0, null);
	}

	/**
	 * Creates a file or frame header.
	 *
	 * @param frameIndex 0-based index of the frame whose values these are
	 * @param frames headers of every frame, or null for a single-frame file
	 */
	DicomHeader(Path file, String transferSyntaxUid, Map<Integer, String> values,
		PixelDataLocation pixelData, int frameIndex, List<DicomHeader> frames)
	{
		this.file = file;
		this.transferSyntaxUid = transferSyntaxUid;
		this.values = Collections.unmodifiableMap(values);
		this.pixelData = pixelData;
		this.frameIndex = frameIndex;
		this.frames = frames == null ? Collections.singletonList(this) : Collections
			.unmodifiableList(frames);
	}

	/**
	 * Returns one header per frame in file order: this header for a
	 * single-frame file.
	 */
	List<DicomHeader> frames() {
		return frames;
	}

	/** Returns the 0-based index of this header's frame in its file. */
	int frameIndex() {
		return frameIndex;
	}

	/** Returns where the pixels are, shared by all frames of a file. */
	PixelDataLocation pixelData() {
		return pixelData;
	}

	Path file() {
		return file;
	}

	/**
	 * Returns the file name without folders, for labels and messages, with
	 * the 1-based frame number for frames of a multi-frame file, e.g.
	 * "CT0012.dcm frame 2".
	 */
	String fileName() {
		Path name = file.getFileName();
		String text = name == null ? file.toString() : name.toString();
		return frames.size() > 1 ? text + " frame " + (frameIndex + 1) : text;
	}

	String transferSyntaxUid() {
		return transferSyntaxUid;
	}

	/** Returns the syntax if this package can decode it, else null. */
	DicomTransferSyntax transferSyntax() {
		return DicomTransferSyntax.fromUid(transferSyntaxUid);
	}

	boolean hasPixelData() {
		return pixelData.offset >= 0;
	}

	/**
	 * Returns the offset of the first Pixel Data value byte, in the file or,
	 * for a deflated data set, in the inflated data set.
	 */
	long pixelDataOffset() {
		return pixelData.offset;
	}

	long pixelDataLength() {
		return pixelData.length;
	}

	String pixelDataVr() {
		return pixelData.vr;
	}

	/** Returns the stored values, keyed by tag; unmodifiable. */
	Map<Integer, String> values() {
		return values;
	}

	/** Returns the value with trailing spaces and NULs removed, or null if absent or empty. */
	String text(int tag) {
		String value = values.get(tag);
		return value == null || value.isEmpty() ? null : value;
	}

	/** Returns the text of a tag or a default when absent. */
	String text(int tag, String fallback) {
		String value = text(tag);
		return value == null ? fallback : value;
	}

	/** Returns the values of a multi-valued attribute, or an empty array if absent. */
	String[] texts(int tag) {
		String value = text(tag);
		return value == null ? new String[0] : value.split("\\\\", -1);
	}

	/**
	 * Returns the first value of an integer attribute (US, SS or IS), or null if
	 * absent.
	 *
	 * @throws InvalidInputException if the value is not an integer
	 */
	Integer integer(int tag) throws InvalidInputException {
		String[] parts = texts(tag);
		if (parts.length == 0 || parts[0].trim().isEmpty()) return null;
		try {
			return Integer.valueOf(parts[0].trim());
		} catch (NumberFormatException e) {
			throw invalid(tag, "an integer");
		}
	}

	/** Returns the first value of an integer attribute, or a default when absent. */
	int integer(int tag, int fallback) throws InvalidInputException {
		Integer value = integer(tag);
		return value == null ? fallback : value;
	}

	/**
	 * Returns all values of a decimal attribute (DS or IS), or null if absent.
	 *
	 * @throws InvalidInputException if a value is not a finite number
	 */
	double[] decimals(int tag) throws InvalidInputException {
		String[] parts = texts(tag);
		if (parts.length == 0) return null;
		double[] result = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				result[i] = Double.parseDouble(parts[i].trim());
			} catch (NumberFormatException e) {
				throw invalid(tag, "a decimal number");
			}
			if (!Double.isFinite(result[i])) {
				throw invalid(tag, "a finite decimal number");
			}
		}
		return result;
	}

	/**
	 * Returns exactly {@code count} decimal values, or null if absent.
	 *
	 * @throws InvalidInputException if the attribute has another number of values
	 */
	double[] decimals(int tag, int count) throws InvalidInputException {
		double[] result = decimals(tag);
		if (result != null && result.length != count) {
			throw new InvalidInputException(file, DicomTag.describe(tag) + " has " + result.length +
				" values, expected " + count + ": '" + text(tag) + "'");
		}
		return result;
	}

	/** Returns the first value of a decimal attribute, or a default when absent. */
	double decimal(int tag, double fallback) throws InvalidInputException {
		double[] result = decimals(tag);
		return result == null ? fallback : result[0];
	}

	/**
	 * Returns the Rescale Slope (0028,1053) that maps stored values to HU, or 1
	 * when absent. Negative slopes are returned as they are.
	 *
	 * @throws InvalidInputException naming the file, the frame of a multi-frame
	 *           file and the value if the slope is 0 or not a finite number
	 */
	double rescaleSlope() throws InvalidInputException {
		double slope = decimal(DicomTag.RESCALE_SLOPE, 1);
		if (slope == 0) {
			String frame = frames.size() > 1 ? " in frame " + (frameIndex + 1) : "";
			throw new InvalidInputException(file, "invalid Rescale Slope (0028,1053) '" + text(
				DicomTag.RESCALE_SLOPE) + "'" + frame + ": a slope of 0 maps every stored value" +
				" to the Rescale Intercept, so no HU can be computed; expected a non-zero number");
		}
		return slope;
	}

	private InvalidInputException invalid(int tag, String expected) {
		return new InvalidInputException(file, DicomTag.describe(tag) + " is not " + expected +
			": '" + text(tag) + "'");
	}
}
