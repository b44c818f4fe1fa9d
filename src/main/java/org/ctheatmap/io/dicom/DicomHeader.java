package org.ctheatmap.io.dicom;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;

import org.ctheatmap.io.InvalidInputException;

/**
 * The attributes of one DICOM file up to its Pixel Data, as read by
 * {@link DicomParser}: only the tags listed in {@link DicomTag}, never
 * patient-identifying ones. Binary values (US, SS) are stored as decimal
 * text, so every value is a string with multiple values separated by '\'.
 * Instances are immutable.
 */
final class DicomHeader {

	private final Path file;
	private final String transferSyntaxUid;
	private final Map<Integer, String> values;
	private final long pixelDataOffset;
	private final long pixelDataLength;
	private final String pixelDataVr;

	/**
	 * @param pixelDataOffset offset of the first Pixel Data value byte in the
	 *          file, or -1 when the file has no Pixel Data
	 * @param pixelDataLength value length in bytes, or -1 for undefined
	 *          (encapsulated) length
	 */
	DicomHeader(Path file, String transferSyntaxUid, Map<Integer, String> values,
		long pixelDataOffset, long pixelDataLength, String pixelDataVr)
	{
		this.file = file;
		this.transferSyntaxUid = transferSyntaxUid;
		this.values = Collections.unmodifiableMap(values);
		this.pixelDataOffset = pixelDataOffset;
		this.pixelDataLength = pixelDataLength;
		this.pixelDataVr = pixelDataVr;
	}

	Path file() {
		return file;
	}

	/** Returns the file name without folders, for labels and messages. */
	String fileName() {
		Path name = file.getFileName();
		return name == null ? file.toString() : name.toString();
	}

	String transferSyntaxUid() {
		return transferSyntaxUid;
	}

	/** Returns the syntax if it is one of the uncompressed three, else null. */
	DicomTransferSyntax transferSyntax() {
		return DicomTransferSyntax.fromUid(transferSyntaxUid);
	}

	boolean hasPixelData() {
		return pixelDataOffset >= 0;
	}

	long pixelDataOffset() {
		return pixelDataOffset;
	}

	long pixelDataLength() {
		return pixelDataLength;
	}

	String pixelDataVr() {
		return pixelDataVr;
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

	private InvalidInputException invalid(int tag, String expected) {
		return new InvalidInputException(file, DicomTag.describe(tag) + " is not " + expected +
			": '" + text(tag) + "'");
	}
}
