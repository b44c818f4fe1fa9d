package org.ctheatmap.io.dicom;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.ctheatmap.io.InvalidInputException;

/**
 * Buffered reader of a file's bytes, or of the inflated bytes of a deflated
 * data set, in a chosen byte order.
 * <p>
 * A file is read at random positions. Every read and skip is checked against
 * the file length first, so a length field that points past the end raises an
 * {@link InvalidInputException} instead of allocating or looping. An inflated
 * stream has no known length: it is read forward only, with offsets counted
 * from the first inflated byte, and it ends with the same exception when the
 * stream ends early. Inflated bytes are consumed only as far as they are
 * read or skipped, so a stream that would expand without bound costs time
 * but no memory. Not thread-safe.
 */
final class DicomInput implements Closeable {

	private static final int BUFFER_BYTES = 64 * 1024;

	/** Size reported for a stream of unknown length; larger than any offset read. */
	private static final long UNKNOWN_SIZE = Long.MAX_VALUE / 2;

	private final Path file;
	private final FileChannel channel;
	private final long size;
	private final InflatedStream inflated;
	private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
	private long bufferStart;
	private long position;
	private String context = "the header";

	private DicomInput(Path file, FileChannel channel, InflatedStream inflated)
		throws IOException
	{
		this.file = file;
		this.channel = channel;
		this.inflated = inflated;
		this.size = inflated == null ? channel.size() : UNKNOWN_SIZE;
		buffer.limit(0);
	}

	static DicomInput open(Path file) throws IOException {
		return new DicomInput(file, FileChannel.open(file, StandardOpenOption.READ), null);
	}

	/**
	 * Opens the raw deflate stream (RFC 1951, no zlib header) that starts at
	 * {@code offset} of a file; positions count inflated bytes from 0.
	 */
	static DicomInput openInflated(Path file, long offset) throws IOException {
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
		return new DicomInput(file, channel, new InflatedStream(file, channel, offset));
	}

	/**
	 * Returns whether no byte is left. For an inflated stream this inflates
	 * ahead by up to one buffer.
	 */
	boolean atEnd() throws IOException {
		if (inflated == null) return position >= size;
		if (position < bufferStart + buffer.limit()) return false;
		return !fill(1);
	}

	Path file() {
		return file;
	}

	/** Returns the file length in bytes, or a huge value for an inflated stream. */
	long size() {
		return size;
	}

	/** Returns the offset of the next byte to read, from the start of the file. */
	long position() {
		return position;
	}

	long remaining() {
		return size - position;
	}

	void order(ByteOrder order) {
		buffer.order(order);
	}

	ByteOrder order() {
		return buffer.order();
	}

	/** Sets what is being read, e.g. "element (0028,0010)", for truncation messages. */
	void context(String text) {
		context = text;
	}

	/**
	 * Moves to an offset. An inflated stream moves back only within the
	 * buffer; a larger step back raises an {@link IllegalStateException},
	 * because the parser never needs one.
	 */
	void seek(long offset) throws InvalidInputException {
		if (offset < 0 || offset > size) {
			throw truncated(offset - position);
		}
		if (inflated != null && offset < bufferStart) {
			throw new IllegalStateException("cannot seek back to " + offset + " in an inflated" +
				" stream buffered from " + bufferStart);
		}
		position = offset;
	}

	void skip(long count) throws InvalidInputException {
		seek(position + count);
	}

	int u8() throws IOException {
		require(1);
		return buffer.get(index(1)) & 0xFF;
	}

	int u16() throws IOException {
		require(2);
		return buffer.getShort(index(2)) & 0xFFFF;
	}

	long u32() throws IOException {
		require(4);
		return buffer.getInt(index(4)) & 0xFFFFFFFFL;
	}

	/** Reads {@code count} bytes; the count is checked against the file length first. */
	byte[] bytes(int count) throws IOException {
		if (count > remaining()) {
			throw truncated(count);
		}
		byte[] result = new byte[count];
		if (count <= BUFFER_BYTES) {
			require(count);
			buffer.position(index(count));
			buffer.get(result);
			return result;
		}
		if (inflated != null) {
			for (int done = 0; done < count;) {
				int chunk = Math.min(count - done, BUFFER_BYTES);
				require(chunk);
				buffer.position(index(chunk));
				buffer.get(result, done, chunk);
				done += chunk;
			}
			return result;
		}
		ByteBuffer target = ByteBuffer.wrap(result);
		while (target.hasRemaining()) {
			if (channel.read(target, position + target.position()) < 0) {
				throw truncated(count);
			}
		}
		position += count;
		return result;
	}

