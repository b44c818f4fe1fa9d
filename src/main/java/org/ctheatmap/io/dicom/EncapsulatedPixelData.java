package org.ctheatmap.io.dicom;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.io.InvalidInputException;

/**
 * Reads encapsulated Pixel Data (PS3.5 A.4): the Basic Offset Table item,
 * then one item per fragment, then a Sequence Delimitation Item. Assigns the
 * fragments to frames and hands each frame's bytes to its codec.
 * <p>
 * A single frame takes every fragment. Otherwise the Basic Offset Table, when
 * it has entries, gives the first fragment of each frame. Without it, each
 * frame gets one fragment when the counts agree. Else a new frame starts at
 * each fragment that begins with a JPEG SOI or JPEG 2000 SOC marker.
 */
final class EncapsulatedPixelData {

	/** Offsets and lengths, in the file, of the fragments of each frame. */
	static final class FrameTable {

		/** frames.get(i) = {offset, length} pairs of frame i's fragments, in file order. */
		final List<List<long[]>> frames;

		FrameTable(List<List<long[]>> frames) {
			this.frames = Collections.unmodifiableList(frames);
		}
	}

	private EncapsulatedPixelData() {}

	/**
	 * Decodes the frame of a header into unsigned sample words, row-major.
	 *
	 * @throws InvalidInputException naming the file and frame when the items are
	 *           corrupt, the codestream is invalid or unsupported, or its size or
	 *           precision disagrees with the header
	 */
	static int[] decodeFrame(DicomHeader header, PixelFormat format) throws IOException {
		byte[] data = readFrame(header);
		DicomTransferSyntax syntax = header.transferSyntax();
		try {
			if (syntax.compression() == DicomTransferSyntax.Compression.RLE) {
				return RleDecoder.decode(data, format.rows, format.columns, format.bitsAllocated / 8);
			}
			DecodedFrame frame;
			switch (syntax.compression()) {
				case JPEG:
					frame = JpegDecoder.decode(data, format.columns, format.rows);
					break;
				case JPEG_LS:
					frame = JpegLsDecoder.decode(data, format.columns, format.rows);
					break;
				default:
					frame = Jpeg2000Decoder.decode(data, format.columns, format.rows);
			}
			return checkedWords(frame, format, syntax);
		} catch (CodecException e) {
			throw new InvalidInputException(header.file(), frameLabel(header) + "cannot be" +
				" decoded as " + syntax.displayName() + ": " + e.getMessage(), e);
		}
	}

	/** Returns the concatenated fragment bytes of the header's frame. */
	static byte[] readFrame(DicomHeader header) throws IOException {
		List<long[]> fragments = frameTable(header).frames.get(header.frameIndex());
		long total = 0;
		for (long[] fragment : fragments) {
			total += fragment[1];
		}
		if (total > PixelFormat.MAX_FRAME_BYTES) {
			throw new InvalidInputException(header.file(), frameLabel(header) + "has " + total +
				" bytes of fragments, more than one array can hold");
		}
		byte[] data = new byte[(int) total];
		int position = 0;
		try (DicomInput in = DicomInput.open(header.file())) {
			for (long[] fragment : fragments) {
				in.seek(fragment[0]);
				byte[] bytes = in.bytes((int) fragment[1]);
				System.arraycopy(bytes, 0, data, position, bytes.length);
				position += bytes.length;
			}
		}
		return data;
	}

	/** Returns the fragment table of the header's file, computing it on first use. */
	static FrameTable frameTable(DicomHeader header) throws IOException {
		PixelDataLocation location = header.pixelData();
		synchronized (location) {
			FrameTable table = location.frameTable();
			if (table == null) {
				table = scan(header);
				location.frameTable(table);
			}
			return table;
		}
	}

	private static FrameTable scan(DicomHeader header) throws IOException {
		int frameCount = header.frames().size();
		try (DicomInput in = DicomInput.open(header.file())) {
			in.order(ByteOrder.LITTLE_ENDIAN);
			in.seek(header.pixelDataOffset());
			long[] offsets = readBasicOffsetTable(in);
			long firstFragment = in.position();
			List<long[]> fragments = readFragments(in);
			if (fragments.isEmpty()) {
				throw corrupt(in, "encapsulated Pixel Data has no fragments");
			}
			List<List<long[]>> frames;
			if (frameCount == 1) {
				frames = Collections.singletonList(fragments);
			} else if (offsets.length > 0) {
				frames = byOffsetTable(in, offsets, firstFragment, fragments, frameCount);
			} else {
				frames = byMarkers(in, header, fragments, frameCount);
			}
			return new FrameTable(frames);
		}
	}

	/** Reads the first item, the Basic Offset Table; returns its 32-bit offsets. */
	private static long[] readBasicOffsetTable(DicomInput in) throws IOException {
		in.context("the Basic Offset Table");
		long start = in.position();
		int tag = readTag(in);
		long length = in.u32();
		if (tag != DicomTag.ITEM) {
			throw corrupt(in, "encapsulated Pixel Data must start with the Basic Offset Table" +
				" item (FFFE,E000) but has " + DicomTag.toString(tag) + " at offset " + start);
		}
		if (length % 4 != 0 || length > in.remaining()) {
			throw corrupt(in, "the Basic Offset Table has an invalid length of " + length +
				" bytes at offset " + start);
		}
		long[] offsets = new long[(int) (length / 4)];
		for (int i = 0; i < offsets.length; i++) {
			offsets[i] = in.u32();
		}
		return offsets;
	}

