package org.ctheatmap.io.dicom;

import java.io.ByteArrayOutputStream;

/**
 * A minimal single-component lossless JPEG encoder (ISO 10918-1 process 14)
 * for tests: any predictor, optional restart interval, and one Huffman table
 * that gives every difference category 0 to 16 a 5-bit code.
 */
final class JpegLosslessTestEncoder {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private long bitBuffer;
	private int bitCount;

	private JpegLosslessTestEncoder() {}

	/**
	 * Encodes unsigned samples of {@code precision} bits.
	 *
	 * @param restartInterval samples between restart markers (a multiple of
	 *          the width), 0 for none
	 */
	static byte[] encode(int[] samples, int width, int height, int precision, int predictor,
		int restartInterval)
	{
		JpegLosslessTestEncoder encoder = new JpegLosslessTestEncoder();
		encoder.write(samples, width, height, precision, predictor, restartInterval);
		return encoder.out.toByteArray();
	}

	private void write(int[] samples, int width, int height, int precision, int predictor,
		int restartInterval)
	{
		marker(0xD8);
		// DHT: table class 0, id 0; 17 codes of length 5 for categories 0..16.
		marker(0xC4);
		u16(2 + 1 + 16 + 17);
		out.write(0x00);
		for (int length = 1; length <= 16; length++) {
			out.write(length == 5 ? 17 : 0);
		}
		for (int category = 0; category <= 16; category++) {
			out.write(category);
		}
		if (restartInterval > 0) {
			marker(0xDD);
			u16(4);
			u16(restartInterval);
		}
		marker(0xC3);
		u16(11);
		out.write(precision);
		u16(height);
		u16(width);
		out.write(1);
		out.write(1);
		out.write(0x11);
		out.write(0);
		marker(0xDA);
		u16(8);
		out.write(1);
		out.write(1);
		out.write(0x00);
		out.write(predictor);
		out.write(0);
		out.write(0);
		int initial = 1 << (precision - 1);
		int restarts = 0;
		boolean firstRow = true;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int index = y * width + x;
				if (restartInterval > 0 && index > 0 && index % restartInterval == 0) {
					flushBits();
					marker(0xD0 + (restarts++ & 7));
					firstRow = true;
				}
				int prediction;
				if (firstRow) {
					prediction = x == 0 ? initial : samples[index - 1];
				} else if (x == 0) {
					prediction = samples[index - width];
				} else {
					prediction = JpegLosslessScan.predict(predictor, samples[index - 1],
						samples[index - width], samples[index - width - 1]);
				}
				writeDifference((samples[index] - prediction) & 0xFFFF);
			}
			firstRow = false;
		}
		flushBits();
		marker(0xD9);
	}

	/** Writes a difference given modulo 2^16, in the smallest category that contains it. */
	private void writeDifference(int modular) {
		int difference = modular >= 32768 ? modular - 65536 : modular;
		if (modular == 32768) {
			bits(16, 5);
			return;
		}
		int magnitude = Math.abs(difference);
		int category = magnitude == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(magnitude);
		bits(category, 5);
		if (category > 0) {
			int extra = difference >= 0 ? difference : difference + (1 << category) - 1;
			bits(extra, category);
		}
	}

	private void bits(int value, int count) {
		bitBuffer = bitBuffer << count | (value & ((1L << count) - 1));
		bitCount += count;
		while (bitCount >= 8) {
			int b = (int) (bitBuffer >>> (bitCount - 8)) & 0xFF;
			out.write(b);
			if (b == 0xFF) out.write(0);
			bitCount -= 8;
		}
	}

	/** Pads the last byte with 1 bits, as ISO 10918-1 F.1.2.3 requires. */
	private void flushBits() {
		if (bitCount > 0) bits(0x7F, 8 - bitCount);
		bitBuffer = 0;
	}

	private void marker(int code) {
		out.write(0xFF);
		out.write(code);
	}

	private void u16(int value) {
		out.write(value >> 8);
		out.write(value);
	}
}
