package org.ctheatmap.io.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The undecoded bytes of one kept element, with the VR and byte order they were read in. */
final class RawValue {

	private final int tag;
	private final String vr;
	private final byte[] bytes;
	private final ByteOrder order;

	RawValue(int tag, String vr, byte[] bytes, ByteOrder order) {
		this.tag = tag;
		// UN and other VRs that a writer chose for a known tag are read with the dictionary VR.
		this.vr = isBinaryOrText(vr) ? vr : DicomTag.dictionaryVr(tag);
		this.bytes = bytes;
		this.order = order;
	}

	/** Returns the value as ISO-8859-1 text; used for UIDs and code strings. */
	String text() {
		return text(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Decodes every kept value to text: numbers of binary VRs as decimal
	 * strings joined with '\', strings in the file's Specific Character Set
	 * (UTF-8 for "ISO_IR 192", otherwise ISO-8859-1) without trailing padding.
	 */
	static Map<Integer, String> decodeAll(Map<Integer, RawValue> keptValues) {
		RawValue charsetValue = keptValues.get(DicomTag.SPECIFIC_CHARACTER_SET);
		Charset charset = charsetValue != null && charsetValue.text().contains("ISO_IR 192")
			? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
		Map<Integer, String> result = new HashMap<>();
		for (RawValue value : keptValues.values()) {
			result.put(value.tag, value.text(charset));
		}
		// Pixel Padding Value is US or SS depending on Pixel Representation (PS3.3 C.7.5.1.1.2).
		RawValue padding = keptValues.get(DicomTag.PIXEL_PADDING_VALUE);
		if (padding != null && "US".equals(padding.vr) && "1".equals(result.get(
			DicomTag.PIXEL_REPRESENTATION)))
		{
			result.put(padding.tag, new RawValue(padding.tag, "SS", padding.bytes, padding.order)
				.text(charset));
		}
		return result;
	}

	private String text(Charset charset) {
		switch (vr) {
			case "US":
			case "SS":
				return numbers(2);
			case "UL":
			case "SL":
				return numbers(4);
			default:
				return trimPadding(new String(bytes, charset));
		}
	}

	private String numbers(int size) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i + size <= bytes.length; i += size) {
			if (i > 0) text.append('\\');
			long value;
			if (size == 2) {
				value = "SS".equals(vr) ? buffer.getShort(i) : buffer.getShort(i) & 0xFFFF;
			} else {
				value = "SL".equals(vr) ? buffer.getInt(i) : buffer.getInt(i) & 0xFFFFFFFFL;
			}
			text.append(value);
		}
		return text.toString();
	}

	private static String trimPadding(String text) {
		int end = text.length();
		while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
			end--;
		}
		int begin = 0;
		while (begin < end && text.charAt(begin) == ' ') {
			begin++;
		}
		return text.substring(begin, end);
	}

	private static boolean isBinaryOrText(String vr) {
		return vr != null && !"UN".equals(vr) && !vr.startsWith("O") && !"SQ".equals(vr);
	}
}