	/** Reads fragment items up to the Sequence Delimitation Item; returns {offset, length} pairs. */
	private static List<long[]> readFragments(DicomInput in) throws IOException {
		List<long[]> fragments = new ArrayList<>();
		while (true) {
			long start = in.position();
			in.context("fragment " + (fragments.size() + 1) + " at offset " + start);
			int tag = readTag(in);
			long length = in.u32();
			if (tag == DicomTag.SEQUENCE_DELIMITATION) {
				return fragments;
			}
			if (tag != DicomTag.ITEM) {
				throw corrupt(in, "expected a fragment item (FFFE,E000) or the Sequence" +
					" Delimitation Item at offset " + start + ", found " + DicomTag.toString(tag));
			}
			if (length > in.remaining()) {
				throw corrupt(in, "fragment " + (fragments.size() + 1) + " at offset " + start +
					" declares " + length + " bytes but only " + in.remaining() + " remain in" +
					" the file");
			}
			fragments.add(new long[] { in.position(), length });
			in.skip(length);
		}
	}

	/**
	 * Splits fragments by the Basic Offset Table, whose offsets count from the
	 * first byte of the first fragment's item tag.
	 */
	private static List<List<long[]>> byOffsetTable(DicomInput in, long[] offsets,
		long firstFragment, List<long[]> fragments, int frameCount) throws InvalidInputException
	{
		if (offsets.length != frameCount) {
			throw corrupt(in, "the Basic Offset Table has " + offsets.length + " entries but the" +
				" image has " + frameCount + " frames");
		}
		List<List<long[]>> frames = new ArrayList<>();
		int next = 0;
		for (int f = 0; f < frameCount; f++) {
			long start = firstFragment + offsets[f];
			long end = f + 1 < frameCount ? firstFragment + offsets[f + 1] : Long.MAX_VALUE;
			// The item header of a fragment starts 8 bytes before its value.
			if (next >= fragments.size() || fragments.get(next)[0] - 8 != start || end <= start) {
				throw corrupt(in, "the Basic Offset Table entry " + offsets[f] + " of frame " +
					(f + 1) + " does not point to the start of a fragment item in order");
			}
			List<long[]> frame = new ArrayList<>();
			while (next < fragments.size() && fragments.get(next)[0] - 8 < end) {
				frame.add(fragments.get(next++));
			}
			frames.add(frame);
		}
		return frames;
	}

	/**
	 * Assigns fragments to frames without an offset table: one each when the
	 * counts agree, else by the start-of-image markers of JPEG and JPEG 2000.
	 */
	private static List<List<long[]>> byMarkers(DicomInput in, DicomHeader header,
		List<long[]> fragments, int frameCount) throws IOException
	{
		List<List<long[]>> frames = new ArrayList<>();
		if (fragments.size() == frameCount) {
			for (long[] fragment : fragments) {
				frames.add(Collections.singletonList(fragment));
			}
			return frames;
		}
		if (header.transferSyntax().compression() != DicomTransferSyntax.Compression.RLE) {
			for (long[] fragment : fragments) {
				if (frames.isEmpty() || fragment[1] >= 2 && startsFrame(in, fragment[0])) {
					frames.add(new ArrayList<>());
				}
				frames.get(frames.size() - 1).add(fragment);
			}
		}
		if (frames.size() != frameCount) {
			throw corrupt(in, fragments.size() + " fragments without a Basic Offset Table cannot" +
				" be split into " + frameCount + " frames");
		}
		return frames;
	}

	/** Returns whether a fragment starts with FF D8 (JPEG SOI) or FF 4F (JPEG 2000 SOC). */
	private static boolean startsFrame(DicomInput in, long offset) throws IOException {
		in.seek(offset);
		int first = in.u8();
		int second = in.u8();
		return first == 0xFF && (second == 0xD8 || second == 0x4F);
	}

	/** Checks a decoded frame against the header and returns its samples as unsigned words. */
	private static int[] checkedWords(DecodedFrame frame, PixelFormat format,
		DicomTransferSyntax syntax) throws CodecException
	{
		if (frame.width != format.columns || frame.height != format.rows) {
			throw new CodecException("the codestream is " + frame.width + " x " + frame.height +
				" pixels but Columns x Rows is " + format.columns + " x " + format.rows);
		}
		if (frame.precision > format.bitsAllocated) {
			throw new CodecException("the codestream has " + frame.precision + "-bit samples but" +
				" Bits Allocated is " + format.bitsAllocated);
		}
		int mask = (1 << format.bitsAllocated) - 1;
		int[] words = frame.samples;
		for (int i = 0; i < words.length; i++) {
			words[i] &= mask;
		}
		return words;
	}

	private static int readTag(DicomInput in) throws IOException {
		return in.u16() << 16 | in.u16();
	}

	private static String frameLabel(DicomHeader header) {
		return header.frames().size() > 1 ? "frame " + (header.frameIndex() + 1) + " " : "";
	}

	private static InvalidInputException corrupt(DicomInput in, String problem) {
		return new InvalidInputException(in.file(), "corrupt file: " + problem);
	}
}
