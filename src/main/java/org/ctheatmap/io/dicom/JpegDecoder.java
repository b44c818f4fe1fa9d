package org.ctheatmap.io.dicom;

/**
 * Decodes a single-component (greyscale) JPEG codestream of ISO 10918-1. It
 * supports sequential DCT with Huffman coding at 8 or 12 bits (processes 1, 2
 * and 4, DICOM JPEG Baseline and Extended). It also supports lossless coding
 * with any predictor and point transform at 2 to 16 bits (process 14, DICOM
 * JPEG Lossless and its Selection Value 1 form).
 * <p>
 * The DCT path uses the integer inverse DCT of the Independent JPEG Group's
 * libjpeg ("islow", jidctint.c of release 6b), so lossy frames decode to the
 * same samples as libjpeg-based readers such as GDCM and the JDK's ImageIO.
 * Limitations: hierarchical and arithmetic-coded
 * frames, colour, and a line count given by a DNL marker are rejected with a
 * {@link CodecException} that names them. JPEG-LS is decoded by
 * {@link JpegLsDecoder}.
 */
final class JpegDecoder {

	private static final int SOI = 0xD8;
	private static final int EOI = 0xD9;
	private static final int SOS = 0xDA;
	private static final int DQT = 0xDB;
	private static final int DRI = 0xDD;
	private static final int DHT = 0xC4;
	private static final int SOF_BASELINE = 0xC0;
	private static final int SOF_EXTENDED = 0xC1;
	private static final int SOF_PROGRESSIVE = 0xC2;
	private static final int SOF_LOSSLESS = 0xC3;
	private static final int SOF_JPEG_LS = 0xF7;

	private final byte[] data;
	private int position;
	/** Quantisation tables by id, in zigzag order. */
	private final int[][] quantTables = new int[4][];
	private final JpegHuffmanTable[] dcTables = new JpegHuffmanTable[4];
	private final JpegHuffmanTable[] acTables = new JpegHuffmanTable[4];
	private int restartInterval;
	private int frameType = -1;
	private int precision;
	private int width;
	private int height;
	private int quantTableId;
	private int[] samples;
	/** Coefficients of a progressive frame, filled scan by scan; null for other frames. */
	private JpegProgressiveFrame progressive;

	private JpegDecoder(byte[] data) {
		this.data = data;
	}

	/**
	 * Decodes a codestream.
	 *
	 * @param data the frame's bytes, starting with the SOI marker; not modified
	 * @param expectedWidth Columns, checked before the samples are allocated
	 * @param expectedHeight Rows, checked likewise
	 * @return unsigned samples, row-major
	 * @throws CodecException if the codestream is corrupt, truncated, of another
	 *           size than expected, or uses a process this decoder lacks
	 */
	static DecodedFrame decode(byte[] data, int expectedWidth, int expectedHeight)
		throws CodecException
	{
		JpegDecoder decoder = new JpegDecoder(data);
		decoder.run(expectedWidth, expectedHeight);
		return new DecodedFrame(decoder.width, decoder.height, decoder.precision,
			decoder.samples);
	}

