package org.ctheatmap.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/**
 * Writes tables as CSV text (RFC 4180 quoting, comma separator, "\n" line
 * ends, UTF-8 without byte order mark).
 * <p>
 * Cells are written as follows, numbers without exponent:
 * <ul>
 * <li>a {@code Double} rounded to {@link #SIGNIFICANT_DIGITS} significant
 * digits, trailing zeros dropped ("490", "-762.14928", "0.000015");</li>
 * <li>a {@code Float} as the shortest decimal that reads back to the same
 * float;</li>
 * <li>NaN, an infinity and null as an empty cell;</li>
 * <li>other numbers with {@code toString()};</li>
 * <li>anything else as the text of its {@code toString()}, in double quotes
 * when it contains a comma, a quote, a line break or leading or trailing
 * blanks.</li>
 * </ul>
 */
public final class CsvWriter {

	/**
	 * Significant digits of a double: more than any measured value carries,
	 * and few enough to drop binary rounding such as 200 x 1.225 giving
	 * 244.99999999999997.
	 */
	public static final int SIGNIFICANT_DIGITS = 12;

	private CsvWriter() {}

	/** Returns the CSV text of a header line and rows, each line ending in "\n". */
	public static String toCsv(List<String> headers, List<? extends List<?>> rows) {
		StringBuilder out = new StringBuilder();
		appendLine(out, headers);
		for (List<?> row : rows) {
			if (row.size() != headers.size()) {
				throw new IllegalArgumentException("A row has " + row.size() + " cells but the" +
					" table has " + headers.size() + " columns");
			}
			appendLine(out, row);
		}
		return out.toString();
	}

	/**
	 * Writes a table to a CSV file. The text goes to a temporary file in the
	 * same folder first, which then replaces {@code file}, so readers never see
	 * a half-written table. The file gets the default permissions of a new
	 * file in that folder.
	 *
	 * @throws NoSuchFileException naming the folder, if it does not exist
	 * @throws IOException if the folder is not writable or the move fails
	 * @throws IllegalArgumentException if a row's length differs from the
	 *           header's
	 */
	public static void write(List<String> headers, List<? extends List<?>> rows, Path file)
		throws IOException
	{
		byte[] bytes = toCsv(headers, rows).getBytes(StandardCharsets.UTF_8);
		Path folder = file.toAbsolutePath().getParent();
		if (!Files.isDirectory(folder)) {
			throw new NoSuchFileException(folder.toString(), null, "folder not found");
		}
		// A plain new file, unlike Files.createTempFile, gets the default permissions.
		Path temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() +
			".tmp");
		try {
			Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void appendLine(StringBuilder out, List<?> cells) {
		for (int c = 0; c < cells.size(); c++) {
			if (c > 0) out.append(',');
			out.append(cell(cells.get(c)));
		}
		out.append('\n');
	}

	/** Returns the CSV text of one cell, quoted where needed. */
	static String cell(Object value) {
		if (value == null) return "";
		if (value instanceof Double || value instanceof Float) {
			return number(((Number) value).doubleValue(), value instanceof Float);
		}
		if (value instanceof Number) return value.toString();
		String text = value.toString();
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf(
			'\n') >= 0 || text.indexOf('\r') >= 0 || !text.equals(text.trim());
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	private static String number(double value, boolean isFloat) {
		if (!Double.isFinite(value)) return "";
		if (value == 0) return "0";
		BigDecimal decimal = isFloat ? new BigDecimal(Float.toString((float) value))
			: new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS));
		return decimal.stripTrailingZeros().toPlainString();
	}
}
