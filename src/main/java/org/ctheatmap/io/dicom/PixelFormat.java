package org.ctheatmap.io.dicom;

import org.ctheatmap.io.InvalidInputException;

/**
 * The checked pixel layout of one DICOM image or frame: size, bit depth and
 * sign. Only what {@link PixelDecoder} can decode exactly passes the checks:
 * greyscale with 8 or 16 bits allocated and High Bit = Bits Stored - 1, in a
 * transfer syntax of {@link DicomTransferSyntax}. Instances are immutable.
 */
final class PixelFormat {

	/** Largest slice in bytes: one Java array, with room for the array header. */
	static final long MAX_FRAME_BYTES = Integer.MAX_VALUE - 16;

	final int rows;
	final int columns;
	final int bitsAllocated;
	final int bitsStored;
	final boolean signed;
	final boolean monochrome1;

	private PixelFormat(int rows, int columns, int bitsAllocated, int bitsStored, boolean signed,
		boolean monochrome1)
	{
		this.rows = rows;
		this.columns = columns;
		this.bitsAllocated = bitsAllocated;
		this.bitsStored = bitsStored;
		this.signed = signed;
		this.monochrome1 = monochrome1;
	}

	/**
	 * Checks the header of an image and returns its layout.
	 *
	 * @throws InvalidInputException naming the file and the reason when the
	 *           pixels cannot be decoded: unsupported syntax, no Pixel Data,
	 *           colour, unsupported bit layout or too little data
	 */
	static PixelFormat of(DicomHeader header) throws InvalidInputException {
		if (header.transferSyntax() == null) {
			throw invalid(header, DicomTransferSyntax.unsupportedMessage(header
				.transferSyntaxUid()));
		}
		if (!header.hasPixelData()) {
			throw invalid(header, "no Pixel Data (7FE0,0010), so it is not an image");
		}
		checkGreyscale(header);

		int rows = header.integer(DicomTag.ROWS, 0);
		int columns = header.integer(DicomTag.COLUMNS, 0);
		if (rows < 1 || columns < 1) {
			throw invalid(header, "missing or invalid Rows x Columns: " + rows + " x " + columns);
		}

		int bitsAllocated = header.integer(DicomTag.BITS_ALLOCATED, 0);
		if (bitsAllocated != 8 && bitsAllocated != 16) {
			throw invalid(header, "Bits Allocated " + bitsAllocated + " is not supported;" +
				" only 8 and 16 bits are");
		}
		int bitsStored = header.integer(DicomTag.BITS_STORED, bitsAllocated);
		int highBit = header.integer(DicomTag.HIGH_BIT, bitsStored - 1);
		if (bitsStored < 1 || bitsStored > bitsAllocated || highBit != bitsStored - 1) {
			throw invalid(header, "unsupported bit layout: Bits Allocated " + bitsAllocated +
				", Bits Stored " + bitsStored + ", High Bit " + highBit +
				" (expected High Bit = Bits Stored - 1)");
		}

		int representation = header.integer(DicomTag.PIXEL_REPRESENTATION, 0);
		if (representation != 0 && representation != 1) {
			throw invalid(header, "invalid Pixel Representation " + representation +
				" (expected 0 for unsigned or 1 for signed)");
		}

		PixelFormat format = new PixelFormat(rows, columns, bitsAllocated, bitsStored,
			representation == 1, "MONOCHROME1".equals(header.text(
				DicomTag.PHOTOMETRIC_INTERPRETATION)));
		format.checkLength(header);
		return format;
	}

	/** Returns the number of bytes of one frame of pixels. */
	long frameBytes() {
		return (long) rows * columns * (bitsAllocated / 8);
	}

	private static void checkGreyscale(DicomHeader header) throws InvalidInputException {
		int samples = header.integer(DicomTag.SAMPLES_PER_PIXEL, 1);
		String photometric = header.text(DicomTag.PHOTOMETRIC_INTERPRETATION, "MONOCHROME2");
		if (samples != 1) {
			throw invalid(header, "colour image (Samples per Pixel " + samples +
				", Photometric Interpretation " + photometric + ") cannot be read as CT;" +
				" only greyscale images are supported");
		}
		if (!"MONOCHROME2".equals(photometric) && !"MONOCHROME1".equals(photometric)) {
			throw invalid(header, "Photometric Interpretation " + photometric +
				" is not supported; only MONOCHROME1 and MONOCHROME2 are");
		}
	}

	private void checkLength(DicomHeader header) throws InvalidInputException {
		long length = header.pixelDataLength();
		DicomTransferSyntax syntax = header.transferSyntax();
		if (frameBytes() > MAX_FRAME_BYTES) {
			throw invalid(header, columns + " x " + rows + " pixels of " + bitsAllocated +
				" bits are more than the " + MAX_FRAME_BYTES + " bytes one slice may have");
		}
		if (syntax.compression().encapsulated()) {
			if (length >= 0) {
				throw invalid(header, "Pixel Data has a defined length of " + length + " bytes," +
					" but the compressed transfer syntax " + syntax.displayName() + " needs" +
					" encapsulated fragments of undefined length");
			}
			return;
		}
		if (length < 0) {
			throw invalid(header, "Pixel Data has undefined length, which means compressed" +
				" fragments, but the transfer syntax " + header.transferSyntaxUid() +
				" is uncompressed");
		}
		int frames = header.frames().size();
		long needed = frameBytes() * frames;
		if (length < needed) {
			throw invalid(header, "Pixel Data has " + length + " bytes but " + (frames > 1
				? frames + " frames of " : "") + columns + " x " + rows + " pixels of " +
				bitsAllocated + " bits need " + needed);
		}
	}

	private static InvalidInputException invalid(DicomHeader header, String problem) {
		return new InvalidInputException(header.file(), problem);
	}
}
