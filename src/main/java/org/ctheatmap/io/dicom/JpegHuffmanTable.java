package org.ctheatmap.io.dicom;

/**
 * A JPEG Huffman table (ISO 10918-1 Annex C) with a lookup table for codes of
 * up to {@link #LOOKUP_BITS} bits and the MAXCODE / VALPTR procedure of
 * F.2.2.3 for longer ones.
 */
final class JpegHuffmanTable {

	private static final int LOOKUP_BITS = 9;

	/** lookup[next 9 bits] = code length << 8 | value, or 0 for longer codes. */
	private final int[] lookup = new int[1 << LOOKUP_BITS];
	private final int[] maxCode = new int[18];
	private final int[] valueOffset = new int[17];
	private final int[] values;

	/**
	 * @param counts number of codes of each length 1 to 16 (index 0 to 15)
	 * @param values the symbols in order of increasing code length
	 * @throws CodecException if the counts do not form a valid prefix code
	 */
	JpegHuffmanTable(int[] counts, int[] values) throws CodecException {
		this.values = values.clone();
		int code = 0;
		int k = 0;
		for (int length = 1; length <= 16; length++) {
			int count = counts[length - 1];
			valueOffset[length] = k - code;
			for (int i = 0; i < count; i++) {
				if (length <= LOOKUP_BITS) {
					int shift = LOOKUP_BITS - length;
					for (int fill = 0; fill < 1 << shift; fill++) {
						lookup[code << shift | fill] = length << 8 | values[k];
					}
				}
				code++;
				k++;
			}
			maxCode[length] = count == 0 ? -1 : code - 1;
			if (code > 1 << length) {
				throw new CodecException("invalid Huffman table: too many codes of length " +
					length);
			}
			code <<= 1;
		}
		maxCode[17] = Integer.MAX_VALUE;
	}

	/** Decodes one symbol. */
	int decode(JpegBitReader in) throws CodecException {
		int entry = lookup[in.peek(LOOKUP_BITS)];
		if (entry != 0) {
			in.skip(entry >> 8);
			return entry & 0xFF;
		}
		int code = in.peek(16);
		for (int length = LOOKUP_BITS + 1; length <= 16; length++) {
			int prefix = code >>> (16 - length);
			if (maxCode[length] >= 0 && prefix <= maxCode[length]) {
				in.skip(length);
				return values[prefix + valueOffset[length]];
			}
		}
		throw new CodecException("invalid Huffman code in the entropy-coded data");
	}
}
