package org.ctheatmap.io.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes one greyscale frame as DICOM RLE Lossless (PS3.5 Annex G): one
 * PackBits segment per byte plane, most significant first, each padded to an
 * even length, after a 64-byte header of segment offsets. Rows are encoded
 * separately, so no run crosses a row, as Annex G.3.1 requires.
 */
final class RleEncoder {

	private static final int HEADER_BYTES = 64;
	private static final int MAX_RUN = 128;

	private RleEncoder() {}

	/**
	 * Encodes stored values.
	 *
	 * @param samples short[] (16-bit) or byte[] (8-bit) stored values, row-major
	 * @return the frame's fragment bytes, of even length
	 */
	static byte[] encode(Object samples, int width, int height) {
		boolean words = samples instanceof short[];
		int planes = words ? 2 : 1;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[HEADER_BYTES], 0, HEADER_BYTES);
		ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(planes);
		byte[] row = new byte[width];
		for (int plane = 0; plane < planes; plane++) {
			header.putInt(out.size());
			int shift = 8 * (planes - 1 - plane);
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					int index = y * width + x;
					int value = words ? ((short[]) samples)[index] : ((byte[]) samples)[index];
					row[x] = (byte) (value >> shift);
				}
				packBits(row, out);
			}
			if (out.size() % 2 != 0) out.write(0);
		}
		byte[] result = out.toByteArray();
		System.arraycopy(header.array(), 0, result, 0, HEADER_BYTES);
		return result;
	}

	/** Appends PackBits runs: -(n - 1) and a byte for n repeats, n - 1 and n bytes for literals. */
	private static void packBits(byte[] row, ByteArrayOutputStream out) {
		int i = 0;
		while (i < row.length) {
			int run = 1;
			while (i + run < row.length && run < MAX_RUN && row[i + run] == row[i]) {
				run++;
			}
			if (run >= 2) {
				out.write(1 - run);
				out.write(row[i]);
				i += run;
				continue;
			}
			int start = i;
			while (i < row.length && i - start < MAX_RUN && (i + 1 >= row.length ||
				row[i + 1] != row[i]))
			{
				i++;
			}
			if (i == start) i++;
			out.write(i - start - 1);
			out.write(row, start, i - start);
		}
	}
}
