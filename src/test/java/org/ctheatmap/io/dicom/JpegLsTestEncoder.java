package org.ctheatmap.io.dicom;

import java.io.ByteArrayOutputStream;

/**
 * A single-component JPEG-LS encoder (ITU-T T.87 Annex A, encoder side) for
 * tests: default parameters, any NEAR, no restart markers. It mirrors the
 * standard's encoding procedures, so streams it writes exercise regular mode,
 * run mode, run interruption and escape codes of the decoder.
 */
final class JpegLsTestEncoder {

	private static final int[] J = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6,
		6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final JpegLsParameters parameters;
	private final int near;
	private final int range;
	private final int qbpp;
	private final int limit;
	private final int[] a = new int[367];
	private final int[] b = new int[367];
	private final int[] c = new int[367];
	private final int[] n = new int[367];
	private final int[] nn = new int[367];
	private int runIndex;
	private long bitBuffer;
	private int bitCount;
	/** The last data byte written; the header ends with a 0. */
	private int lastByte;

	private JpegLsTestEncoder(JpegLsParameters parameters) {
		this.parameters = parameters;
		near = parameters.near;
		range = (parameters.maxVal + 2 * near) / (2 * near + 1) + 1;
		qbpp = JpegLsScan.ceilLog2(range);
		int bpp = Math.max(2, JpegLsScan.ceilLog2(parameters.maxVal + 1));
		limit = 2 * (bpp + Math.max(8, bpp));
		for (int q = 0; q < 367; q++) {
			a[q] = Math.max(2, (range + 32) / 64);
			n[q] = 1;
		}
	}

	/** Encodes samples of {@code precision} bits with the given NEAR (0 for lossless). */
	static byte[] encode(int[] samples, int width, int height, int precision, int near)
		throws CodecException
	{
		JpegLsTestEncoder encoder = new JpegLsTestEncoder(JpegLsParameters.of(precision, null,
			near));
		encoder.header(width, height, precision, near);
		encoder.scan(samples.clone(), width, height);
		encoder.flush();
		encoder.out.write(0xFF);
		encoder.out.write(0xD9);
		return encoder.out.toByteArray();
	}

	private void header(int width, int height, int precision, int near) {
		int[] bytes = { 0xFF, 0xD8, 0xFF, 0xF7, 0, 11, precision, height >> 8, height & 0xFF,
			width >> 8, width & 0xFF, 1, 1, 0x11, 0, 0xFF, 0xDA, 0, 8, 1, 1, 0, near, 0, 0 };
		for (int value : bytes) {
			out.write(value);
		}
	}

