package org.ctheatmap.io.dicom;

/**
 * The coefficients of a single-component progressive DCT frame (ISO 10918-1
 * Annex G, processes 6 to 12), filled scan by scan: DC first and refinement
 * scans, and AC spectral-selection and successive-approximation scans with
 * end-of-band runs. {@link #samples} transforms them once all scans are read.
 */
final class JpegProgressiveFrame {

	private final int width;
	private final int height;
	private final int precision;
	private final int blocksPerRow;
	private final int blockRows;
	/** Quantised coefficients of every block, natural order: block * 64 + index. */
	private final int[] coefficients;
	private int endOfBandRun;

	JpegProgressiveFrame(int width, int height, int precision) {
		this.width = width;
		this.height = height;
		this.precision = precision;
		blocksPerRow = (width + 7) / 8;
		blockRows = (height + 7) / 8;
		coefficients = new int[blocksPerRow * blockRows * 64];
	}

	/**
	 * Decodes one scan into the coefficients.
	 *
	 * @param spectralStart Ss, 0 for a DC scan
	 * @param spectralEnd Se, the last zigzag index of an AC scan
	 * @param approximationHigh Ah, 0 for a first scan, else a refinement
	 * @param approximationLow Al, the bit position this scan codes
	 * @throws CodecException if the band is invalid, a Huffman code or run is
	 *           invalid or a restart marker is missing
	 */
	void decodeScan(JpegBitReader bits, JpegHuffmanTable dc, JpegHuffmanTable ac,
		int spectralStart, int spectralEnd, int approximationHigh, int approximationLow,
		int restartInterval) throws CodecException
	{
		boolean dcScan = spectralStart == 0;
		if (dcScan ? spectralEnd != 0 : spectralEnd < spectralStart || spectralEnd > 63) {
			throw new CodecException("invalid progressive band " + spectralStart + " to " +
				spectralEnd);
		}
		if (approximationLow > 13 || dcScan && approximationHigh == 0 && dc == null || !dcScan &&
			ac == null)
		{
			throw new CodecException("the progressive scan lacks a Huffman table or has an" +
				" invalid successive approximation " + approximationHigh + "/" + approximationLow);
		}
		endOfBandRun = 0;
		int dcPrediction = 0;
		int restarts = 0;
		int sinceRestart = 0;
		int blocks = blocksPerRow * blockRows;
		for (int block = 0; block < blocks; block++) {
			if (restartInterval > 0 && sinceRestart == restartInterval) {
				if (!bits.restart(restarts++ & 7)) {
					throw new CodecException("restart marker RST" + ((restarts - 1) & 7) +
						" is missing before block " + block);
				}
				sinceRestart = 0;
				dcPrediction = 0;
				endOfBandRun = 0;
			}
			sinceRestart++;
			int base = block * 64;
			if (dcScan && approximationHigh == 0) {
				int category = dc.decode(bits);
				if (category > 15) {
					throw new CodecException("invalid DC difference category " + category);
				}
				dcPrediction += bits.extended(category);
				coefficients[base] = dcPrediction << approximationLow;
			} else if (dcScan) {
				if (bits.bits(1) != 0) coefficients[base] |= 1 << approximationLow;
			} else if (approximationHigh == 0) {
				decodeAcFirst(bits, ac, base, spectralStart, spectralEnd, approximationLow);
			} else {
				decodeAcRefine(bits, ac, base, spectralStart, spectralEnd, approximationLow);
			}
		}
	}

	private void decodeAcFirst(JpegBitReader bits, JpegHuffmanTable ac, int base, int start,
		int end, int low) throws CodecException
	{
		if (endOfBandRun > 0) {
			endOfBandRun--;
			return;
		}
		for (int k = start; k <= end;) {
			int symbol = ac.decode(bits);
			int run = symbol >> 4;
			int size = symbol & 0x0F;
			if (size == 0) {
				if (run < 15) {
					endOfBandRun = (1 << run) - 1 + bits.bits(run);
					return;
				}
				k += 16;
				continue;
			}
			k += run;
			if (k > end) {
				throw new CodecException("an AC run passes the end of its spectral band");
			}
			coefficients[base + JpegDctScan.ZIGZAG[k]] = bits.extended(size) * (1 << low);
			k++;
		}
	}

	/** Refines AC coefficients by one bit (ISO 10918-1 G.1.2.3). */
	private void decodeAcRefine(JpegBitReader bits, JpegHuffmanTable ac, int base, int start,
		int end, int low) throws CodecException
	{
		int plusOne = 1 << low;
		int minusOne = -1 << low;
		int k = start;
		if (endOfBandRun == 0) {
			for (; k <= end; k++) {
				int symbol = ac.decode(bits);
				int run = symbol >> 4;
				int size = symbol & 0x0F;
				int value = 0;
				if (size != 0) {
					if (size != 1) {
						throw new CodecException("invalid AC refinement size " + size);
					}
					value = bits.bits(1) != 0 ? plusOne : minusOne;
				} else if (run != 15) {
					endOfBandRun = (1 << run) + bits.bits(run);
					break;
				}
				// Skip `run` zero coefficients, refining the non-zero ones passed on the way.
				while (k <= end) {
					int index = base + JpegDctScan.ZIGZAG[k];
					if (coefficients[index] != 0) {
						refine(bits, index, plusOne, minusOne);
					} else if (--run < 0) {
						break;
					}
					k++;
				}
				if (value != 0) {
					if (k > end) {
						throw new CodecException("an AC refinement passes the end of its band");
					}
					coefficients[base + JpegDctScan.ZIGZAG[k]] = value;
				}
			}
		}
		if (endOfBandRun > 0) {
			for (; k <= end; k++) {
				int index = base + JpegDctScan.ZIGZAG[k];
				if (coefficients[index] != 0) refine(bits, index, plusOne, minusOne);
			}
			endOfBandRun--;
		}
	}

	private void refine(JpegBitReader bits, int index, int plusOne, int minusOne) {
		if (bits.bits(1) != 0 && (coefficients[index] & plusOne) == 0) {
			coefficients[index] += coefficients[index] >= 0 ? plusOne : minusOne;
		}
	}

	/**
	 * Dequantises and transforms every block.
	 *
	 * @param quant quantisation table in zigzag order
	 * @return unsigned samples of the frame's precision, row-major
	 */
	int[] samples(int[] quant) {
		int[] natural = new int[64];
		for (int k = 0; k < 64; k++) {
			natural[JpegDctScan.ZIGZAG[k]] = quant[k];
		}
		JpegIdct idct = new JpegIdct(precision);
		int[] samples = new int[width * height];
		int[] block = new int[64];
		int[] dequantised = new int[64];
		for (int by = 0; by < blockRows; by++) {
			for (int bx = 0; bx < blocksPerRow; bx++) {
				int base = (by * blocksPerRow + bx) * 64;
				for (int i = 0; i < 64; i++) {
					dequantised[i] = coefficients[base + i] * natural[i];
				}
				idct.transform(dequantised, block);
				JpegDctScan.copyBlock(block, samples, bx * 8, by * 8, width, height);
			}
		}
		return samples;
	}
}
