package org.ctheatmap.io.dicom;

/**
 * Decodes the scan of a single-component JPEG-LS frame (ITU-T T.87 / ISO
 * 14495-1, Annex A): context modelling with gradient quantisation, the
 * median edge detector, bias correction, limited-length Golomb codes and run
 * mode, lossless (NEAR 0) or near-lossless.
 */
final class JpegLsScan {

	private static final int REGULAR_CONTEXTS = 365;
	private static final int MIN_C = -128;
	private static final int MAX_C = 127;

	/** Run-length order of each RUNindex (T.87 A.7.1.1, array J). */
	private static final int[] J = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6,
		6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

	private final JpegLsBitReader bits;
	private final JpegLsParameters parameters;
	private final int near;
	private final int range;
	private final int qbpp;
	private final int limit;
	private final int[] a = new int[REGULAR_CONTEXTS + 2];
	private final int[] b = new int[REGULAR_CONTEXTS + 2];
	private final int[] c = new int[REGULAR_CONTEXTS + 2];
	private final int[] n = new int[REGULAR_CONTEXTS + 2];
	private final int[] nn = new int[REGULAR_CONTEXTS + 2];
	private int runIndex;

	private JpegLsScan(JpegLsBitReader bits, JpegLsParameters parameters) {
		this.bits = bits;
		this.parameters = parameters;
		this.near = parameters.near;
		int maxVal = parameters.maxVal;
		range = (maxVal + 2 * near) / (2 * near + 1) + 1;
		qbpp = ceilLog2(range);
		int bpp = Math.max(2, ceilLog2(maxVal + 1));
		limit = 2 * (bpp + Math.max(8, bpp));
		int initialA = Math.max(2, (range + 32) / 64);
		for (int q = 0; q < a.length; q++) {
			a[q] = initialA;
			n[q] = 1;
		}
	}

	/**
	 * Decodes all samples of a scan.
	 *
	 * @return samples of 0 to MAXVAL, row-major
	 * @throws CodecException if a Golomb code is longer than its limit
	 */
	static int[] decode(JpegLsBitReader bits, JpegLsParameters parameters, int width,
		int height) throws CodecException
	{
		return new JpegLsScan(bits, parameters).run(width, height);
	}

	private int[] run(int width, int height) throws CodecException {
		int[] samples = new int[width * height];
		// Lines with one sample of padding on each side: index x + 1 is column x.
		int[] previous = new int[width + 2];
		int[] current = new int[width + 2];
		for (int y = 0; y < height; y++) {
			previous[width + 1] = previous[width];
			current[0] = previous[1];
			decodeLine(previous, current, width);
			System.arraycopy(current, 1, samples, y * width, width);
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return samples;
	}

	private void decodeLine(int[] previous, int[] current, int width) throws CodecException {
		int x = 1;
		while (x <= width) {
			int ra = current[x - 1];
			int rb = previous[x];
			int rc = previous[x - 1];
			int rd = previous[x + 1];
			int d1 = rd - rb;
			int d2 = rb - rc;
			int d3 = rc - ra;
			if (Math.abs(d1) <= near && Math.abs(d2) <= near && Math.abs(d3) <= near) {
				x = decodeRun(previous, current, x, width);
			} else {
				current[x] = decodeRegular(ra, rb, rc, quantise(d1), quantise(d2), quantise(d3));
				x++;
			}
		}
	}

	/** Decodes one sample in regular mode (T.87 A.3 to A.6). */
	private int decodeRegular(int ra, int rb, int rc, int q1, int q2, int q3)
		throws CodecException
	{
		int sign = 1;
		if (q1 < 0 || q1 == 0 && (q2 < 0 || q2 == 0 && q3 < 0)) {
			sign = -1;
			q1 = -q1;
			q2 = -q2;
			q3 = -q3;
		}
		int q = 81 * q1 + 9 * q2 + q3;
		int prediction = medianEdge(ra, rb, rc) + sign * c[q];
		prediction = Math.max(0, Math.min(parameters.maxVal, prediction));
		int k = golombParameter(n[q], a[q]);
		int mapped = golomb(k, limit);
		int error;
		if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
			error = (mapped & 1) != 0 ? (mapped - 1) >> 1 : -(mapped >> 1) - 1;
		} else {
			error = (mapped & 1) == 0 ? mapped >> 1 : -((mapped + 1) >> 1);
		}
		updateRegular(q, error);
		return reconstruct(prediction + sign * error * (2 * near + 1));
	}

