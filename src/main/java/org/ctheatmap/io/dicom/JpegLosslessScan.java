package org.ctheatmap.io.dicom;

/**
 * Decodes the scan of a single-component lossless JPEG frame (ISO 10918-1
 * Annex H): a Huffman-coded difference per sample, added modulo 2^16 to the
 * prediction from the left (Ra), upper (Rb) and upper-left (Rc) neighbours.
 */
final class JpegLosslessScan {

	private JpegLosslessScan() {}

	/**
	 * Decodes all samples of a scan.
	 *
	 * @param predictor selection value 1 to 7 (the SOS Ss field)
	 * @param pointTransform Pt: decoded values are shifted left by it
	 * @param restartInterval samples between restart markers, 0 for none
	 * @return unsigned samples, row-major
	 * @throws CodecException if the predictor is invalid, a Huffman code is
	 *           invalid or a restart marker is missing
	 */
	static int[] decode(JpegBitReader bits, JpegHuffmanTable table, int width, int height,
		int precision, int predictor, int pointTransform, int restartInterval)
		throws CodecException
	{
		if (predictor < 1 || predictor > 7) {
			throw new CodecException("invalid lossless predictor (selection value) " + predictor +
				"; expected 1 to 7");
		}
		if (pointTransform >= precision) {
			throw new CodecException("point transform " + pointTransform + " is not below the" +
				" precision of " + precision + " bits");
		}
		int initial = 1 << (precision - pointTransform - 1);
		int[] values = new int[width * height];
		int restarts = 0;
		int sinceRestart = 0;
		// The first row after the start of the scan or a restart predicts from the left only.
		boolean firstRow = true;
		for (int y = 0; y < height; y++) {
			int row = y * width;
			for (int x = 0; x < width; x++) {
				if (restartInterval > 0 && sinceRestart == restartInterval) {
					if (!bits.restart(restarts++ & 7)) {
						throw new CodecException("restart marker RST" + ((restarts - 1) & 7) +
							" is missing before sample " + (row + x));
					}
					sinceRestart = 0;
					firstRow = true;
				}
				sinceRestart++;
				int prediction;
				if (firstRow) {
					prediction = x == 0 ? initial : values[row + x - 1];
				} else if (x == 0) {
					prediction = values[row - width];
				} else {
					prediction = predict(predictor, values[row + x - 1], values[row - width + x],
						values[row - width + x - 1]);
				}
				values[row + x] = prediction + difference(bits, table) & 0xFFFF;
			}
			// A restart that falls inside a row keeps first-row prediction to its end.
			if (sinceRestart >= width || restartInterval == 0) firstRow = false;
		}
		if (pointTransform > 0) {
			for (int i = 0; i < values.length; i++) {
				values[i] <<= pointTransform;
			}
		}
		return values;
	}

	/** Returns the prediction of selection value 1 to 7 (ISO 10918-1 table H.1). */
	static int predict(int predictor, int ra, int rb, int rc) {
		switch (predictor) {
			case 1:
				return ra;
			case 2:
				return rb;
			case 3:
				return rc;
			case 4:
				return ra + rb - rc;
			case 5:
				return ra + ((rb - rc) >> 1);
			case 6:
				return rb + ((ra - rc) >> 1);
			default:
				return (ra + rb) >> 1;
		}
	}

	/** Decodes one difference: a category SSSS, then SSSS extra bits (H.1.2.2). */
	private static int difference(JpegBitReader bits, JpegHuffmanTable table)
		throws CodecException
	{
		int category = table.decode(bits);
		if (category == 16) return 32768;
		if (category > 16) {
			throw new CodecException("invalid lossless difference category " + category);
		}
		return bits.extended(category);
	}
}
