package org.ctheatmap.io.nrrd;

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
 * The text header of a NRRD file: the magic "NRRD0001" to "NRRD0005", then
 * one "field: value" per line, "key:=value" pairs and "#" comments, ended by
 * a blank line (attached data follow it) or by the end of a detached header.
 * Field names are stored in lower case; the values are trimmed.
 */
final class NrrdHeader {

	/** Maximum header length in bytes. Real headers have a few kB, so only broken files reach it. */
	static final int MAX_HEADER_BYTES = 1 << 22;

	/** Newest format version this reader reads, from magic "NRRD0005". */
	static final int MAX_VERSION = 5;

	final int version;
	/** Field values by lower-case field name, in file order. */
	final Map<String, String> fields;
	/** File names listed after "data file: LIST", in order; empty otherwise. */
	final List<String> dataFileList;
	/** Byte offset after the blank line that ends the header, or the file length. */
	final long dataStart;
	/** True when a blank line ended the header, so attached data may follow. */
	final boolean endsWithBlankLine;

	private NrrdHeader(int version, Map<String, String> fields, List<String> dataFileList,
		long dataStart, boolean endsWithBlankLine)
	{
		this.version = version;
		this.fields = Collections.unmodifiableMap(fields);
		this.dataFileList = Collections.unmodifiableList(dataFileList);
		this.dataStart = dataStart;
		this.endsWithBlankLine = endsWithBlankLine;
	}

	/**
	 * Reads the header at the start of a file.
	 *
	 * @throws InvalidInputException if the magic is missing or of an unknown
	 *           version, a line is neither a field, a key/value pair nor a
	 *           comment, a field appears twice, or no blank line ends the header
	 *           within {@link #MAX_HEADER_BYTES} bytes
	 */
	static NrrdHeader read(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		long position = 0;
		boolean blank = false;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) >= 0) {
				position++;
				if (position > MAX_HEADER_BYTES) {
					throw new InvalidInputException(file, "no blank line ends the NRRD header within" +
						" the first " + MAX_HEADER_BYTES + " bytes");
				}
				if (b != '\n') {
					line.write(b);
					continue;
				}
				String text = text(line);
				line.reset();
				if (text.isEmpty() && !lines.isEmpty()) {
					blank = true;
					break;
				}
				lines.add(text);
			}
			if (!blank && line.size() > 0) lines.add(text(line));
		}
		if (lines.isEmpty()) throw new InvalidInputException(file, "empty file, not NRRD");
		int version = version(file, lines.get(0));
		Map<String, String> fields = new LinkedHashMap<>();
		List<String> list = new ArrayList<>();
		for (int n = 1; n < lines.size(); n++) {
			String text = lines.get(n);
			if (!list.isEmpty() || isListStart(fields)) {
				if (!text.trim().isEmpty()) list.add(text.trim());
				continue;
			}
			if (text.startsWith("#") || text.trim().isEmpty() || text.contains(":=")) continue;
			int colon = text.indexOf(": ");
			if (colon < 0 && text.endsWith(":")) colon = text.length() - 1;
			if (colon <= 0) {
				throw new InvalidInputException(file, "invalid NRRD header line " + (n + 1) +
					": expected 'field: value', got '" + shorten(text) + "'");
			}
			String name = canonical(text.substring(0, colon).trim().toLowerCase(Locale.ROOT));
			if (fields.containsKey(name)) {
				throw new InvalidInputException(file, "the NRRD field '" + name +
					"' appears twice (line " + (n + 1) + ")");
			}
			fields.put(name, text.substring(colon + 1).trim());
		}
		return new NrrdHeader(version, fields, list, position, blank);
	}

	/** Returns a field's value, or null when the header lacks it. */
	String get(String name) {
		return fields.get(name);
	}

	/** Returns true when the header gives the field. */
	boolean has(String name) {
		return fields.containsKey(name);
	}

	private static boolean isListStart(Map<String, String> fields) {
		String dataFile = fields.get("data file");
		return dataFile != null && dataFile.toUpperCase(Locale.ROOT).startsWith("LIST");
	}

	private static int version(Path file, String magic) throws InvalidInputException {
		if (!magic.startsWith("NRRD")) {
			throw new InvalidInputException(file, "not a NRRD file: it does not start with" +
				" 'NRRD000', the NRRD magic");
		}
		String number = magic.substring(4).trim();
		if (number.equals("00.01")) return 1;
		if (number.matches("000[1-9]")) {
			int version = Integer.parseInt(number.substring(3));
			if (version <= MAX_VERSION) return version;
		}
		throw new InvalidInputException(file, "unsupported NRRD version '" + shorten(magic) +
			"'; this reader knows NRRD0001 to NRRD000" + MAX_VERSION);
	}

	/** Maps the spellings without spaces that some writers use to the standard field names. */
	private static String canonical(String name) {
		switch (name) {
			case "datafile":
				return "data file";
			case "lineskip":
				return "line skip";
			case "byteskip":
				return "byte skip";
			case "centerings":
				return "centers";
			default:
				return name;
		}
	}

	private static String text(ByteArrayOutputStream line) {
		String text = new String(line.toByteArray(), StandardCharsets.ISO_8859_1);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

	/** Returns at most 60 characters of a line for a message, without control characters. */
	static String shorten(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
	}
}
