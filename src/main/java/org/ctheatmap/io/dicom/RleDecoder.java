package org.ctheatmap.io.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes one frame of DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header
 * with the segment count and offsets, then one PackBits segment per byte
 * plane, most significant byte first. Output never exceeds Rows x Columns
 * samples, whatever the segments claim.
 */
final class RleDecoder {

	private static final int HEADER_BYTES = 64;
	private static final int MAX_SEGMENTS = 15;

	private RleDecoder() {}

	/**
	 * Decodes a frame of greyscale samples.
	 *
	 * @param data the frame's fragment bytes; not modified
	 * @param bytesPerSample 1 or 2, the number of segments expected
	 * @return unsigned sample words, row-major
	 * @throws CodecException if the header or a segment is corrupt or a
	 *           segment decodes to fewer than {@code rows * columns} bytes
	 */
	static int[] decode(byte[] data, int rows, int columns, int bytesPerSample)
		throws CodecException
	{
		if (data.length < HEADER_BYTES) {
			throw new CodecException("RLE frame of " + data.length + " bytes is shorter than its" +
				" " + HEADER_BYTES + "-byte header");
		}
		ByteBuffer header = ByteBuffer.wrap(data, 0, HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
		long segments = header.getInt(0) & 0xFFFFFFFFL;
		if (segments != bytesPerSample) {
			throw new CodecException("RLE header declares " + segments + " segments but " +
				bytesPerSample + " are expected for " + 8 * bytesPerSample + "-bit greyscale" +
				(segments > MAX_SEGMENTS ? " (at most " + MAX_SEGMENTS + " are allowed)" : ""));
		}
		int count = rows * columns;
		int[] words = new int[count];
		byte[] plane = new byte[count];
		for (int s = 0; s < bytesPerSample; s++) {
			long start = header.getInt(4 + 4 * s) & 0xFFFFFFFFL;
			long end = s + 1 < bytesPerSample ? header.getInt(8 + 4 * s) & 0xFFFFFFFFL
				: data.length;
			if (start < HEADER_BYTES || start > end || end > data.length) {
				throw new CodecException("RLE segment " + (s + 1) + " has invalid offsets " +
					start + " to " + end + " in a frame of " + data.length + " bytes");
			}
			unpackBits(data, (int) start, (int) end, plane, s + 1);
			int shift = 8 * (bytesPerSample - 1 - s);
			for (int i = 0; i < count; i++) {
				words[i] |= (plane[i] & 0xFF) << shift;
			}
		}
		return words;
	}

	/**
	 * Decodes one PackBits segment into {@code target}, stopping when it is
	 * full; later bytes of the segment (padding) are ignored.
	 */
	private static void unpackBits(byte[] data, int start, int end, byte[] target, int segment)
		throws CodecException
	{
		int in = start;
		int out = 0;
		while (out < target.length && in < end) {
			int header = data[in++];
			if (header >= 0) {
				int literal = header + 1;
				if (in + literal > end || out + literal > target.length) {
					throw overrun(segment, out, target.length);
				}
				System.arraycopy(data, in, target, out, literal);
				in += literal;
				out += literal;
			} else if (header != -128) {
				int repeat = 1 - header;
				if (in >= end || out + repeat > target.length) {
					throw overrun(segment, out, target.length);
				}
				byte value = data[in++];
				for (int i = 0; i < repeat; i++) {
					target[out++] = value;
				}
			}
		}
		if (out < target.length) {
			throw new CodecException("RLE segment " + segment + " decodes to " + out +
				" bytes but Rows x Columns needs " + target.length);
		}
	}

	private static CodecException overrun(int segment, int decoded, int expected) {
		return new CodecException("RLE segment " + segment + " is corrupt: a run after byte " +
			decoded + " goes past the end of the segment or past the " + expected + " bytes of" +
			" the plane");
	}
}
