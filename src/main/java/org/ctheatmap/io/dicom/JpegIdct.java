package org.ctheatmap.io.dicom;

/**
 * The accurate integer inverse DCT of the Independent JPEG Group's libjpeg
 * (jidctint.c, "islow", release 6b; the Loeffler-Ligtenberg-Moschytz
 * factorisation with 13-bit constants), with its range limiting. Same
 * integer steps as libjpeg, so lossy JPEG decodes to the same samples as
 * libjpeg-based readers. Not thread-safe; use one instance per thread.
 */
final class JpegIdct {

	private static final int CONST_BITS = 13;

	private static final int FIX_0_298631336 = 2446;
	private static final int FIX_0_390180644 = 3196;
	private static final int FIX_0_541196100 = 4433;
	private static final int FIX_0_765366865 = 6270;
	private static final int FIX_0_899976223 = 7373;
	private static final int FIX_1_175875602 = 9633;
	private static final int FIX_1_501321110 = 12299;
	private static final int FIX_1_847759065 = 15137;
	private static final int FIX_1_961570560 = 16069;
	private static final int FIX_2_053119869 = 16819;
	private static final int FIX_2_562915447 = 20995;
	private static final int FIX_3_072711026 = 25172;

	/** Extra fraction bits kept between the passes: 2 for 8-bit, 1 for 12-bit samples. */
	private final int pass1Bits;
	/** Output for each (value & rangeMask), as libjpeg's sample_range_limit table. */
	private final int[] rangeLimit;
	private final int rangeMask;
	private final int[] workspace = new int[64];

	/** @param precision sample precision, 8 or 12 bits */
	JpegIdct(int precision) {
		pass1Bits = precision == 8 ? 2 : 1;
		int maxSample = (1 << precision) - 1;
		int center = 1 << (precision - 1);
		int range = 4 * (maxSample + 1);
		rangeMask = range - 1;
		rangeLimit = new int[range];
		// Index j stands for the value j, or j - range in the upper half, so values
		// within +-2 (max + 1) are clamped and larger ones wrap, as in libjpeg.
		for (int j = 0; j < range; j++) {
			int value = j < range / 2 ? j : j - range;
			rangeLimit[j] = Math.max(0, Math.min(maxSample, value + center));
		}
	}

	/**
	 * Transforms dequantised coefficients (row-major) into 64 samples.
	 *
	 * @param in coefficients times quantisation values, natural order; not modified
	 * @param out receives the level-shifted, range-limited samples, row-major
	 */
	void transform(int[] in, int[] out) {
		for (int c = 0; c < 8; c++) {
			columnPass(in, c);
		}
		for (int r = 0; r < 8; r++) {
			rowPass(r, out);
		}
	}

	private void columnPass(int[] in, int c) {
		int d0 = in[c];
		int d1 = in[8 + c];
		int d2 = in[16 + c];
		int d3 = in[24 + c];
		int d4 = in[32 + c];
		int d5 = in[40 + c];
		int d6 = in[48 + c];
		int d7 = in[56 + c];
		if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) {
			int dc = d0 << pass1Bits;
			for (int i = 0; i < 8; i++) {
				workspace[i * 8 + c] = dc;
			}
			return;
		}
		int shift = CONST_BITS - pass1Bits;
		int[] t = butterfly(d0, d1, d2, d3, d4, d5, d6, d7);
		for (int i = 0; i < 8; i++) {
			workspace[i * 8 + c] = descale(t[i], shift);
		}
	}

	private void rowPass(int r, int[] out) {
		int base = r * 8;
		int w0 = workspace[base];
		int shift = CONST_BITS + pass1Bits + 3;
		if ((workspace[base + 1] | workspace[base + 2] | workspace[base + 3] | workspace[base +
			4] | workspace[base + 5] | workspace[base + 6] | workspace[base + 7]) == 0)
		{
			int value = rangeLimit[descale(w0, pass1Bits + 3) & rangeMask];
			for (int i = 0; i < 8; i++) {
				out[base + i] = value;
			}
			return;
		}
		int[] t = butterfly(w0, workspace[base + 1], workspace[base + 2], workspace[base + 3],
			workspace[base + 4], workspace[base + 5], workspace[base + 6], workspace[base + 7]);
		for (int i = 0; i < 8; i++) {
			out[base + i] = rangeLimit[descale(t[i], shift) & rangeMask];
		}
	}

	/** Returns the 8 outputs of one 1-D pass, scaled by 2^CONST_BITS. */
	private static int[] butterfly(int d0, int d1, int d2, int d3, int d4, int d5, int d6,
		int d7)
	{
		// Even part.
		int z1 = (d2 + d6) * FIX_0_541196100;
		int tmp2 = z1 + d6 * -FIX_1_847759065;
		int tmp3 = z1 + d2 * FIX_0_765366865;
		int tmp0 = (d0 + d4) << CONST_BITS;
		int tmp1 = (d0 - d4) << CONST_BITS;
		int tmp10 = tmp0 + tmp3;
		int tmp13 = tmp0 - tmp3;
		int tmp11 = tmp1 + tmp2;
		int tmp12 = tmp1 - tmp2;

		// Odd part.
		tmp0 = d7;
		tmp1 = d5;
		tmp2 = d3;
		tmp3 = d1;
		z1 = tmp0 + tmp3;
		int z2 = tmp1 + tmp2;
		int z3 = tmp0 + tmp2;
		int z4 = tmp1 + tmp3;
		int z5 = (z3 + z4) * FIX_1_175875602;
		tmp0 *= FIX_0_298631336;
		tmp1 *= FIX_2_053119869;
		tmp2 *= FIX_3_072711026;
		tmp3 *= FIX_1_501321110;
		z1 *= -FIX_0_899976223;
		z2 *= -FIX_2_562915447;
		z3 *= -FIX_1_961570560;
		z4 *= -FIX_0_390180644;
		z3 += z5;
		z4 += z5;
		tmp0 += z1 + z3;
		tmp1 += z2 + z4;
		tmp2 += z2 + z3;
		tmp3 += z1 + z4;
		return new int[] { tmp10 + tmp3, tmp11 + tmp2, tmp12 + tmp1, tmp13 + tmp0, tmp13 - tmp0,
			tmp12 - tmp1, tmp11 - tmp2, tmp10 - tmp3 };
	}

	/** Divides by 2^n with rounding, as libjpeg's DESCALE (arithmetic shift). */
	private static int descale(int value, int n) {
		return (value + (1 << (n - 1))) >> n;
	}
}
