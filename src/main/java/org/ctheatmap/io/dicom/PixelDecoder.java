package org.ctheatmap.io.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

import org.ctheatmap.io.InvalidInputException;

/**
 * Decodes uncompressed DICOM pixel data to stored values and Hounsfield units.
 * <p>
 * Each sample is masked to its Bits Stored low bits and, for signed data
 * (Pixel Representation 1), sign-extended from bit Bits Stored - 1, as DICOM
 * PS3.5 section 8.1.1 defines. Bits above Bits Stored are therefore ignored:
 * signed 12-bit 0x0FFF is -1, not 4095.
 * <p>
 * NB: some files declare fewer Bits Stored than their values seem to need,
 * e.g. Bits Stored 14 with int16 values -2000 to 2492. Such values fit in
 * 14-bit two's complement, so masking leaves them unchanged and the result
 * equals the raw int16 words. Only where the upper bits are neither zero nor
 * a sign extension does masking change a value; {@link StoredPixels#maskedCount}
 * counts those samples so the reader can warn.
 */
final class PixelDecoder {

	/**
	 * Buffer for the bytes of one native frame, kept per thread, so reading a
	 * series allocates only the HU arrays. Readers return it before the next
	 * read on the same thread.
	 */
	/** Largest frame buffer kept per thread: 4 times a 1024 x 1024 16-bit slice. */
	private static final int MAX_KEPT_BUFFER_BYTES = 8 << 20;

	private static final ThreadLocal<ByteBuffer> FRAME_BUFFER = ThreadLocal.withInitial(
		() -> ByteBuffer.allocate(0));

	/** Largest expansion of deflate (RFC 1951): 258 bytes from about 2 bits, i.e. 1032:1. */
	private static final long MAX_DEFLATE_RATIO = 1032;

	private PixelDecoder() {}

	/** Stored values of one image in row-major order, with a count of masked samples. */
	static final class StoredPixels {

		/** Stored values, row-major: index = row * columns + column. */
		final int[] values;

		/**
		 * Number of samples whose 8- or 16-bit word did not equal the decoded
		 * value, i.e. whose bits above Bits Stored were neither zero nor a sign
		 * extension.
		 */
		final int maskedCount;

		StoredPixels(int[] values, int maskedCount) {
			this.values = values;
			this.maskedCount = maskedCount;
		}
	}

	/** HU of one image or frame with the count of samples changed by masking. */
	static final class HuPixels {

		/** HU values, row-major: index = row * columns + column. */
		final float[] hu;
		/** As {@link StoredPixels#maskedCount}. */
		final int maskedCount;

		HuPixels(float[] hu, int maskedCount) {
			this.hu = hu;
			this.maskedCount = maskedCount;
		}
	}

	/**
	 * Reads and decodes the stored values of one image or frame; the file is
	 * not modified.
	 *
	 * @param header a single-frame file or one frame of a multi-frame file
	 * @param format the layout checked by {@link PixelFormat#of(DicomHeader)}
	 * @throws InvalidInputException if the file ends before the pixel data
	 *           does, or the compressed data is corrupt or does not match the
	 *           header
	 */
	static StoredPixels readStored(DicomHeader header, PixelFormat format) throws IOException {
		return fromWords(readWords(header, format), format);
	}

	/**
	 * Reads one image or frame and converts it to HU as
	 * {@code stored * slope + intercept}, with the same masking and rounding
	 * as {@link #readStored} and {@link #toHu}; the file is not modified.
	 * <p>
	 * Every 8- or 16-bit word maps to one HU value, so the conversion is a
	 * lookup in a table of 256 or 65536 entries built once per slice, in a
	 * single pass over the samples.
	 *
	 * @throws InvalidInputException as {@link #readStored}
	 */
	static HuPixels readHu(DicomHeader header, PixelFormat format, double slope,
		double intercept) throws IOException
	{
		int words = 1 << format.bitsAllocated;
		float[] table = new float[words];
		boolean[] changed = new boolean[words];
		boolean anyChanged = false;
		for (int word = 0; word < words; word++) {
			int value = decodeSample(word, format.bitsStored, format.signed);
			table[word] = (float) (value * slope + intercept);
			changed[word] = value != wordValue(word, format.bitsAllocated, format.signed);
			anyChanged |= changed[word];
		}
		int count = format.rows * format.columns;
		float[] hu = new float[count];
		int masked = 0;
		if (format.bitsAllocated == 16 && !header.transferSyntax().compression().encapsulated()) {
			// Native 16-bit samples go straight from the bytes to HU, without an int[] copy.
			ByteBuffer buffer = readFrameBytes(header, format);
			buffer.order(header.transferSyntax().bigEndian() ? ByteOrder.BIG_ENDIAN
				: ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < count; i++) {
				int word = buffer.getShort(2 * i) & 0xFFFF;
				hu[i] = table[word];
				if (changed[word]) masked++;
			}
			return new HuPixels(hu, masked);
		}
		int[] samples = readWords(header, format);
		for (int i = 0; i < count; i++) {
			hu[i] = table[samples[i]];
			if (changed[samples[i]]) masked++;
		}
		return new HuPixels(hu, masked);
	}

	/** Returns the unsigned 8- or 16-bit sample words of one frame. */
	private static int[] readWords(DicomHeader header, PixelFormat format) throws IOException {
		return header.transferSyntax().compression().encapsulated() ? EncapsulatedPixelData
			.decodeFrame(header, format) : readNativeWords(header, format);
	}

