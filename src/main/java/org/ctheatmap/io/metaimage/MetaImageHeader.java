package org.ctheatmap.io.metaimage;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ctheatmap.io.InvalidInputException;

/**
 * The text header of a MetaImage file: "Key = Value" lines up to and
 * including ElementDataFile, which must come last. With "ElementDataFile =
 * LOCAL" the data follow that line in the same file; with "LIST" the
 * following lines name the data files. Keys are matched without regard to
 * case, and the keys this reader uses are stored in MetaIO's spelling.
 */
final class MetaImageHeader {

	/** Maximum header length in bytes, far above the few hundred bytes of real headers. */
	static final int MAX_HEADER_BYTES = 1 << 20;

	/** Keys this reader uses, in MetaIO's spelling. */
	private static final String[] KEYS = { "ObjectType", "NDims", "DimSize", "ElementType",
		"ElementSpacing", "ElementSize", "Offset", "Origin", "Position", "TransformMatrix",
		"Rotation", "Orientation", "AnatomicalOrientation", "CenterOfRotation",
		"ElementNumberOfChannels", "BinaryData", "BinaryDataByteOrderMSB",
		"ElementByteOrderMSB", "CompressedData", "CompressedDataSize", "HeaderSize",
		"ElementDataFile", "ElementToIntensityFunctionSlope",
		"ElementToIntensityFunctionOffset", "DistanceUnits", "Modality" };

	/** Fields by key, in file order. */
	final Map<String, String> fields;
	/** File names on the lines after "ElementDataFile = LIST". */
	final List<String> dataFileList;
	/** Byte offset after the ElementDataFile line. */
	final long dataStart;

	private MetaImageHeader(Map<String, String> fields, List<String> dataFileList,
		long dataStart)
	{
		this.fields = Collections.unmodifiableMap(fields);
		this.dataFileList = Collections.unmodifiableList(dataFileList);
		this.dataStart = dataStart;
	}

	/**
	 * Reads the header at the start of a file.
	 *
	 * @throws InvalidInputException if a line is not "Key = Value", a key
	 *           appears twice, or no ElementDataFile line comes within
	 *           {@link #MAX_HEADER_BYTES} bytes
	 */
	static MetaImageHeader read(Path file) throws IOException {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> lowerKeys = new LinkedHashMap<>();
		List<String> list = new ArrayList<>();
		long position = 0;
		int lineNumber = 0;
		boolean listing = false;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b = 0;
			while (b >= 0) {
				b = in.read();
				if (b >= 0) position++;
				if (position > MAX_HEADER_BYTES) {
					throw new InvalidInputException(file, "no ElementDataFile line ends the" +
						" MetaImage header within the first " + MAX_HEADER_BYTES + " bytes");
				}
				if (b >= 0 && b != '\n') {
					line.write(b);
					continue;
				}
				String text = new String(line.toByteArray(), StandardCharsets.ISO_8859_1).trim();
				line.reset();
				lineNumber++;
				if (listing) {
					if (!text.isEmpty()) list.add(text);
					continue;
				}
				if (text.isEmpty()) continue;
				String key = parse(file, text, lineNumber, fields, lowerKeys);
				if (key.equals("ElementDataFile")) {
					String value = fields.get(key);
					if (!value.toUpperCase(Locale.ROOT).startsWith("LIST")) {
						return new MetaImageHeader(fields, list, position);
					}
					listing = true;
				}
			}
		}
		if (!listing) {
			if (fields.isEmpty()) throw new InvalidInputException(file, "empty file, not MetaImage");
			throw new InvalidInputException(file, "the MetaImage header has no ElementDataFile" +
				" line, so the image data cannot be found");
		}
		return new MetaImageHeader(fields, list, position);
	}

	/** Returns a field's value, or null when the header lacks it. */
	String get(String key) {
		return fields.get(key);
	}

	/** Returns the first of the given synonymous keys that the header has, or null. */
	String first(String... keys) {
		for (String key : keys) {
			if (fields.containsKey(key)) return key;
		}
		return null;
	}

	/** Parses one "Key = Value" line into the maps and returns its key. */
	private static String parse(Path file, String text, int lineNumber,
		Map<String, String> fields, Map<String, String> lowerKeys) throws InvalidInputException
	{
		int equals = text.indexOf('=');
		if (equals <= 0) {
			throw new InvalidInputException(file, "invalid MetaImage header line " + lineNumber +
				": expected 'Key = Value', got '" + shorten(text) + "'");
		}
		String key = standardKey(text.substring(0, equals).trim());
		String lower = key.toLowerCase(Locale.ROOT);
		if (lowerKeys.containsKey(lower)) {
			throw new InvalidInputException(file, "the MetaImage key '" + key +
				"' appears twice (line " + lineNumber + ")");
		}
		lowerKeys.put(lower, key);
		fields.put(key, text.substring(equals + 1).trim());
		return key;
	}

	private static String standardKey(String key) {
		for (String known : KEYS) {
			if (known.equalsIgnoreCase(key)) return known;
		}
		return key;
	}

	/** Returns at most 60 characters of a value for a message, without control characters. */
	static String shorten(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
	}
}
