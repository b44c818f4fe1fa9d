package org.ctheatmap.io.badinput;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages file headers at random, reproducibly for a given {@link Random}:
 * byte and bit changes, boundary values at aligned offsets, insertions and
 * truncation for binary headers, and for text headers also replaced numbers
 * and deleted, repeated or swapped lines.
 */
final class HeaderMutator {

	/** 32-bit values at the edges of what header fields hold. */
	private static final int[] INTS = { 0, 1, -1, 2, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF,
		0x80000000, Float.floatToIntBits(Float.NaN), Float.floatToIntBits(
			Float.POSITIVE_INFINITY), Float.floatToIntBits(-1e30f), Float.floatToIntBits(1e-30f) };

	/** Replacements for numbers and words of text headers. */
	private static final String[] WORDS = { "0", "-1", "1", "nan", "inf", "-inf", "1e308",
		"-1e308", "4.9e-324", "99999999999999999999", "2147483648", "-2147483649", "65536", "",
		"(", "(1,2", "none", "LIST", "%d", "0x10", "1e", "..", "3 3", "\u00ff" };

	private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

	private final Random random;

	HeaderMutator(Random random) {
		this.random = random;
	}

	/**
	 * Returns a damaged copy of a file whose first {@code headerLength} bytes
	 * are its header; the input is not modified.
	 *
	 * @param text whether the header is text, so that line and number
	 *          mutations apply
	 */
	byte[] mutate(byte[] file, int headerLength, boolean text) {
		byte[] result = file.clone();
		int count = 1 + random.nextInt(3);
		for (int n = 0; n < count; n++) {
			int header = Math.min(headerLength, result.length);
			if (header == 0) break;
			int choice = random.nextInt(text ? 8 : 6);
			switch (choice) {
				case 0:
					result[random.nextInt(header)] = (byte) random.nextInt(256);
					break;
				case 1:
					result[random.nextInt(header)] ^= (byte) (1 << random.nextInt(8));
					break;
				case 2:
					result = boundaryValue(result, header);
					break;
				case 3:
					result = Arrays.copyOf(result, random.nextInt(result.length + 1));
					break;
				case 4:
					result = insert(result, random.nextInt(header + 1), randomBytes(1 + random
						.nextInt(8)));
					break;
				case 5:
					result[random.nextInt(header)] = random.nextBoolean() ? 0 : (byte) 0xFF;
					break;
				case 6:
					result = replaceWord(result, header);
					break;
				default:
					result = editLines(result, header);
			}
		}
		return result;
	}

	private byte[] boundaryValue(byte[] file, int header) {
		if (header < 4) return file;
		int offset = random.nextInt(header / 2) * 2;
		ByteBuffer b = ByteBuffer.wrap(file).order(random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN
			: ByteOrder.BIG_ENDIAN);
		int value = INTS[random.nextInt(INTS.length)];
		if (offset + 4 <= header && random.nextBoolean()) {
			b.putInt(offset, value);
		} else {
			b.putShort(offset, (short) value);
		}
		return file;
	}

	/** Replaces one number of the text header, or a random word, with an edge value. */
	private byte[] replaceWord(byte[] file, int header) {
		String head = new String(file, 0, header, StandardCharsets.ISO_8859_1);
		List<int[]> spans = new ArrayList<>();
		Matcher m = NUMBER.matcher(head);
		while (m.find()) {
			spans.add(new int[] { m.start(), m.end() });
		}
		if (spans.isEmpty()) return file;
		int[] span = spans.get(random.nextInt(spans.size()));
		String word = WORDS[random.nextInt(WORDS.length)];
		String changed = head.substring(0, span[0]) + word + head.substring(span[1]);
		return replaceHeader(file, header, changed);
	}

	/** Deletes, repeats or swaps lines of the text header. */
	private byte[] editLines(byte[] file, int header) {
		String head = new String(file, 0, header, StandardCharsets.ISO_8859_1);
		List<String> lines = new ArrayList<>(Arrays.asList(head.split("\n", -1)));
		if (lines.size() < 3) return file;
		// The last element is what follows the final newline; leave it in place.
		int a = random.nextInt(lines.size() - 1);
		int b = random.nextInt(lines.size() - 1);
		switch (random.nextInt(3)) {
			case 0:
				lines.remove(a);
				break;
			case 1:
				lines.add(a, lines.get(b));
				break;
			default:
				String line = lines.get(a);
				lines.set(a, lines.get(b));
				lines.set(b, line);
		}
		return replaceHeader(file, header, String.join("\n", lines));
	}

	private static byte[] replaceHeader(byte[] file, int header, String text) {
		byte[] head = text.getBytes(StandardCharsets.ISO_8859_1);
		byte[] result = Arrays.copyOf(head, head.length + file.length - header);
		System.arraycopy(file, header, result, head.length, file.length - header);
		return result;
	}

	private static byte[] insert(byte[] file, int at, byte[] bytes) {
		byte[] result = new byte[file.length + bytes.length];
		System.arraycopy(file, 0, result, 0, at);
		System.arraycopy(bytes, 0, result, at, bytes.length);
		System.arraycopy(file, at, result, at + bytes.length, file.length - at);
		return result;
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}
}
