package org.ctheatmap.io.raw;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctheatmap.io.InvalidInputException;

/**
 * The data file names of a detached header, in the three forms that NRRD and
 * MetaImage share: one name; "LIST [subdim]" followed by one name per line;
 * or a printf-style pattern with one integer conversion and the numbers
 * {@code min max step [subdim]}, e.g. "slice%03d.raw 1 30 1". Each file holds
 * an equal share of the data: a block of the first {@code subdim} axes, by
 * default all axes but the slowest, so one slice per file.
 */
public final class DataFileNames {

	/** A pattern with exactly one integer conversion, such as %d or %03d, and no other. */
	private static final Pattern PRINTF = Pattern.compile("[^%]*%0?[0-9]{0,2}d[^%]*");

	/** The names in reading order; at least one. */
	public final List<String> files;

	private DataFileNames(List<String> files) {
		this.files = Collections.unmodifiableList(files);
	}

	/**
	 * Parses the data file value of a header.
	 *
	 * @param field the header field, for messages, e.g. "NRRD data file"
	 * @param value the field's value
	 * @param listed the names on the lines after a "LIST" value
	 * @param sizes all axis sizes of the image, fastest first
	 * @throws InvalidInputException if the pattern or subdim is invalid, or the
	 *           number of files does not match the sizes
	 */
	public static DataFileNames of(Path file, String field, String value, List<String> listed,
		long[] sizes) throws InvalidInputException
	{
		String[] words = value.trim().split("\\s+");
		if (words[0].toUpperCase(Locale.ROOT).equals("LIST")) {
			int subdim = subdim(file, field, words, 1, sizes);
			check(file, field, listed.size(), subdim, sizes);
			return new DataFileNames(new ArrayList<>(listed));
		}
		if (words.length >= 4 && words[0].contains("%")) {
			if (!PRINTF.matcher(words[0]).matches()) {
				throw new InvalidInputException(file, "invalid " + field + " pattern '" + words[0] +
					"'; it needs exactly one integer conversion such as %03d");
			}
			long min = number(file, field, words[1]);
			long max = number(file, field, words[2]);
			long step = number(file, field, words[3]);
			int subdim = subdim(file, field, words, 4, sizes);
			// Header numbers beyond +-2^62 would overflow the differences below.
			long limit = 1L << 62;
			boolean inRange = min > -limit && min < limit && max > -limit && max < limit;
			if (!inRange || step == 0 || (max - min) % step != 0 || (max - min) / step < 0) {
				throw new InvalidInputException(file, "invalid " + field + " numbers " + min + " " +
					max + " " + step + "; the step must lead from the first to the last number");
			}
			long count = (max - min) / step + 1;
			check(file, field, count, subdim, sizes);
			List<String> names = new ArrayList<>();
			for (long n = 0; n < count; n++) {
				names.add(String.format(Locale.ROOT, words[0], min + n * step));
			}
			return new DataFileNames(names);
		}
		return new DataFileNames(Collections.singletonList(value.trim()));
	}

	/** Reads the optional subdim at {@code words[at]}, e.g. "2" or MetaImage's "2D". */
	private static int subdim(Path file, String field, String[] words, int at, long[] sizes)
		throws InvalidInputException
	{
		if (words.length <= at) return sizes.length - 1;
		String word = words[at].toUpperCase(Locale.ROOT);
		if (word.endsWith("D")) word = word.substring(0, word.length() - 1);
		long subdim = number(file, field, word);
		if (subdim < 1 || subdim > sizes.length) {
			throw new InvalidInputException(file, "invalid " + field + " subdim " + words[at] +
				"; it must be 1 to " + sizes.length);
		}
		return (int) subdim;
	}

	/** Checks that the file count equals the number of blocks of the first subdim axes. */
	private static void check(Path file, String field, long count, int subdim, long[] sizes)
		throws InvalidInputException
	{
		long blocks = 1;
		for (int a = subdim; a < sizes.length; a++) {
			blocks *= sizes[a];
		}
		if (count != blocks) {
			throw new InvalidInputException(file, "the " + field + " list has " + count +
				" files, but the sizes need " + blocks + " (one per block of the first " + subdim +
				" axes)");
		}
	}

	private static long number(Path file, String field, String word)
		throws InvalidInputException
	{
		try {
			return Long.parseLong(word);
		} catch (NumberFormatException e) {
			throw new InvalidInputException(file, "invalid " + field + " value '" + word +
				"'; expected a whole number");
		}
	}
}