	/** Encodes every line; {@code samples} is replaced by the reconstructed values. */
	private void scan(int[] samples, int width, int height) {
		int[] previous = new int[width + 2];
		int[] current = new int[width + 2];
		for (int y = 0; y < height; y++) {
			previous[width + 1] = previous[width];
			current[0] = previous[1];
			int x = 1;
			while (x <= width) {
				int ra = current[x - 1];
				int rb = previous[x];
				int rc = previous[x - 1];
				int rd = previous[x + 1];
				if (Math.abs(rd - rb) <= near && Math.abs(rb - rc) <= near && Math.abs(rc - ra) <=
					near)
				{
					x = run(samples, y * width, previous, current, x, width);
				} else {
					current[x] = regular(samples[y * width + x - 1], ra, rb, rc, rd);
					x++;
				}
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
	}

	private int regular(int value, int ra, int rb, int rc, int rd) {
		int q1 = quantise(rd - rb);
		int q2 = quantise(rb - rc);
		int q3 = quantise(rc - ra);
		int sign = 1;
		if (q1 < 0 || q1 == 0 && (q2 < 0 || q2 == 0 && q3 < 0)) {
			sign = -1;
			q1 = -q1;
			q2 = -q2;
			q3 = -q3;
		}
		int q = 81 * q1 + 9 * q2 + q3;

		int px = Math.max(Math.min(ra, rb), Math.min(Math.max(ra, rb), ra + rb - rc));
		px = Math.max(0, Math.min(parameters.maxVal, px + sign * c[q]));
		int error = quantiseError(sign * (value - px));
		int reconstructed = reconstruct(px + sign * error * (2 * near + 1));
		error = reduce(error);

		int k = 0;
		while (n[q] << k < a[q]) {
			k++;
		}
		int mapped;
		if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
			mapped = error >= 0 ? 2 * error + 1 : -2 * (error + 1);
		} else {
			mapped = error >= 0 ? 2 * error : -2 * error - 1;
		}
		golomb(mapped, k, limit);

		b[q] += error * (2 * near + 1);
		a[q] += Math.abs(error);
		if (n[q] == parameters.reset) {
			a[q] >>= 1;
			b[q] >>= 1;
			n[q] >>= 1;
		}
		n[q]++;
		if (b[q] <= -n[q]) {
			b[q] += n[q];
			if (c[q] > -128) c[q]--;
			if (b[q] <= -n[q]) b[q] = -n[q] + 1;
		} else if (b[q] > 0) {
			b[q] -= n[q];
			if (c[q] < 127) c[q]++;
			if (b[q] > 0) b[q] = 0;
		}
		return reconstructed;
	}

	private int run(int[] samples, int rowStart, int[] previous, int[] current, int x,
		int width)
	{
		int runValue = current[x - 1];
		int count = 0;
		while (x + count <= width && Math.abs(samples[rowStart + x + count - 1] - runValue) <=
			near)
		{
			current[x + count] = runValue;
			count++;
		}
		boolean endOfLine = x + count > width;
		int left = count;
		while (left >= 1 << J[runIndex]) {
			bits(1, 1);
			left -= 1 << J[runIndex];
			if (runIndex < 31) runIndex++;
		}
		if (endOfLine) {
			if (left > 0) bits(1, 1);
			return x + count;
		}
		bits(0, 1);
		bits(left, J[runIndex]);
		int position = x + count;
		current[position] = interruption(samples[rowStart + position - 1], current[position - 1],
			previous[position]);
		if (runIndex > 0) runIndex--;
		return position + 1;
	}

	private int interruption(int value, int ra, int rb) {
		int type = Math.abs(ra - rb) <= near ? 1 : 0;
		int q = 365 + type;
		int px = type == 1 ? ra : rb;
		int sign = type == 0 && ra > rb ? -1 : 1;
		int error = quantiseError(sign * (value - px));
		int reconstructed = reconstruct(px + sign * error * (2 * near + 1));
		error = reduce(error);
		int temp = type == 1 ? a[q] + (n[q] >> 1) : a[q];
		int k = 0;
		while (n[q] << k < temp) {
			k++;
		}
		int map = k == 0 && error > 0 && 2 * nn[q] < n[q] || error < 0 && 2 * nn[q] >= n[q] ||
			error < 0 && k != 0 ? 1 : 0;
		int mapped = 2 * Math.abs(error) - type - map;
		golomb(mapped, k, limit - J[runIndex] - 1);
		if (error < 0) nn[q]++;
		a[q] += (mapped + 1 - type) >> 1;
		if (n[q] == parameters.reset) {
			a[q] >>= 1;
			n[q] >>= 1;
			nn[q] >>= 1;
		}
		n[q]++;
		return reconstructed;
	}

	private int quantiseError(int error) {
		if (near == 0) return error;
		return error > 0 ? (near + error) / (2 * near + 1) : -(near - error) / (2 * near + 1);
	}

	/** Reduces an error modulo RANGE into -RANGE/2 .. RANGE/2 (T.87 A.4.5). */
	private int reduce(int error) {
		if (error < 0) error += range;
		if (error >= (range + 1) / 2) error -= range;
		return error;
	}

	private int reconstruct(int value) {
		int step = range * (2 * near + 1);
		if (value < -near) {
			value += step;
		} else if (value > parameters.maxVal + near) {
			value -= step;
		}
		return Math.max(0, Math.min(parameters.maxVal, value));
	}

	private int quantise(int d) {
		if (d <= -parameters.t3) return -4;
		if (d <= -parameters.t2) return -3;
		if (d <= -parameters.t1) return -2;
		if (d < -near) return -1;
		if (d <= near) return 0;
		if (d < parameters.t1) return 1;
		if (d < parameters.t2) return 2;
		if (d < parameters.t3) return 3;
		return 4;
	}

	private void golomb(int value, int k, int codeLimit) {
		int escape = codeLimit - qbpp - 1;
		int high = value >> k;
		if (high < escape) {
			bits(0, high);
			bits(1, 1);
			bits(value & ((1 << k) - 1), k);
		} else {
			bits(0, escape);
			bits(1, 1);
			bits(value - 1, qbpp);
		}
	}

	/** Appends bits; after a 0xFF byte the next byte carries a 0 bit and 7 data bits. */
	private void bits(int value, int count) {
		for (int i = count - 1; i >= 0; i--) {
			bitBuffer = bitBuffer << 1 | (value >> i & 1);
			bitCount++;
			int width = lastByte == 0xFF ? 7 : 8;
			if (bitCount == width) {
				out.write((int) bitBuffer);
				lastByte = (int) bitBuffer;
				bitBuffer = 0;
				bitCount = 0;
			}
		}
	}

	private void flush() {
		while (bitCount != 0) {
			bits(0, 1);
		}
	}
}
