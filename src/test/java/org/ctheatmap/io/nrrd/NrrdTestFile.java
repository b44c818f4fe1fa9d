package org.ctheatmap.io.nrrd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes NRRD files from header lines and data bytes, for reader tests,
 * without any code of the reader. Defaults: NRRD0004, a 3 x 2 x 2 grid of
 * little-endian shorts with values 0 to 11, raw, LPS with 0.5, 0.75 and 2 mm
 * steps and origin (10, -20, 30).
 */
final class NrrdTestFile {

	String magic = "NRRD0004";
	final Map<String, String> fields = new LinkedHashMap<>();
	/** Lines added after the fields, e.g. "key:=value" pairs or comments. */
	String extraLines = "";
	byte[] data;

	NrrdTestFile() {
		fields.put("type", "short");
		fields.put("dimension", "3");
		fields.put("space", "left-posterior-superior");
		fields.put("sizes", "3 2 2");
		fields.put("space directions", "(0.5,0,0) (0,0.75,0) (0,0,2)");
		fields.put("kinds", "domain domain domain");
		fields.put("endian", "little");
		fields.put("encoding", "raw");
		fields.put("space origin", "(10,-20,30)");
		data = shorts(ByteOrder.LITTLE_ENDIAN, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
	}

	NrrdTestFile set(String field, String value) {
		fields.put(field, value);
		return this;
	}

	NrrdTestFile remove(String field) {
		fields.remove(field);
		return this;
	}

	/** Returns the header text, ending with the blank line. */
	String header() {
		StringBuilder text = new StringBuilder(magic).append('\n');
		text.append("# written by NrrdTestFile\n");
		fields.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
		text.append(extraLines);
		return text.append('\n').toString();
	}

	/** Writes header and data to one file, the data gzipped when the encoding is gzip. */
	Path writeAttached(Path file) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(header().getBytes(StandardCharsets.ISO_8859_1));
		out.write(encodedData());
		Files.write(file, out.toByteArray());
		return file;
	}

	/** Writes the header with a "data file" field and the data to a second file. */
	Path writeDetached(Path header, String dataName, byte[] prefix) throws IOException {
		fields.put("data file", dataName);
		Files.write(header, header().getBytes(StandardCharsets.ISO_8859_1));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(prefix);
		out.write(encodedData());
		Files.write(header.resolveSibling(dataName), out.toByteArray());
		return header;
	}

	byte[] encodedData() throws IOException {
		String encoding = fields.getOrDefault("encoding", "raw");
		if (!encoding.equals("gzip") && !encoding.equals("gz")) return data;
		return gzip(data);
	}

	static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStream zip = new GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		return out.toByteArray();
	}

	static byte[] shorts(ByteOrder order, int... values) {
		ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(order);
		for (int v : values) {
			b.putShort((short) v);
		}
		return b.array();
	}
}
