package org.ctheatmap.io.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Edits the bytes of Explicit VR Little Endian DICOM files as written by
 * {@code DicomSeriesWriter}, to build damaged files: find an element, replace
 * its value, and insert sequences with undefined lengths in wrong nesting.
 */
final class DicomBytes {

	/** Item, item delimitation and sequence delimitation tags (group FFFE). */
	static final int ITEM = 0xFFFEE000;
	static final int ITEM_END = 0xFFFEE00D;
	static final int SEQUENCE_END = 0xFFFEE0DD;
	static final long UNDEFINED = 0xFFFFFFFFL;

	/** A sequence that this suite's reader skips: Referenced Image Sequence. */
	static final int SEQUENCE_TAG = 0x00081140;

	private DicomBytes() {}

	/** Returns the offset of the first element with the given tag after the 132-byte preamble. */
	static int find(byte[] file, int tag) {
		byte[] pattern = tagBytes(tag);
		for (int n = 132; n + 4 <= file.length; n++) {
			if (file[n] == pattern[0] && file[n + 1] == pattern[1] && file[n + 2] == pattern[2] &&
				file[n + 3] == pattern[3]) {
				return n;
			}
		}
		throw new IllegalArgumentException(String.format("No tag %08X in the file", tag));
	}

	/**
	 * Replaces the value of a short-form explicit VR element (2-byte length),
	 * such as US, DS or IS, keeping its VR.
	 */
	static byte[] replace(byte[] file, int tag, byte[] value) {
		int at = find(file, tag);
		int oldLength = ByteBuffer.wrap(file, at + 6, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() &
			0xffff;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(file, 0, at + 6);
		out.write(value.length & 0xff);
		out.write(value.length >> 8 & 0xff);
		out.write(value, 0, value.length);
		int rest = at + 8 + oldLength;
		out.write(file, rest, file.length - rest);
		return out.toByteArray();
	}

	/** Returns a DS or IS value padded to even length with a blank. */
	static byte[] text(String value) {
		String even = value.length() % 2 == 0 ? value : value + " ";
		return even.getBytes(StandardCharsets.US_ASCII);
	}

	/** Returns a US value. */
	static byte[] us(int value) {
		return new byte[] { (byte) value, (byte) (value >> 8) };
	}

	/** Inserts bytes before the Pixel Data element. */
	static byte[] insertBeforePixelData(byte[] file, byte[] inserted) {
		int at = find(file, 0x7FE00010);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(file, 0, at);
		out.write(inserted, 0, inserted.length);
		out.write(file, at, file.length - at);
		return out.toByteArray();
	}

	/** Returns the header of an SQ element with the given length (UNDEFINED allowed). */
	static byte[] sequence(int tag, long length) {
		ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
		b.put(tagBytes(tag)).put((byte) 'S').put((byte) 'Q').putShort((short) 0).putInt(
			(int) length);
		return b.array();
	}

	/** Returns an item, item delimiter or sequence delimiter tag with a 4-byte length. */
	static byte[] delimiter(int tag, long length) {
		ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		b.put(tagBytes(tag)).putInt((int) length);
		return b.array();
	}

	/** Returns an explicit VR US element. */
	static byte[] usElement(int tag, int value) {
		ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
		b.put(tagBytes(tag)).put((byte) 'U').put((byte) 'S').putShort((short) 2).putShort(
			(short) value);
		return b.array();
	}

	/** Concatenates byte arrays. */
	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.write(part, 0, part.length);
		}
		return out.toByteArray();
	}

	/** Returns a tag as stored in little-endian: group, then element. */
	private static byte[] tagBytes(int tag) {
		return new byte[] { (byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag,
			(byte) (tag >>> 8) };
	}
}
