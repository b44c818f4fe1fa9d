package org.ctheatmap.io.dicom;

/**
 * Decodes a single-component (greyscale) JPEG-LS codestream (ITU-T T.87 /
 * ISO 14495-1), lossless or near-lossless, as DICOM JPEG-LS Lossless and
 * Lossy (Near-Lossless) carry it. Limitations: restart intervals, mapping
 * tables, point transforms and colour are rejected with a
 * {@link CodecException} that names them.
 */
final class JpegLsDecoder {

	private static final int SOI = 0xD8;
	private static final int EOI = 0xD9;
	private static final int SOS = 0xDA;
	private static final int DRI = 0xDD;
	private static final int SOF55 = 0xF7;
	private static final int LSE = 0xF8;

	private final byte[] data;
	private int position;
	private int precision;
	private int width;
	private int height;
	private int[] preset;
	private int[] samples;

	private JpegLsDecoder(byte[] data) {
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
	 *           size than expected, or uses a feature this decoder lacks
	 */
	static DecodedFrame decode(byte[] data, int expectedWidth, int expectedHeight)
		throws CodecException
	{
		JpegLsDecoder decoder = new JpegLsDecoder(data);
		decoder.run(expectedWidth, expectedHeight);
		return new DecodedFrame(decoder.width, decoder.height, decoder.precision,
			decoder.samples);
	}

	private void run(int expectedWidth, int expectedHeight) throws CodecException {
		if (u8() != 0xFF || u8() != SOI) {
			throw new CodecException("no JPEG-LS SOI marker (FF D8) at the start of the frame");
		}
		while (samples == null || position < data.length) {
			int marker = nextMarker();
			if (marker == EOI) break;
			if (marker == SOF55) {
				readFrameHeader(expectedWidth, expectedHeight);
			} else if (marker == LSE) {
				readPresetParameters();
			} else if (marker == SOS) {
				readScan();
			} else if (marker == DRI) {
				int end = segmentLength();
				if (u16() != 0) {
					throw new CodecException("JPEG-LS restart intervals are not supported");
				}
				position = end;
			} else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
				marker != 0xCC)
			{
				throw new CodecException(String.format("the frame is ISO 10918-1 JPEG (marker" +
					" FF %02X), not JPEG-LS", marker));
			} else {
				position = segmentLength();
			}
		}
		if (samples == null) {
			throw new CodecException("the codestream ends (EOI) before any scan");
		}
	}

	private void readFrameHeader(int expectedWidth, int expectedHeight) throws CodecException {
		int end = segmentLength();
		precision = u8();
		height = u16();
		width = u16();
		int components = u8();
		position = end;
		if (components != 1) {
			throw new CodecException("the frame has " + components + " components but a" +
				" greyscale image has 1");
		}
		if (precision < 2 || precision > 16) {
			throw new CodecException("invalid JPEG-LS sample precision " + precision + " bits");
		}
		if (width != expectedWidth || height != expectedHeight) {
			throw new CodecException("the codestream is " + width + " x " + height + " pixels" +
				" but Columns x Rows is " + expectedWidth + " x " + expectedHeight);
		}
	}

	/** Reads an LSE segment; only preset coding parameters (ID 1) are supported. */
	private void readPresetParameters() throws CodecException {
		int end = segmentLength();
		int id = u8();
		if (id != 1) {
			throw new CodecException("JPEG-LS LSE segment type " + id + " (mapping tables or" +
				" oversize images) is not supported");
		}
		preset = new int[] { u16(), u16(), u16(), u16(), u16() };
		position = end;
	}

	private void readScan() throws CodecException {
		int end = segmentLength();
		if (width == 0) {
			throw new CodecException("a scan (SOS) comes before the frame header");
		}
		if (samples != null) {
			throw new CodecException("the codestream has more than one scan for one component");
		}
		int components = u8();
		u8();
		u8();
		int near = u8();
		int interleave = u8();
		int pointTransform = u8() & 0x0F;
		position = end;

		if (components != 1 || interleave != 0) {
			throw new CodecException("the scan has " + components + " components with" +
				" interleave mode " + interleave + ", expected 1 component");
		}
		if (pointTransform != 0) {
			throw new CodecException("JPEG-LS point transform " + pointTransform +
				" is not supported");
		}

		JpegLsBitReader bits = new JpegLsBitReader(data, position);
		samples = JpegLsScan.decode(bits, JpegLsParameters.of(precision, preset, near), width,
			height);
		if (bits.syntheticBits() > 0) {
			throw new CodecException("the JPEG-LS scan data ends " + bits.syntheticBits() +
				" bits before the last sample; the frame is truncated or corrupt");
		}
		position = scanEnd(position);
	}

	/** Returns the index of the marker that ends scan data starting at {@code start}. */
	private int scanEnd(int start) {
		for (int i = start; i + 1 < data.length; i++) {
			if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) >= 0x80) return i;
		}
		return data.length;
	}

	/** Returns the marker code after the next 0xFF, skipping fill bytes. */
	private int nextMarker() throws CodecException {
		int b = u8();
		while (b != 0xFF) {
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
