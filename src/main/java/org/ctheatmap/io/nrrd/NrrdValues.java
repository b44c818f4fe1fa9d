package org.ctheatmap.io.nrrd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.raw.Encoding;
import org.ctheatmap.io.raw.VoxelType;

/** Parsers for NRRD field values; each error names the file, the field and the value. */
final class NrrdValues {

	private NrrdValues() {}

	/** Parses a whole number, e.g. "dimension: 3". */
	static long integer(Path file, String field, String value) throws InvalidInputException {
		try {
			return Long.parseLong(value.trim());
		} catch (NumberFormatException e) {
			throw invalid(file, field, value, "a whole number");
		}
	}

	/** Parses exactly {@code count} whole numbers separated by blanks. */
	static long[] integers(Path file, String field, String value, int count)
		throws InvalidInputException
	{
		String[] words = words(value);
		if (words.length != count) {
			throw new InvalidInputException(file, "the NRRD field '" + field + "' has " +
				words.length + " values ('" + NrrdHeader.shorten(value) + "'), expected " + count);
		}
		long[] result = new long[count];
		for (int n = 0; n < count; n++) {
			result[n] = integer(file, field, words[n]);
		}
		return result;
	}

	/** Parses exactly {@code count} numbers separated by blanks; "nan" gives NaN. */
	static double[] numbers(Path file, String field, String value, int count)
		throws InvalidInputException
	{
		String[] words = words(value);
		if (words.length != count) {
			throw new InvalidInputException(file, "the NRRD field '" + field + "' has " +
				words.length + " values ('" + NrrdHeader.shorten(value) + "'), expected " + count);
		}
		double[] result = new double[count];
		for (int n = 0; n < count; n++) {
			result[n] = number(file, field, words[n]);
		}
		return result;
	}

	/** Parses a number; "nan" gives NaN and "inf" or "-inf" an infinity. */
	static double number(Path file, String field, String word) throws InvalidInputException {
		String lower = word.trim().toLowerCase(Locale.ROOT);
		if (lower.equals("nan")) return Double.NaN;
		if (lower.equals("inf") || lower.equals("+inf")) return Double.POSITIVE_INFINITY;
		if (lower.equals("-inf")) return Double.NEGATIVE_INFINITY;
		try {
			// Java would also read "0x1p3" and "1d"; NRRD writers use plain decimals only.
			if (!lower.matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?")) throw new NumberFormatException();
			return Double.parseDouble(lower);
		} catch (NumberFormatException e) {
			throw invalid(file, field, word, "a number");
		}
	}

	/**
	 * Parses a list of vectors such as "(1,0,0) (0,1,0) none"; "none" gives
	 * null. Blanks may appear inside the brackets.
	 *
	 * @param dimension number of components of each vector
	 */
	static List<double[]> vectors(Path file, String field, String value, int dimension)
		throws InvalidInputException
	{
		List<double[]> result = new ArrayList<>();
		int n = 0;
		while (n < value.length()) {
			char c = value.charAt(n);
			if (Character.isWhitespace(c)) {
				n++;
			} else if (c == '(') {
				int close = value.indexOf(')', n);
				if (close < 0) throw invalid(file, field, value, "vectors in brackets");
				String[] parts = value.substring(n + 1, close).split(",", -1);
				if (parts.length != dimension) {
					throw new InvalidInputException(file, "the NRRD field '" + field + "' has a" +
						" vector with " + parts.length + " components, expected " + dimension +
						" (the space dimension)");
				}
				double[] vector = new double[dimension];
				for (int a = 0; a < dimension; a++) {
					vector[a] = number(file, field, parts[a]);
				}
				result.add(vector);
				n = close + 1;
			} else if (value.regionMatches(true, n, "none", 0, 4)) {
				result.add(null);
				n += 4;
			} else {
				throw invalid(file, field, value, "vectors such as (1,0,0) or 'none'");
			}
		}
		return result;
	}

	/** Parses blank-separated words, each optionally in double quotes. */
	static List<String> quoted(String value) {
		List<String> result = new ArrayList<>();
		int n = 0;
		while (n < value.length()) {
			char c = value.charAt(n);
			if (Character.isWhitespace(c)) {
				n++;
			} else if (c == '"') {
				int close = value.indexOf('"', n + 1);
				int end = close < 0 ? value.length() : close;
				result.add(value.substring(n + 1, end));
				n = end + 1;
			} else {
				int end = n;
				while (end < value.length() && !Character.isWhitespace(value.charAt(end))) end++;
				result.add(value.substring(n, end));
				n = end;
			}
		}
		return result;
	}

	/**
	 * Returns the voxel type of a NRRD type name such as "short", "uint16" or
	 * "unsigned char".
	 *
	 * @throws InvalidInputException for 64-bit integers, "block" and unknown names
	 */
	static VoxelType type(Path file, String name) throws InvalidInputException {
		String key = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		switch (key) {
			case "signed char": case "int8": case "int8_t":
				return VoxelType.INT8;
			case "uchar": case "unsigned char": case "uint8": case "uint8_t":
				return VoxelType.UINT8;
			case "short": case "short int": case "signed short": case "signed short int":
			case "int16": case "int16_t":
				return VoxelType.INT16;
			case "ushort": case "unsigned short": case "unsigned short int": case "uint16":
			case "uint16_t":
				return VoxelType.UINT16;
			case "int": case "signed int": case "int32": case "int32_t":
				return VoxelType.INT32;
			case "uint": case "unsigned int": case "uint32": case "uint32_t":
				return VoxelType.UINT32;
			case "float":
				return VoxelType.FLOAT32;
			case "double":
				return VoxelType.FLOAT64;
			case "longlong": case "long long": case "long long int": case "signed long long":
			case "signed long long int": case "int64": case "int64_t": case "ulonglong":
			case "unsigned long long": case "unsigned long long int": case "uint64":
			case "uint64_t":
				throw new InvalidInputException(file, "unsupported NRRD type '" + name +
					"': 64-bit integers cannot all be held as 32-bit HU");
			default:
				throw new InvalidInputException(file, "unsupported NRRD type '" + NrrdHeader
					.shorten(name) + "'; supported are the signed and unsigned 8-, 16- and 32-bit" +
					" integers, float and double");
		}
	}

	/**
	 * Returns the encoding of a NRRD encoding name: "raw", or "gzip" or "gz".
	 *
	 * @throws InvalidInputException naming the unsupported encodings
	 */
	static Encoding encoding(Path file, String name) throws InvalidInputException {
		String key = name.trim().toLowerCase(Locale.ROOT);
		switch (key) {
			case "raw":
				return Encoding.RAW;
			case "gzip": case "gz":
				return Encoding.GZIP;
			case "bzip2": case "bz2": case "ascii": case "text": case "txt": case "hex":
				throw new InvalidInputException(file, "unsupported NRRD encoding '" + name +
					"'; supported are raw and gzip (resave the file with raw or gzip encoding," +
					" e.g. in 3D Slicer)");
			default:
				throw new InvalidInputException(file, "unknown NRRD encoding '" + NrrdHeader
					.shorten(name) + "'; supported are raw and gzip");
		}
	}

	private static String[] words(String value) {
		String trimmed = value.trim();
		return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
	}

	private static InvalidInputException invalid(Path file, String field, String value,
		String expected)
	{
		return new InvalidInputException(file, "invalid NRRD field '" + field + "': '" +
			NrrdHeader.shorten(value) + "' is not " + expected);
	}
}
