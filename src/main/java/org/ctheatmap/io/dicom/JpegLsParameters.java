package org.ctheatmap.io.dicom;

/**
 * The coding parameters of a JPEG-LS scan: MAXVAL, the gradient thresholds
 * T1 to T3, RESET and NEAR. Values of 0 in an LSE marker segment select the
 * defaults of T.87 C.2.4.1.1. Instances are immutable.
 */
final class JpegLsParameters {

	private static final int BASIC_T1 = 3;
	private static final int BASIC_T2 = 7;
	private static final int BASIC_T3 = 21;
	private static final int DEFAULT_RESET = 64;

	final int maxVal;
	final int t1;
	final int t2;
	final int t3;
	final int reset;
	final int near;

	private JpegLsParameters(int maxVal, int t1, int t2, int t3, int reset, int near) {
		this.maxVal = maxVal;
		this.t1 = t1;
		this.t2 = t2;
		this.t3 = t3;
		this.reset = reset;
		this.near = near;
	}

	/**
	 * Returns the parameters of a scan.
	 *
	 * @param precision sample precision P in bits, 2 to 16
	 * @param preset MAXVAL, T1, T2, T3 and RESET from an LSE segment, 0 for
	 *          the default, or null without one
	 * @param near NEAR of the scan header: 0 for lossless
	 * @throws CodecException if a value is outside its valid range
	 */
	static JpegLsParameters of(int precision, int[] preset, int near) throws CodecException {
		int maxVal = preset != null && preset[0] > 0 ? preset[0] : (1 << precision) - 1;
		if (maxVal < 1 || maxVal >= 1 << 16 || near < 0 || near > Math.min(255, maxVal / 2)) {
			throw new CodecException("invalid JPEG-LS MAXVAL " + maxVal + " or NEAR " + near);
		}
		int factor;
		int t1;
		int t2;
		int t3;
		if (maxVal >= 128) {
			factor = (Math.min(maxVal, 4095) + 128) >> 8;
			t1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, maxVal);
			t2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, t1, maxVal);
			t3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, t2, maxVal);
		} else {
			factor = 256 / (maxVal + 1);
			t1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, maxVal);
			t2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), t1, maxVal);
			t3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), t2, maxVal);
		}
		int reset = DEFAULT_RESET;
		if (preset != null) {
			t1 = preset[1] > 0 ? preset[1] : t1;
			t2 = preset[2] > 0 ? preset[2] : t2;
			t3 = preset[3] > 0 ? preset[3] : t3;
			reset = preset[4] > 0 ? preset[4] : reset;
		}
		if (t1 < near + 1 || t2 < t1 || t3 < t2 || t3 > maxVal || reset < 3) {
			throw new CodecException("invalid JPEG-LS thresholds T1 " + t1 + ", T2 " + t2 +
				", T3 " + t3 + " or RESET " + reset + " for MAXVAL " + maxVal);
		}
		return new JpegLsParameters(maxVal, t1, t2, t3, reset, near);
	}

	/** Returns {@code value}, or {@code low} when it is below low or above MAXVAL (T.87 C.2.4.1.1). */
	private static int clamp(int value, int low, int maxVal) {
		return value > maxVal || value < low ? low : value;
	}
}
