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
 * ascending tag order and encoded in the byte order and VR style of a
 * transfer syntax. Sequences may be written with defined or undefined
 * length, and Pixel Data as encapsulated fragments. Not thread-safe.
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

	/** Adds a UL element with one value. */
	DicomDataSet unsignedLong(int tag, long value) {
		return put(new Element(tag, "UL", new long[] { value }, false));
	}

	/** Adds an OB or OW element; OW words are given as shorts and written in the syntax order. */
	DicomDataSet binary(int tag, String vr, Object bytesOrShorts) {
		return put(new Element(tag, vr, bytesOrShorts, false));
	}

	/**
	 * Adds encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item,
	 * empty or with one offset per fragment, then one item per fragment.
	 * Each fragment is one frame here.
	 */
	DicomDataSet fragments(int tag, List<byte[]> frames, boolean withOffsetTable) {
		return put(new Element(tag, "OB", new Fragments(frames, withOffsetTable), true));
	}

	/** The value of an encapsulated element. */
	private static final class Fragments {

		final List<byte[]> frames;
		final boolean withOffsetTable;

		Fragments(List<byte[]> frames, boolean withOffsetTable) {
			this.frames = new ArrayList<>(frames);
			this.withOffsetTable = withOffsetTable;
		}
	}

	/** Adds a sequence of items, with defined or undefined length for it and its items. */
	DicomDataSet sequence(int tag, List<DicomDataSet> items, boolean undefinedLength) {
		return put(new Element(tag, "SQ", new ArrayList<>(items), undefinedLength));
	}

	/** Removes an element if present. */
	DicomDataSet remove(int tag) {
		elements.remove(tag & 0xFFFFFFFFL);
		return this;
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
		if (element.value instanceof long[]) {
			ByteBuffer buffer = ByteBuffer.allocate(4).order(order);
			buffer.putInt((int) ((long[]) element.value)[0]);
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
		if (element.value instanceof Fragments) {
			return fragmentItems((Fragments) element.value, order);
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

	private static byte[] fragmentItems(Fragments fragments, ByteOrder order) {
		ByteBuffer table = ByteBuffer.allocate(fragments.withOffsetTable ? 4 * fragments.frames
			.size() : 0).order(ByteOrder.LITTLE_ENDIAN);
		ByteArrayOutputStream items = new ByteArrayOutputStream();
		for (byte[] frame : fragments.frames) {
			if (fragments.withOffsetTable) table.putInt(items.size());
			byte[] value = padded(frame, 0);
			writeHeader(items, DicomTag.ITEM, null, value.length, false, order);
			items.write(value, 0, value.length);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeHeader(out, DicomTag.ITEM, null, table.capacity(), false, order);
		out.write(table.array(), 0, table.capacity());
		byte[] encoded = items.toByteArray();
		out.write(encoded, 0, encoded.length);
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