	private void updateRegular(int q, int error) {
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
			if (c[q] > MIN_C) c[q]--;
			if (b[q] <= -n[q]) b[q] = -n[q] + 1;
		} else if (b[q] > 0) {
			b[q] -= n[q];
			if (c[q] < MAX_C) c[q]++;
			if (b[q] > 0) b[q] = 0;
		}
	}

	/**
	 * Decodes a run of samples equal to the left neighbour (T.87 A.7). Unless
	 * the run reaches the end of the line, it also decodes the sample that
	 * interrupts it. Returns the next column index.
	 */
	private int decodeRun(int[] previous, int[] current, int x, int width)
		throws CodecException
	{
		int value = current[x - 1];
		while (bits.bit()) {
			int count = Math.min(1 << J[runIndex], width - x + 1);
			for (int i = 0; i < count; i++) {
				current[x++] = value;
			}
			if (count == 1 << J[runIndex] && runIndex < 31) runIndex++;
			if (x > width) return x;
		}
		int remainder = bits.bits(J[runIndex]);
		if (x + remainder > width + 1) {
			throw new CodecException("a JPEG-LS run of " + remainder + " samples passes the end" +
				" of a line");
		}
		for (int i = 0; i < remainder; i++) {
			current[x++] = value;
		}
		if (x > width) {
			throw new CodecException("a JPEG-LS run ends at the end of a line with an" +
				" interruption sample");
		}
		current[x] = decodeInterruption(current[x - 1], previous[x]);
		if (runIndex > 0) runIndex--;
		return x + 1;
	}

	/** Decodes the sample that ends a run (T.87 A.7.2). */
	private int decodeInterruption(int ra, int rb) throws CodecException {
		int type = Math.abs(ra - rb) <= near ? 1 : 0;
		int q = REGULAR_CONTEXTS + type;
		int prediction = type == 1 ? ra : rb;
		int sign = type == 0 && ra > rb ? -1 : 1;
		int temp = type == 1 ? a[q] + (n[q] >> 1) : a[q];
		int k = golombParameter(n[q], temp);
		int mapped = golomb(k, limit - J[runIndex] - 1);
		int t = mapped + type;
		int map = t & 1;
		int magnitude = (t + map) >> 1;
		boolean negative = (k != 0 || 2 * nn[q] >= n[q]) == (map == 1);
		int error = negative ? -magnitude : magnitude;
		if (error < 0) nn[q]++;
		a[q] += (mapped + 1 - type) >> 1;
		if (n[q] == parameters.reset) {
			a[q] >>= 1;
			n[q] >>= 1;
			nn[q] >>= 1;
		}
		n[q]++;
		return reconstruct(prediction + sign * error * (2 * near + 1));
	}

	/** Undoes the modulo reduction of the error and clamps to 0 to MAXVAL (T.87 A.4.4). */
	private int reconstruct(int value) {
		int step = range * (2 * near + 1);
		if (value < -near) {
			value += step;
		} else if (value > parameters.maxVal + near) {
			value -= step;
		}
		return Math.max(0, Math.min(parameters.maxVal, value));
	}

	/** Reads a limited-length Golomb code (T.87 A.5.3) with parameter k. */
	private int golomb(int k, int codeLimit) throws CodecException {
		int escape = codeLimit - qbpp - 1;
		int zeros = bits.zerosBeforeOne(escape);
		if (zeros < escape) {
			return zeros << k | bits.bits(k);
		}
		if (zeros == escape) {
			return bits.bits(qbpp) + 1;
		}
		throw new CodecException("a JPEG-LS Golomb code is longer than its limit of " +
			codeLimit + " bits");
	}

	private static int golombParameter(int count, int sum) {
		int k = 0;
		while (count << k < sum && k < 24) {
			k++;
		}
		return k;
	}

	/** Returns the median edge detector prediction (T.87 A.4.1). */
	private static int medianEdge(int ra, int rb, int rc) {
		if (rc >= Math.max(ra, rb)) return Math.min(ra, rb);
		if (rc <= Math.min(ra, rb)) return Math.max(ra, rb);
		return ra + rb - rc;
	}

	/** Quantises a local gradient to -4 to 4 (T.87 A.3.3). */
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

	static int ceilLog2(int value) {
		int bitsNeeded = 0;
		while (1L << bitsNeeded < value) {
			bitsNeeded++;
		}
		return bitsNeeded;
	}
}
