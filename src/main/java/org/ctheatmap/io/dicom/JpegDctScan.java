package org.ctheatmap.io.dicom;

/**
 * Decodes the scan of a single-component sequential DCT frame with Huffman
 * coding (ISO 10918-1 F.2): 8 x 8 blocks of quantised coefficients in zigzag
 * order, dequantised and transformed by {@link JpegIdct}.
 */
final class JpegDctScan {

	/** Natural (row-major) index of each zigzag position. */
	static final int[] ZIGZAG = { 0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19,
		26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29,
		22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62,
		63 };

	private JpegDctScan() {}

	/**
	 * Decodes all blocks of a scan and crops them to the image.
	 *
	 * @param quant quantisation table in zigzag order
	 * @param restartInterval blocks between restart markers, 0 for none
	 * @return unsigned samples of {@code precision} bits, row-major
	 * @throws CodecException if a Huffman code or run is invalid or a restart
	 *           marker is missing
	 */
	static int[] decode(JpegBitReader bits, JpegHuffmanTable dc, JpegHuffmanTable ac, int[] quant,
		int width, int height, int precision, int restartInterval) throws CodecException
	{
		int blocksPerRow = (width + 7) / 8;
		int blockRows = (height + 7) / 8;
		int[] samples = new int[width * height];
		int[] coefficients = new int[64];
		int[] block = new int[64];
		JpegIdct idct = new JpegIdct(precision);
		int dcPrediction = 0;
		int restarts = 0;
		int sinceRestart = 0;
		for (int by = 0; by < blockRows; by++) {
			for (int bx = 0; bx < blocksPerRow; bx++) {
				if (restartInterval > 0 && sinceRestart == restartInterval) {
					if (!bits.restart(restarts++ & 7)) {
						throw new CodecException("restart marker RST" + ((restarts - 1) & 7) +
							" is missing before block " + (by * blocksPerRow + bx));
					}
					sinceRestart = 0;
					dcPrediction = 0;
				}
				sinceRestart++;
				java.util.Arrays.fill(coefficients, 0);
				int category = dc.decode(bits);
				if (category > 15) {
					throw new CodecException("invalid DC difference category " + category);
				}
				dcPrediction += bits.extended(category);
				coefficients[0] = dcPrediction * quant[0];
				decodeAc(bits, ac, quant, coefficients);
				idct.transform(coefficients, block);
				copyBlock(block, samples, bx * 8, by * 8, width, height);
			}
		}
		return samples;
	}

	private static void decodeAc(JpegBitReader bits, JpegHuffmanTable ac, int[] quant,
		int[] coefficients) throws CodecException
	{
		for (int k = 1; k < 64;) {
			int symbol = ac.decode(bits);
			int run = symbol >> 4;
			int size = symbol & 0x0F;
			if (size == 0) {
				if (run != 15) return;
				k += 16;
				continue;
			}
			k += run;
			if (k > 63) {
				throw new CodecException("an AC run passes the end of an 8 x 8 block");
			}
			coefficients[ZIGZAG[k]] = bits.extended(size) * quant[k];
			k++;
		}
	}

	static void copyBlock(int[] block, int[] samples, int x0, int y0, int width,
		int height)
	{
		int rows = Math.min(8, height - y0);
		int columns = Math.min(8, width - x0);
		for (int y = 0; y < rows; y++) {
			System.arraycopy(block, y * 8, samples, (y0 + y) * width + x0, columns);
		}
	}
}
