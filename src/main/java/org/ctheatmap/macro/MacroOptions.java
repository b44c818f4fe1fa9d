package org.ctheatmap.macro;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The key=value options string of an ImageJ macro {@code run} call, parsed
 * the way ImageJ 1 writes it: values with spaces are in square brackets, and
 * a checked checkbox is recorded as its bare key.
 * <p>
 * Keys are matched without regard to case, because ImageJ's recorder
 * lowercases the keys it writes while SciJava parameter names are camel case.
 */
final class MacroOptions {

	private final Map<String, String> values = new LinkedHashMap<>();

	MacroOptions(String options) {
		if (options == null) return;
		String text = options.trim();
		int i = 0;
		while (i < text.length()) {
			while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
			int keyStart = i;
			while (i < text.length() && text.charAt(i) != '=' && !Character.isWhitespace(text
				.charAt(i))) i++;
			String key = text.substring(keyStart, i).toLowerCase(Locale.ROOT);
			if (key.isEmpty()) break;
			if (i >= text.length() || text.charAt(i) != '=') {
				values.put(key, "true");
				continue;
			}
			i++;
			String value;
			if (i < text.length() && text.charAt(i) == '[') {
				int close = text.indexOf(']', i + 1);
				if (close < 0) {
					throw new IllegalArgumentException("Unclosed '[' in the value of '" + key +
						"' in macro options: " + options);
				}
				value = text.substring(i + 1, close);
				i = close + 1;
			} else {
				int start = i;
				while (i < text.length() && !Character.isWhitespace(text.charAt(i))) i++;
				value = text.substring(start, i);
			}
			values.put(key, value);
		}
	}

	/** Returns the value of a key, or null when the options do not give it. */
	String get(String key) {
		return values.get(key.toLowerCase(Locale.ROOT));
	}

	/** Returns the keys in the order given, lowercased. */
	Iterable<String> keys() {
		return values.keySet();
	}
}
