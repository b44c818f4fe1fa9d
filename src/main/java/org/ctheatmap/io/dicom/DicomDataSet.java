package org.ctheatmap.io.dicom;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A DICOM data set under construction, for writing: elements are kept in
 * ascending tag order and encoded in any of the three uncompressed transfer
 * syntaxes. Sequences may be written with defined or undefined length.
 * Not thread-safe.
 */
final class DicomDataSet {

	private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

	/** Maximum length of a decimal string (DS) value, PS3.5 table 6.2-1. */
	static final int MAX_DS_CHARS = 16;

	private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ",
		"SV", "UC", "UN", "UR", "UT", "UV");

	/** Elements by tag read as an unsigned number, so group FFFE would sort last. */
	private final Map<Long, Element> elements = new TreeMap<>();

	private static final class Element {

		final int tag;
		final String vr;
		final Object value;
		final boolean undefinedLength;

		Element(int tag, String vr, Object value, boolean undefinedLength) {
			this.tag = tag;
			this.vr = vr;
			this.value = value;
			this.undefinedLength = undefinedLength;
		}
	}

	/** Adds a text element; UI values are padded with NUL, others with a space. */
	DicomDataSet text(int tag, String vr, String value) {
		return put(new Element(tag, vr, value, false));
	}

	/** Adds a DS element from numbers, each written in at most 16 characters. */
	DicomDataSet decimals(int tag, double... values) {
		StringBuilder text = new StringBuilder();
		for (double value : values) {
			if (text.length() > 0) text.append('\\');
			text.append(formatDecimal(value));
		}
		return text(tag, "DS", text.toString());
	}

	/** Adds a US element with one or more values. */
	DicomDataSet unsignedShort(int tag, int... values) {
		return put(new Element(tag, "US", values.clone(), false));
	}

	/** Adds an OB or OW element; OW words are given as shorts and written in the syntax order. */
	DicomDataSet binary(int tag, String vr, Object bytesOrShorts) {
		return put(new Element(tag, vr, bytesOrShorts, false));
	}

	/** Adds a sequence of items, with defined or undefined length for it and its items. */
	DicomDataSet sequence(int tag, List<DicomDataSet> items, boolean undefinedLength) {
		return put(new Element(tag, "SQ", new ArrayList<>(items), undefinedLength));
	}

	private DicomDataSet put(Element element) {
		elements.put(element.tag & 0xFFFFFFFFL, element);
		return this;
	}

	/** Encodes all elements in tag order. */
	byte[] encode(DicomTransferSyntax syntax) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteOrder order = syntax.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		for (Element element : elements.values()) {
			byte[] value = value(element, syntax, order);
			long length = element.undefinedLength ? UNDEFINED_LENGTH : value.length;
			writeHeader(out, element.tag, element.vr, length, syntax.explicitVr(), order);
			out.write(value, 0, value.length);
			if (element.undefinedLength) {
				writeHeader(out, DicomTag.SEQUENCE_DELIMITATION, null, 0, false, order);
			}
		}
		return out.toByteArray();
	}

	@SuppressWarnings("unchecked")
	private static byte[] value(Element element, DicomTransferSyntax syntax, ByteOrder order) {
		if (element.value instanceof String) {
			return padded(((String) element.value).getBytes(StandardCharsets.ISO_8859_1), "UI"
				.equals(element.vr) ? 0 : ' ');
		}
		if (element.value instanceof int[]) {
			int[] values = (int[]) element.value;
			ByteBuffer buffer = ByteBuffer.allocate(2 * values.length).order(order);
			for (int v : values) {
				buffer.putShort((short) v);
			}
			return buffer.array();
		}
		if (element.value instanceof short[]) {
			short[] words = (short[]) element.value;
			ByteBuffer buffer = ByteBuffer.allocate(2 * words.length).order(order);
			buffer.asShortBuffer().put(words);
			return buffer.array();
		}
		if (element.value instanceof byte[]) {
			return padded((byte[]) element.value, 0);
		}
		return items((List<DicomDataSet>) element.value, element.undefinedLength, syntax, order);
	}

	private static byte[] items(List<DicomDataSet> items, boolean undefinedLength,
		DicomTransferSyntax syntax, ByteOrder order)
	{
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (DicomDataSet item : items) {
			byte[] encoded = item.encode(syntax);
			writeHeader(out, DicomTag.ITEM, null, undefinedLength ? UNDEFINED_LENGTH
				: encoded.length, false, order);
			out.write(encoded, 0, encoded.length);
			if (undefinedLength) {
				writeHeader(out, DicomTag.ITEM_DELIMITATION, null, 0, false, order);
			}
		}
		return out.toByteArray();
	}

	private static void writeHeader(ByteArrayOutputStream out, int tag, String vr, long length,
		boolean explicitVr, ByteOrder order)
	{
		ByteBuffer buffer = ByteBuffer.allocate(12).order(order);
		buffer.putShort((short) (tag >>> 16)).putShort((short) tag);
		if (explicitVr && vr != null) {
			buffer.put((byte) vr.charAt(0)).put((byte) vr.charAt(1));
			if (LONG_VRS.contains(vr)) {
				buffer.putShort((short) 0).putInt((int) length);
			} else {
				buffer.putShort((short) length);
			}
		} else {
			buffer.putInt((int) length);
		}
		out.write(buffer.array(), 0, buffer.position());
	}

	private static byte[] padded(byte[] value, int pad) {
		if (value.length % 2 == 0) return value;
		byte[] result = new byte[value.length + 1];
		System.arraycopy(value, 0, result, 0, value.length);
		result[value.length] = (byte) pad;
		return result;
	}

	/**
	 * Formats a number as a DS value of at most 16 characters with as many
	 * significant digits as fit, e.g. "777.345191756896", "0.451171875" or
	 * "1E-20".
	 */
	static String formatDecimal(double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("DS values must be finite, got " + value);
		}
		BigDecimal exact = new BigDecimal(value);
		for (int digits = MAX_DS_CHARS; digits > 0; digits--) {
			BigDecimal rounded = exact.round(new MathContext(digits)).stripTrailingZeros();
			String plain = rounded.toPlainString();
			if (plain.length() <= MAX_DS_CHARS) return plain;
			String scientific = rounded.toString();
			if (scientific.length() <= MAX_DS_CHARS) return scientific;
		}
		throw new IllegalArgumentException("Cannot write " + value + " in " + MAX_DS_CHARS +
			" characters");
	}
}
