package org.ctheatmap.io.dicom;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.ctheatmap.io.InvalidInputException;

/**
 * Buffered random-access reader of a file's bytes in a chosen byte order.
 * <p>
 * Every read and skip is checked against the file length first, so a length
 * field that points past the end raises an {@link InvalidInputException}
 * instead of allocating or looping. Not thread-safe.
 */
final class DicomInput implements Closeable {

	private static final int BUFFER_BYTES = 64 * 1024;

	private final Path file;
	private final FileChannel channel;
	private final long size;
	private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
	private long bufferStart;
	private long position;
	private String context = "the header";

	private DicomInput(Path file, FileChannel channel) throws IOException {
		this.file = file;
		this.channel = channel;
		this.size = channel.size();
		buffer.limit(0);
	}

	static DicomInput open(Path file) throws IOException {
		return new DicomInput(file, FileChannel.open(file, StandardOpenOption.READ));
	}

	Path file() {
		return file;
	}

	/** Returns the file length in bytes. */
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

	void seek(long offset) throws InvalidInputException {
		if (offset < 0 || offset > size) {
			throw truncated(offset - position);
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
		long end = bufferStart + buffer.limit();
		if (position >= bufferStart && position + count <= end) {
			return;
		}
		buffer.clear();
		bufferStart = position;
		while (buffer.position() < count) {
			if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
				throw truncated(count);
			}
		}
		buffer.flip();
	}

	private InvalidInputException truncated(long count) {
		return new InvalidInputException(file, "truncated or corrupt file: " + context + " needs " +
			count + " bytes at offset " + position + " but the file ends at byte " + size);
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
