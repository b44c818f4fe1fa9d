package org.ctheatmap.io.dicom;

/**
 * One frame as a codec decoded it: size, sample precision and samples in
 * row-major order (index = row * width + column). Samples are the codec's
 * integers: unsigned for JPEG and RLE, possibly negative for a signed JPEG
 * 2000 codestream. Instances are not copied, so callers own the array.
 */
final class DecodedFrame {

	final int width;
	final int height;
	/** Bits per sample declared by the codestream. */
	final int precision;
	final int[] samples;

	DecodedFrame(int width, int height, int precision, int[] samples) {
		this.width = width;
		this.height = height;
		this.precision = precision;
		this.samples = samples;
	}
}
