package org.ctheatmap.io.dicom;

/**
 * Reads the bits of a JPEG-LS scan (ITU-T T.87 / ISO 14495-1 section 9.1),
 * most significant bit first. After each 0xFF byte the encoder inserts a 0
 * bit, so the next byte supplies only its 7 low bits. A 0xFF followed by a
 * byte with the high bit set starts a marker, where the scan ends. Past the
 * end the reader supplies zero bits and counts them in {@link #syntheticBits()}.
 */
final class JpegLsBitReader {

	private final byte[] data;
	private int position;
	private long buffer;
	private int bitCount;
	private boolean afterFf;
	private boolean atMarker;
	private int paddingInBuffer;
	private long syntheticBits;

	/**
	 * @param data the whole codestream; not modified
	 * @param start index of the first byte of the scan data
	 */
	JpegLsBitReader(byte[] data, int start) {
		this.data = data;
		this.position = start;
	}

	/** Returns the number of zero bits consumed past the end of the scan data. */
	long syntheticBits() {
		return syntheticBits;
	}

	/** Reads {@code n} bits (0 to 24) as an unsigned number. */
	int bits(int n) {
		if (n == 0) return 0;
		if (bitCount < n) fill();
		int value = (int) (buffer >>> (bitCount - n)) & ((1 << n) - 1);
		consume(n);
		return value;
	}

	/** Reads one bit. */
	boolean bit() {
		return bits(1) != 0;
	}

	/**
	 * Counts 0 bits up to the next 1 bit, which is consumed too, and returns
	 * the count; stops at {@code max} zeros, returning {@code max + 1}.
	 */
	int zerosBeforeOne(int max) {
		for (int count = 0; count <= max; count++) {
			if (bit()) return count;
		}
		return max + 1;
	}

	private void consume(int n) {
		bitCount -= n;
		if (bitCount < paddingInBuffer) {
			syntheticBits += paddingInBuffer - bitCount;
			paddingInBuffer = bitCount;
		}
	}

	private void fill() {
		while (bitCount <= 48) {
			if (!atMarker && position < data.length) {
				int b = data[position] & 0xFF;
				if (b == 0xFF && position + 1 < data.length && (data[position + 1] & 0xFF) >= 0x80) {
					atMarker = true;
				} else {
					position++;
					int width = afterFf ? 7 : 8;
					buffer = buffer << width | b;
					bitCount += width;
					afterFf = b == 0xFF;
					continue;
				}
			}
			buffer <<= 8;
			bitCount += 8;
			paddingInBuffer += 8;
		}
	}
}
