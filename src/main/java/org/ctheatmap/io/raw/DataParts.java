package org.ctheatmap.io.raw;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.ctheatmap.io.InvalidInputException;

/**
 * The voxel data of an image as one stream over one or more data files, read
 * in order. Each file contributes an exact number of decoded bytes; reading
 * stops there even when a compressed stream would expand further. Errors name
 * the data file: truncated data, invalid compressed data, a missing file.
 * <p>
 * Offsets follow NRRD's rules, which cover MetaImage too: a number of text
 * lines is skipped first, then a number of bytes. For compressed data the
 * byte skip applies to the decompressed stream; for raw data a byte skip of
 * -1 means the data end at the end of the file.
 */
public final class DataParts extends InputStream {

	private static final int BUFFER = 1 << 16;

	private final List<Part> parts;
	private int next;
	private Part current;
	private InputStream stream;
	private long left;

	private DataParts(List<Part> parts) {
		this.parts = new ArrayList<>(parts);
	}

	/** Returns a stream over the given parts, in order. */
	public static DataParts of(List<Part> parts) {
		return new DataParts(parts);
	}

	/** Returns a stream over one part. */
	public static DataParts of(Part part) {
		return new DataParts(Collections.singletonList(part));
	}

	/**
	 * Checks, before any voxel array is allocated, that each file is long enough
	 * for its share of the data: raw data byte for byte, compressed data by the
	 * largest expansion of deflate.
	 *
	 * @throws InvalidInputException naming the first file that cannot hold its
	 *           data
	 */
	public void checkAvailable() throws IOException {
		for (Part part : parts) {
			part.checkAvailable();
		}
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) return 0;
		while (left == 0) {
			if (!openNext()) return -1;
		}
		int n;
		try {
			n = stream.read(buffer, offset, (int) Math.min(length, left));
		} catch (ZipException e) {
			throw new InvalidInputException(current.file, "invalid " + current.encoding +
				" data: " + e.getMessage(), e);
		} catch (EOFException e) {
			// The inflater throws this when the compressed stream itself is cut off.
			throw current.truncated(current.bytes - left, e);
		}
		if (n < 0) throw current.truncated(current.bytes - left, null);
		left -= n;
		return n;
	}

	@Override
	public void close() throws IOException {
		if (stream != null) stream.close();
		stream = null;
		next = parts.size();
	}

	private boolean openNext() throws IOException {
		if (stream != null) stream.close();
		stream = null;
		if (next >= parts.size()) return false;
		current = parts.get(next++);
		stream = current.open();
		left = current.bytes;
		return true;
	}

	/** One data file: where its data start, how they are encoded and how many bytes they give. */
	public static final class Part {

		final Path file;
		final Encoding encoding;
		/** Byte offset of the data in the file as stored, before decompression. */
		final long fileOffset;
		/** Bytes skipped after decompression; 0 for raw data. */
		final long decodedSkip;
		/** Decoded bytes that this file contributes. */
		final long bytes;

		private Part(Path file, Encoding encoding, long fileOffset, long decodedSkip,
			long bytes)
		{
			this.file = file;
			this.encoding = encoding;
			this.fileOffset = fileOffset;
			this.decodedSkip = decodedSkip;
			this.bytes = bytes;
		}

		/**
		 * Describes the data of one file.
		 *
		 * @param file a regular file
		 * @param start byte offset where the data section begins, e.g. after an
		 *          attached header; 0 for a separate data file
		 * @param lineSkip text lines skipped from {@code start}; at least 0
		 * @param byteSkip bytes skipped after the lines (after decompression for
		 *          compressed data), or -1 for raw data that end at the end of
		 *          the file
		 * @param bytes decoded bytes of voxel data in this file
		 * @throws InvalidInputException naming the file if it is missing, not a
		 *           regular file, shorter than the skips, or a skip is invalid
		 */
		public static Part of(Path file, long start, long lineSkip, long byteSkip,
			Encoding encoding, long bytes) throws IOException
		{
			if (!Files.exists(file)) throw new InvalidInputException(file, "data file not found");
			if (!Files.isRegularFile(file)) {
				throw new InvalidInputException(file, "the data file is not a regular file");
			}
			if (lineSkip < 0) {
				throw new InvalidInputException(file, "invalid line skip " + lineSkip +
					"; it must be 0 or more");
			}
			if (byteSkip < -1 || byteSkip == -1 && encoding.compressed()) {
				throw new InvalidInputException(file, "invalid byte skip " + byteSkip + " for " +
					encoding + " data; it must be 0 or more" + (encoding.compressed() ? ""
						: ", or -1 for data at the end of the file"));
			}
			long length = Files.size(file);
			long offset = start + lineBytes(file, start, lineSkip, length);
			if (byteSkip == -1) {
				offset = Math.max(offset, length - bytes);
			} else if (!encoding.compressed()) {
				offset += byteSkip;
			}
			long decodedSkip = encoding.compressed() ? byteSkip : 0;
			return new Part(file, encoding, offset, decodedSkip, bytes);
		}

		void checkAvailable() throws IOException {
			long available = Files.size(file) - fileOffset;
			long needed = bytes + decodedSkip;
			if (!encoding.compressed() && available < needed) {
				throw new InvalidInputException(file, "the header describes " + bytes +
					" bytes of voxel data from byte " + fileOffset + ", but the file has only " +
					Math.max(0, available) + " bytes there");
			}
			if (encoding.compressed() && available < needed / RasterShape.MAX_DEFLATE_RATIO) {
				throw new InvalidInputException(file, "the header describes " + bytes +
					" bytes of voxel data, more than the " + Math.max(0, available) + " bytes of " +
					encoding + " data from byte " + fileOffset + " can hold");
			}
		}

		InputStream open() throws IOException {
			SeekableByteChannel channel;
			try {
				channel = Files.newByteChannel(file);
			} catch (NoSuchFileException e) {
				throw new InvalidInputException(file, "data file not found", e);
			}
			InputStream in = Channels.newInputStream(channel);
			try {
				if (fileOffset > channel.size()) {
					throw new InvalidInputException(file, "the file ends before the data start at" +
						" byte " + fileOffset);
				}
				channel.position(fileOffset);
				in = new BufferedInputStream(in, BUFFER);
				if (encoding.compressed()) {
					in = inflating(in);
					skip(in, decodedSkip, "the decompressed data end within the byte skip of " +
						decodedSkip);
				}
				return in;
			} catch (IOException | RuntimeException e) {
				in.close();
				throw e;
			}
		}

		private InputStream inflating(InputStream in) throws IOException {
			try {
				in.mark(2);
				boolean gzipMagic = in.read() == 0x1f && in.read() == 0x8b;
				in.reset();
				if (encoding == Encoding.GZIP || gzipMagic) return new GZIPInputStream(in, BUFFER);
				Inflater inflater = new Inflater();
				// A stream given its own Inflater does not end it, which frees native memory.
				return new InflaterInputStream(in, inflater, BUFFER) {
					@Override
					public void close() throws IOException {
						super.close();
						inflater.end();
					}
				};
			} catch (ZipException e) {
				throw new InvalidInputException(file, "invalid " + encoding + " data: " + e
					.getMessage(), e);
			} catch (EOFException e) {
				throw truncated(0, e);
			}
		}

		private void skip(InputStream in, long count, String problem) throws IOException {
			byte[] buffer = new byte[8192];
			long remaining = count;
			try {
				while (remaining > 0) {
					int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
					if (n < 0) throw new InvalidInputException(file, problem);
					remaining -= n;
				}
			} catch (ZipException e) {
				throw new InvalidInputException(file, "invalid " + encoding + " data: " + e
					.getMessage(), e);
			} catch (EOFException e) {
				throw truncated(0, e);
			}
		}

		InvalidInputException truncated(long present, Throwable cause) {
			String kind = encoding.compressed() ? "truncated " + encoding + " data" :
				"truncated voxel data";
			return new InvalidInputException(file, kind + ": the header describes " + bytes +
				" bytes in this file but only " + present + " are present", cause);
		}

		/** Returns the length of the first {@code lines} text lines from {@code start}. */
		private static long lineBytes(Path file, long start, long lines, long length)
			throws IOException
		{
			if (lines == 0) return 0;
			long position = start;
			long found = 0;
			try (SeekableByteChannel channel = Files.newByteChannel(file)) {
				if (start > channel.size()) {
					throw new InvalidInputException(file, "the file ends before the data start");
				}
				channel.position(start);
				InputStream in = new BufferedInputStream(Channels.newInputStream(channel), BUFFER);
				int b;
				while (found < lines && (b = in.read()) >= 0) {
					position++;
					if (b == '\n') found++;
				}
			}
			if (found < lines) {
				throw new InvalidInputException(file, "the file has fewer than the " + lines +
					" lines to skip before the data (file length " + length + " bytes)");
			}
			return position - start;
		}
	}
}
