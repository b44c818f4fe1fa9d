package org.ctheatmap.io.dicom;

/**
 * Reads the entropy-coded segment of a JPEG scan bit by bit, most significant
 * bit first (ISO 10918-1 F.2.2.5), removing the zero byte stuffed after each
 * 0xFF. At a marker it stops and supplies zero bits, as decoders do for
 * padding. {@link #syntheticBits()} counts how many of those were consumed,
 * so a truncated scan can be detected.
 */
final class JpegBitReader {

	private final byte[] data;
	private int position;
	private long buffer;
	private int bitCount;
	/** Set when the next bytes are a marker, which is not consumed. */
	private boolean atMarker;
	/** Bits appended after the end of the segment. */
	private int paddingInBuffer;
	private long syntheticBits;

	/**
	 * @param data the whole codestream; not modified
	 * @param start index of the first entropy-coded byte
	 */
	JpegBitReader(byte[] data, int start) {
		this.data = data;
		this.position = start;
	}

	/** Returns the index of the next unread byte, the start of a marker once the scan is read. */
	int position() {
		return position;
	}

	/** Returns the number of zero bits consumed past the end of the segment. */
	long syntheticBits() {
		return syntheticBits;
	}

	/** Returns the next {@code n} bits (at most 25) without consuming them. */
	int peek(int n) {
		if (bitCount < n) fill();
		return (int) (buffer >>> (bitCount - n)) & ((1 << n) - 1);
	}

	/** Consumes {@code n} bits that were peeked. */
	void skip(int n) {
		bitCount -= n;
		if (bitCount < paddingInBuffer) {
			syntheticBits += paddingInBuffer - bitCount;
			paddingInBuffer = bitCount;
		}
	}

	/** Reads {@code n} bits (0 to 16) as an unsigned number. */
	int bits(int n) {
		if (n == 0) return 0;
		int value = peek(n);
		skip(n);
		return value;
	}

	/**
	 * Reads an {@code n}-bit magnitude and extends it to a signed difference
	 * (ISO 10918-1 F.2.2.1, procedure EXTEND).
	 */
	int extended(int n) {
		if (n == 0) return 0;
		int value = bits(n);
		return value < 1 << (n - 1) ? value - (1 << n) + 1 : value;
	}

	/**
	 * Drops the buffered bits and consumes the restart marker RSTm expected
	 * next; returns false when the next marker is another one.
	 */
	boolean restart(int expected) {
		buffer = 0;
		bitCount = 0;
		paddingInBuffer = 0;
		// Skip padding and 0xFF fill bytes up to the marker.
		while (position + 1 < data.length && !((data[position] & 0xFF) == 0xFF &&
			(data[position + 1] & 0xFF) != 0 && (data[position + 1] & 0xFF) != 0xFF))
		{
			position++;
		}
		atMarker = false;
		if (position + 1 >= data.length || (data[position + 1] & 0xFF) != 0xD0 + expected) {
			return false;
		}
		position += 2;
		return true;
	}

	private void fill() {
		while (bitCount <= 56) {
			int next = 0;
			boolean padding = true;
			if (!atMarker && position < data.length) {
				int b = data[position] & 0xFF;
				if (b != 0xFF) {
					position++;
					next = b;
					padding = false;
				} else if (position + 1 < data.length && data[position + 1] == 0) {
					position += 2;
					next = 0xFF;
					padding = false;
				} else {
					atMarker = true;
				}
			}
			buffer = buffer << 8 | next;
			bitCount += 8;
			if (padding) {
				paddingInBuffer += 8;
			}
		}
	}
}
