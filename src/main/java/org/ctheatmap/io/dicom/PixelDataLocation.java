package org.ctheatmap.io.dicom;

/**
 * Where the Pixel Data value of one file is, shared by the headers of all its
 * frames. Instances are immutable apart from the fragment table, which
 * {@link EncapsulatedPixelData} computes once and caches; that cache is
 * thread-safe.
 */
final class PixelDataLocation {

	/**
	 * Offset of the first value byte, in the file or, when
	 * {@link #deflatedStart} is set, in the inflated data set; -1 without
	 * Pixel Data.
	 */
	final long offset;
	/** Value length in bytes, or -1 for undefined (encapsulated) length. */
	final long length;
	/** Value representation, OB or OW; null without Pixel Data. */
	final String vr;
	/** File offset of the deflate stream that holds the data set, or -1 when not deflated. */
	final long deflatedStart;

	private EncapsulatedPixelData.FrameTable frameTable;

	PixelDataLocation(long offset, long length, String vr, long deflatedStart) {
		this.offset = offset;
		this.length = length;
		this.vr = vr;
		this.deflatedStart = deflatedStart;
	}

	synchronized EncapsulatedPixelData.FrameTable frameTable() {
		return frameTable;
	}

	synchronized void frameTable(EncapsulatedPixelData.FrameTable table) {
		frameTable = table;
	}
}