	/** Returns the index in the buffer of the next byte and advances by {@code count}. */
	private int index(int count) {
		int index = (int) (position - bufferStart);
		position += count;
		return index;
	}

	/** Makes the next {@code count} bytes (at most the buffer size) available in the buffer. */
	private void require(int count) throws IOException {
		if (count > remaining()) {
			throw truncated(count);
		}
		if (!fill(count)) {
			throw truncated(count);
		}
	}

	/**
	 * Makes the next {@code count} bytes available in the buffer; returns
	 * false if the input ends before.
	 */
	private boolean fill(int count) throws IOException {
		long end = bufferStart + buffer.limit();
		if (position >= bufferStart && position + count <= end) {
			return true;
		}
		if (inflated != null) {
			return fillInflated(count);
		}
		buffer.clear();
		bufferStart = position;
		while (buffer.position() < count) {
			if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
				return false;
			}
		}
		buffer.flip();
		return true;
	}

	/** Keeps the buffered bytes from the position on and inflates after them. */
	private boolean fillInflated(int count) throws IOException {
		long end = bufferStart + buffer.limit();
		if (position > end) {
			// A skip went past the buffer: inflate and drop the bytes in between.
			inflated.discard(position - end, this);
			end = position;
			buffer.limit(0);
		}
		int keep = (int) (end - position);
		buffer.position(buffer.limit() - keep);
		buffer.compact();
		bufferStart = position;
		inflated.fill(buffer, count);
		buffer.flip();
		return buffer.limit() >= count;
	}

	private InvalidInputException truncated(long count) {
		if (inflated != null) {
			return new InvalidInputException(file, "truncated or corrupt file: " + context +
				" needs " + count + " bytes at offset " + position + " of the inflated data set," +
				" but the deflate stream ends before");
		}
		return new InvalidInputException(file, "truncated or corrupt file: " + context + " needs " +
			count + " bytes at offset " + position + " but the file ends at byte " + size);
	}

	@Override
	public void close() throws IOException {
		if (inflated != null) inflated.end();
		channel.close();
	}

	/** A raw deflate stream read from a file channel, inflated on demand. */
	private static final class InflatedStream {

		private final Path file;
		private final FileChannel channel;
		private final Inflater inflater = new Inflater(true);
		private final ByteBuffer compressed = ByteBuffer.allocate(BUFFER_BYTES);
		private long filePosition;
		private long inflatedCount;

		InflatedStream(Path file, FileChannel channel, long offset) {
			this.file = file;
			this.channel = channel;
			this.filePosition = offset;
			compressed.limit(0);
		}

		/** Inflates into the buffer's free space until it contains at least {@code count} bytes. */
		void fill(ByteBuffer target, int count) throws IOException {
			while (target.position() < count && target.hasRemaining()) {
				int n = inflate(target.array(), target.arrayOffset() + target.position(), target
					.remaining());
				if (n < 0) return;
				target.position(target.position() + n);
			}
		}

		void discard(long count, DicomInput owner) throws IOException {
			byte[] scratch = new byte[(int) Math.min(count, BUFFER_BYTES)];
			long left = count;
			while (left > 0) {
				int n = inflate(scratch, 0, (int) Math.min(left, scratch.length));
				if (n < 0) throw owner.truncated(left);
				left -= n;
			}
		}

		/** Inflates up to {@code length} bytes; returns the count, or -1 at the stream end. */
		private int inflate(byte[] target, int offset, int length) throws IOException {
			while (true) {
				int n;
				try {
					n = inflater.inflate(target, offset, length);
				} catch (DataFormatException e) {
					throw new InvalidInputException(file, "corrupt deflate stream after " +
						inflatedCount + " inflated bytes: " + e.getMessage(), e);
				}
				if (n > 0) {
					inflatedCount += n;
					return n;
				}
				if (inflater.finished() || inflater.needsDictionary()) return -1;
				if (!refill()) return -1;
			}
		}

		private boolean refill() throws IOException {
			compressed.clear();
			int n = channel.read(compressed, filePosition);
			if (n <= 0) return false;
			filePosition += n;
			compressed.flip();
			inflater.setInput(compressed.array(), 0, n);
			return true;
		}

		void end() {
			inflater.end();
		}
	}
}