	/**
	 * Converts sample words to stored values in place by masking and sign
	 * extension, counting the samples that change.
	 *
	 * @param words unsigned 8- or 16-bit sample words; replaced by the values
	 */
	static StoredPixels fromWords(int[] words, PixelFormat format) {
		int masked = 0;
		for (int i = 0; i < words.length; i++) {
			int word = words[i];
			words[i] = decodeSample(word, format.bitsStored, format.signed);
			if (words[i] != wordValue(word, format.bitsAllocated, format.signed)) {
				masked++;
			}
		}
		return new StoredPixels(words, masked);
	}

	/** Reads the native sample words of one frame, as unsigned 8- or 16-bit numbers. */
	private static int[] readNativeWords(DicomHeader header, PixelFormat format)
		throws IOException
	{
		int bytesPerSample = format.bitsAllocated / 8;
		int count = format.rows * format.columns;
		ByteBuffer buffer = readFrameBytes(header, format);
		buffer.order(header.transferSyntax().bigEndian() ? ByteOrder.BIG_ENDIAN
			: ByteOrder.LITTLE_ENDIAN);
		// 8-bit samples in an OW value of a big-endian file are byte-swapped in pairs.
		boolean swapPairs = bytesPerSample == 1 && header.transferSyntax().bigEndian() && "OW"
			.equals(header.pixelDataVr());
		int[] words = new int[count];
		if (bytesPerSample == 2) {
			for (int i = 0; i < count; i++) {
				words[i] = buffer.getShort(2 * i) & 0xFFFF;
			}
		} else {
			for (int i = 0; i < count; i++) {
				words[i] = buffer.get(swapPairs ? i ^ 1 : i) & 0xFF;
			}
		}
		return words;
	}

	/** Reads the bytes of the header's frame from the file or the inflated data set. */
	private static ByteBuffer readFrameBytes(DicomHeader header, PixelFormat format)
		throws IOException
	{
		long frameBytes = format.frameBytes();
		long offset = header.pixelDataOffset() + header.frameIndex() * frameBytes;
		PixelDataLocation location = header.pixelData();
		if (location.deflatedStart >= 0) {
			long compressed = Files.size(header.file()) - location.deflatedStart;
			if (offset + frameBytes > compressed * MAX_DEFLATE_RATIO) {
				throw new InvalidInputException(header.file(), "corrupt file: frame " + (header
					.frameIndex() + 1) + " would end at byte " + (offset + frameBytes) + " of the" +
					" inflated data set, more than the " + compressed + " deflated bytes can hold");
			}
			int frames = header.frames().size();
			long allBytes = frameBytes * frames;
			if (frames == 1 || allBytes > PixelFormat.MAX_FRAME_BYTES) {
				return ByteBuffer.wrap(inflate(header, offset, frameBytes));
			}
			// A deflate stream is read from its start, so all frames are inflated once together.
			byte[] all = location.inflatedFrames(() -> inflate(header, header.pixelDataOffset(),
				allBytes));
			return ByteBuffer.wrap(all, (int) (header.frameIndex() * frameBytes), (int) frameBytes)
				.slice();
		}
		ByteBuffer buffer = FRAME_BUFFER.get();
		if (buffer.capacity() < frameBytes) {
			buffer = ByteBuffer.allocate((int) frameBytes);
			if (frameBytes <= MAX_KEPT_BUFFER_BYTES) FRAME_BUFFER.set(buffer);
		}
		buffer.clear().limit((int) frameBytes);
		try (FileChannel channel = FileChannel.open(header.file(), StandardOpenOption.READ)) {
			while (buffer.hasRemaining()) {
				if (channel.read(buffer, offset + buffer.position()) < 0) {
					throw new InvalidInputException(header.file(), "truncated file: Pixel Data" +
						" ends after " + buffer.position() + " of " + frameBytes + " bytes");
				}
			}
		}
		return buffer;
	}

	/**
	 * Returns the stored value of one sample word: its low {@code bitsStored}
	 * bits, sign-extended from bit {@code bitsStored - 1} when signed.
	 *
	 * @param word the 8- or 16-bit sample as an unsigned number
	 */
	static int decodeSample(int word, int bitsStored, boolean signed) {
		int value = word & (int) ((1L << bitsStored) - 1);
		if (signed && (value & 1 << (bitsStored - 1)) != 0) {
			value -= 1 << bitsStored;
		}
		return value;
	}

	/**
	 * Converts stored values to HU as {@code stored * slope + intercept} in
	 * double precision, rounded once to float.
	 *
	 * @return a new array; {@code stored} is not modified
	 */
	static float[] toHu(int[] stored, double slope, double intercept) {
		float[] hu = new float[stored.length];
		for (int i = 0; i < stored.length; i++) {
			hu[i] = (float) (stored[i] * slope + intercept);
		}
		return hu;
	}

	/**
	 * Inflates a deflated data set up to {@code offset + count} and returns
	 * the last {@code count} bytes.
	 */
	private static byte[] inflate(DicomHeader header, long offset, long count)
		throws IOException
	{
		try (DicomInput in = DicomInput.openInflated(header.file(), header.pixelData()
			.deflatedStart))
		{
			in.context("Pixel Data of frame " + (header.frameIndex() + 1));
			in.skip(offset);
			return in.bytes((int) count);
		}
	}

	/** Returns the whole word read as an 8- or 16-bit integer of the given sign. */
	private static int wordValue(int word, int bitsAllocated, boolean signed) {
		if (!signed) return word;
		return bitsAllocated == 16 ? (short) word : (byte) word;
	}
}