	private void run(int expectedWidth, int expectedHeight) throws CodecException {
		if (u8() != 0xFF || u8() != SOI) {
			throw new CodecException("no JPEG SOI marker (FF D8) at the start of the frame");
		}
		while (true) {
			if ((samples != null || progressive != null) && position >= data.length) {
				// Some encoders omit EOI after the last scan.
				break;
			}
			int marker = nextMarker();
			if (marker == EOI) break;
			switch (marker) {
				case SOF_BASELINE:
				case SOF_EXTENDED:
				case SOF_PROGRESSIVE:
				case SOF_LOSSLESS:
					readFrameHeader(marker, expectedWidth, expectedHeight);
					break;
				case DHT:
					readHuffmanTables();
					break;
				case DQT:
					readQuantTables();
					break;
				case DRI:
					segmentLength();
					restartInterval = u16();
					break;
				case SOS:
					readScan();
					break;
				default:
					if (marker >= 0xC0 && marker <= 0xCF || marker == SOF_JPEG_LS) {
						throw new CodecException(unsupportedFrame(marker));
					}
					if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
						break;
					}
					skipSegment();
			}
		}
		if (progressive != null) {
			samples = progressive.samples(quantTable());
		}
		if (samples == null) {
			throw new CodecException("the codestream ends (EOI) before any scan");
		}
	}

	private static String unsupportedFrame(int marker) {
		String process;
		if (marker == SOF_JPEG_LS) {
			process = "JPEG-LS (SOF55), which needs a JPEG-LS transfer syntax";
		} else if (marker >= 0xC5 && marker <= 0xC7 || marker >= 0xCD) {
			process = "a hierarchical process, which is not supported";
		} else {
			process = "arithmetic coding, which is not supported";
		}
		return String.format("the frame uses %s (marker FF %02X)", process, marker);
	}

	private void readFrameHeader(int marker, int expectedWidth, int expectedHeight)
		throws CodecException
	{
		if (frameType >= 0) {
			throw new CodecException("the codestream has more than one frame header");
		}
		int end = segmentLength();
		frameType = marker;
		precision = u8();
		height = u16();
		width = u16();
		int components = u8();
		if (components != 1) {
			throw new CodecException("the frame has " + components + " components but a" +
				" greyscale image has 1");
		}
		u8();
		u8();
		quantTableId = u8() & 3;
		position = end;
		boolean lossless = marker == SOF_LOSSLESS;
		if (lossless ? precision < 2 || precision > 16 : precision != 8 && precision != 12) {
			throw new CodecException("invalid sample precision " + precision + " bits for " +
				(lossless ? "lossless" : "DCT") + " JPEG");
		}
		if (height == 0) {
			throw new CodecException("the number of lines is 0, to be given by a DNL marker," +
				" which is not supported");
		}
		if (width != expectedWidth || height != expectedHeight) {
			throw new CodecException("the codestream is " + width + " x " + height + " pixels" +
				" but Columns x Rows is " + expectedWidth + " x " + expectedHeight);
		}
	}

	private void readScan() throws CodecException {
		int end = segmentLength();
		if (frameType < 0) {
			throw new CodecException("a scan (SOS) comes before the frame header");
		}
		if (samples != null) {
			throw new CodecException("the codestream has more than one scan for one component");
		}
		int components = u8();
		if (components != 1) {
			throw new CodecException("the scan has " + components + " components, expected 1");
		}
		u8();
		int tables = u8();
		int spectralStart = u8();
		int spectralEnd = u8();
		int approximation = u8();
		position = end;

		JpegHuffmanTable dc = dcTables[tables >> 4 & 3];
		JpegHuffmanTable ac = acTables[tables & 3];
		JpegBitReader bits = new JpegBitReader(data, position);
		if (frameType == SOF_PROGRESSIVE) {
			if (progressive == null) {
				progressive = new JpegProgressiveFrame(width, height, precision);
			}
			progressive.decodeScan(bits, dc, ac, spectralStart, spectralEnd, approximation >> 4,
				approximation & 0x0F, restartInterval);
		} else if (dc == null || frameType != SOF_LOSSLESS && ac == null) {
			throw new CodecException("the scan refers to a Huffman table that was not defined");
		} else if (frameType == SOF_LOSSLESS) {
			samples = JpegLosslessScan.decode(bits, dc, width, height, precision, spectralStart,
				approximation & 0x0F, restartInterval);
		} else {
			samples = JpegDctScan.decode(bits, dc, ac, quantTable(), width, height, precision,
				restartInterval);
		}

		if (bits.syntheticBits() > 0) {
			throw new CodecException("the entropy-coded data ends " + bits.syntheticBits() +
				" bits before the last sample; the frame is truncated or corrupt");
		}
		position = bits.position();
	}

	private int[] quantTable() throws CodecException {
		int[] quant = quantTables[quantTableId];
		if (quant == null) {
			throw new CodecException("the frame refers to quantisation table " + quantTableId +
				", which was not defined");
		}
		return quant;
	}

	private void readHuffmanTables() throws CodecException {
		int end = segmentLength();
		while (position < end) {
			int classAndId = u8();
			int[] counts = new int[16];
			int total = 0;
			for (int i = 0; i < 16; i++) {
				counts[i] = u8();
				total += counts[i];
			}
			if (total > 256 || position + total > end) {
				throw new CodecException("invalid Huffman table segment with " + total + " codes");
			}
			int[] values = new int[total];
			for (int i = 0; i < total; i++) {
				values[i] = u8();
			}
			JpegHuffmanTable table = new JpegHuffmanTable(counts, values);
			if (classAndId >> 4 == 0) {
				dcTables[classAndId & 3] = table;
			} else {
				acTables[classAndId & 3] = table;
			}
		}
		position = end;
	}

	private void readQuantTables() throws CodecException {
		int end = segmentLength();
		while (position < end) {
			int precisionAndId = u8();
			boolean sixteenBit = precisionAndId >> 4 != 0;
			int[] table = new int[64];
			for (int i = 0; i < 64; i++) {
				table[i] = sixteenBit ? u16() : u8();
			}
			quantTables[precisionAndId & 3] = table;
		}
		position = end;
	}

	/** Returns the marker code after the next 0xFF, skipping fill bytes. */
	private int nextMarker() throws CodecException {
		int b = u8();
		while (b != 0xFF) {
			// Tolerate stray bytes between segments, as libjpeg does.
			b = u8();
		}
		while (b == 0xFF) {
			b = u8();
		}
		return b;
	}

	/** Reads a segment length; returns the index just after the segment. */
	private int segmentLength() throws CodecException {
		int start = position;
		int length = u16();
		if (length < 2 || start + length > data.length) {
			throw new CodecException("marker segment at byte " + start + " has invalid length " +
				length + " in a frame of " + data.length + " bytes");
		}
		return start + length;
	}

	private void skipSegment() throws CodecException {
		position = segmentLength();
	}

	private int u8() throws CodecException {
		if (position >= data.length) {
			throw new CodecException("the codestream ends after " + data.length + " bytes" +
				" without an EOI marker");
		}
		return data[position++] & 0xFF;
	}

	private int u16() throws CodecException {
		return u8() << 8 | u8();
	}
}
