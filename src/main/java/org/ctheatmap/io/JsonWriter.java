package org.ctheatmap.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes maps, lists, numbers, strings and booleans as indented JSON text
 * (RFC 8259), for sidecar files.
 * <p>
 * Mapping: a {@link Map} becomes an object with its keys' {@code toString()}
 * in iteration order; an {@link Iterable} or an array becomes an array;
 * {@code Integer}, {@code Long}, {@code Short} and {@code Byte} are written as
 * integers; a {@code Float} as the shortest decimal that reads back to the
 * same float, other {@link Number}s as the shortest decimal that reads back
 * to the same double ({@link Double#toString(double)}); NaN and infinities,
 * which JSON cannot express, become {@code null}; {@code null} is
 * {@code null}; anything else becomes the JSON string of its
 * {@code toString()}. An array of scalars goes on one line. Strings escape
 * the quote, the backslash and every control character below U+0020.
 */
public final class JsonWriter {

	private static final String INDENT = "  ";

	private JsonWriter() {}

	/** Returns the JSON text of a value, indented by two spaces per level. */
	public static String toJson(Object value) {
		StringBuilder out = new StringBuilder();
		append(out, value, 0);
		return out.toString();
	}

	/**
	 * Writes the JSON text of a value and a final newline to a file in UTF-8.
	 * The text goes to a temporary file in the same folder first, which then
	 * replaces {@code file}, so readers never see a half-written file.
	 *
	 * @throws IOException if the folder is not writable or the move fails
	 */
	public static void write(Object value, Path file) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		// A plain new file, unlike Files.createTempFile, gets the default permissions.
		Path temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() +
			".tmp");
		try {
			Files.write(temporary, (toJson(value) + "\n").getBytes(StandardCharsets.UTF_8),
				StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void append(StringBuilder out, Object value, int depth) {
		if (value == null) {
			out.append("null");
		} else if (value instanceof Map) {
			appendObject(out, (Map<?, ?>) value, depth);
		} else if (value instanceof Iterable) {
			appendArray(out, ((Iterable<?>) value).iterator(), depth);
		} else if (value.getClass().isArray()) {
			appendArray(out, arrayIterator(value), depth);
		} else if (value instanceof Boolean) {
			out.append(value);
		} else if (value instanceof Integer || value instanceof Long || value instanceof Short ||
			value instanceof Byte)
		{
			out.append(value);
		} else if (value instanceof Float) {
			float number = (Float) value;
			out.append(Float.isFinite(number) ? Float.toString(number) : "null");
		} else if (value instanceof Number) {
			double number = ((Number) value).doubleValue();
			out.append(Double.isFinite(number) ? Double.toString(number) : "null");
		} else {
			appendString(out, value.toString());
		}
	}

	private static void appendObject(StringBuilder out, Map<?, ?> map, int depth) {
		if (map.isEmpty()) {
			out.append("{}");
			return;
		}
		out.append("{\n");
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			indent(out, depth + 1);
			appendString(out, String.valueOf(entry.getKey()));
			out.append(": ");
			append(out, entry.getValue(), depth + 1);
			out.append(entries.hasNext() ? ",\n" : "\n");
		}
		indent(out, depth);
		out.append('}');
	}

	/** Writes an array of scalars on one line and any other array one item per line. */
	private static void appendArray(StringBuilder out, Iterator<?> items, int depth) {
		List<Object> list = new ArrayList<>();
		items.forEachRemaining(list::add);
		if (list.isEmpty()) {
			out.append("[]");
			return;
		}
		boolean scalars = list.stream().noneMatch(JsonWriter::isContainer);
		out.append(scalars ? "[" : "[\n");
		for (int n = 0; n < list.size(); n++) {
			if (!scalars) indent(out, depth + 1);
			append(out, list.get(n), depth + 1);
			boolean last = n == list.size() - 1;
			if (scalars) {
				out.append(last ? "" : ", ");
			} else {
				out.append(last ? "\n" : ",\n");
			}
		}
		if (!scalars) indent(out, depth);
		out.append(']');
	}

	private static boolean isContainer(Object value) {
		return value instanceof Map || value instanceof Iterable || value != null && value
			.getClass().isArray();
	}

	private static Iterator<Object> arrayIterator(Object array) {
		int length = Array.getLength(array);
		return new Iterator<Object>() {

			private int next;

			@Override
			public boolean hasNext() {
				return next < length;
			}

			@Override
			public Object next() {
				return Array.get(array, next++);
			}
		};
	}

	private static void appendString(StringBuilder out, String text) {
		out.append('"');
		for (int n = 0; n < text.length(); n++) {
			char c = text.charAt(n);
			switch (c) {
				case '"':
					out.append("\\\"");
					break;
				case '\\':
					out.append("\\\\");
					break;
				case '\n':
					out.append("\\n");
					break;
				case '\r':
					out.append("\\r");
					break;
				case '\t':
					out.append("\\t");
					break;
				case '\b':
					out.append("\\b");
					break;
				case '\f':
					out.append("\\f");
					break;
				default:
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					} else {
						out.append(c);
					}
			}
		}
		out.append('"');
	}

	private static void indent(StringBuilder out, int depth) {
		for (int n = 0; n < depth; n++) {
			out.append(INDENT);
		}
	}
}
