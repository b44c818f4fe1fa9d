package org.ctheatmap.io.dicom;

import java.io.IOException;

/**
 * Location of the Pixel Data value of one file, shared by the headers of all
 * its frames. Instances are immutable apart from two caches, filled once in
 * a thread-safe way: the fragment table of {@link EncapsulatedPixelData} and
 * the inflated frames of a deflated multi-frame file.
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
	/** File offset of the deflate stream of the data set, or -1 when not deflated. */
	final long deflatedStart;

	private EncapsulatedPixelData.FrameTable frameTable;
	private byte[] inflatedFrames;

	/** Computes the inflated bytes of every frame of a deflated data set. */
	interface FrameInflater {
		byte[] inflate() throws IOException;
	}

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

	/**
	 * Returns the native Pixel Data of all frames of a deflated data set,
	 * inflating it on first use; later calls, from any thread, share the result.
	 */
	synchronized byte[] inflatedFrames(FrameInflater inflater) throws IOException {
		if (inflatedFrames == null) {
			inflatedFrames = inflater.inflate();
		}
		return inflatedFrames;
	}
}
