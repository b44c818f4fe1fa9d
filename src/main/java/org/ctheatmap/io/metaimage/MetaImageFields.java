package org.ctheatmap.io.metaimage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.raw.RasterVolumeBuilder;
import org.ctheatmap.io.raw.VoxelType;

/** Typed access to MetaImage header values; each error names the file, the key and the value. */
final class MetaImageFields {

	private final Path file;
	private final MetaImageHeader h;

	MetaImageFields(Path file, MetaImageHeader h) {
		this.file = file;
		this.h = h;
	}

	String required(String key) throws InvalidInputException {
		String value = h.get(key);
		if (value == null) {
			throw new InvalidInputException(file, "the MetaImage header lacks the required key '" +
				key + "'");
		}
		return value;
	}

	long integer(String key, String value) throws InvalidInputException {
		try {
			return Long.parseLong(value.trim());
		} catch (NumberFormatException e) {
			throw invalid(key, value, "a whole number");
		}
	}

	/** Parses exactly {@code count} whole numbers of a required key. */
	long[] integers(String key, int count) throws InvalidInputException {
		String[] words = words(key, required(key), count);
		long[] result = new long[count];
		for (int n = 0; n < count; n++) {
			result[n] = integer(key, words[n]);
		}
		return result;
	}

	/** Parses exactly {@code count} numbers; NaN and infinities are kept for the caller to reject. */
	double[] numbers(String key, int count) throws InvalidInputException {
		String[] words = words(key, h.get(key), count);
		double[] result = new double[count];
		for (int n = 0; n < count; n++) {
			result[n] = number(key, words[n]);
		}
		return result;
	}

	/** Parses True or False (also 1 or 0); returns the default when the key is null or absent. */
	boolean bool(String key, boolean missing) throws InvalidInputException {
		String value = key == null ? null : h.get(key);
		if (value == null) return missing;
		switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true":
			case "1":
				return true;
			case "false":
			case "0":
				return false;
			default:
				throw invalid(key, value, "True or False");
		}
	}

	/**
	 * Returns the voxel type of the ElementType key.
	 *
	 * @throws InvalidInputException for 64-bit integers, vector types and
	 *           unknown names
	 */
	VoxelType elementType() throws InvalidInputException {
		String value = required("ElementType").trim();
		switch (value.toUpperCase(Locale.ROOT)) {
			case "MET_UCHAR":
				return VoxelType.UINT8;
			case "MET_CHAR":
				return VoxelType.INT8;
			case "MET_SHORT":
				return VoxelType.INT16;
			case "MET_USHORT":
				return VoxelType.UINT16;
			// MetaIO's metaTypes.h gives MET_LONG and MET_ULONG 4 bytes.
			case "MET_INT":
			case "MET_LONG":
				return VoxelType.INT32;
			case "MET_UINT":
			case "MET_ULONG":
				return VoxelType.UINT32;
			case "MET_FLOAT":
				return VoxelType.FLOAT32;
			case "MET_DOUBLE":
				return VoxelType.FLOAT64;
			case "MET_LONG_LONG":
			case "MET_ULONG_LONG":
				throw new InvalidInputException(file, "unsupported MetaImage ElementType " + value +
					": 64-bit integers cannot all be held as 32-bit HU");
			default:
				String hint = value.toUpperCase(Locale.ROOT).endsWith("_ARRAY")
					? ": images with several values per voxel are not CT" : "; supported are" +
						" MET_UCHAR, MET_CHAR, MET_SHORT, MET_USHORT, MET_INT, MET_UINT, MET_LONG," +
						" MET_ULONG, MET_FLOAT and MET_DOUBLE";
				throw new InvalidInputException(file, "unsupported MetaImage ElementType '" +
					MetaImageHeader.shorten(value) + "'" + hint);
		}
	}

	/**
	 * Builds the voxel-to-LPS affine of the first (up to) three axes from
	 * spacing, direction matrix, offset and DistanceUnits. A 2-D image gets a
	 * slice axis along the normal of its plane with a 1 mm step. Direction
	 * vectors are normalised, so ElementSpacing alone gives the voxel size.
	 *
	 * @param warnings receives the assumptions made; modified
	 * @throws InvalidInputException if a spacing is not positive and finite, or
	 *           the affine fails {@link RasterVolumeBuilder#checkAffine}
	 */
	double[][] affine(int dims, List<String> warnings) throws InvalidInputException {
		int spatial = Math.min(dims, 3);
		String spacingKey = h.first("ElementSpacing", "ElementSize");
		double[] spacing = spacingKey == null ? ones(dims) : numbers(spacingKey, dims);
		for (int a = 0; a < spatial; a++) {
			if (!(spacing[a] > 0) || Double.isInfinite(spacing[a])) {
				throw new InvalidInputException(file, "MetaImage " + spacingKey + " " + spacing[a] +
					" of axis " + a + " is invalid; the voxel spacing must be a positive number");
			}
		}
		String offsetKey = h.first("Offset", "Origin", "Position");
		double[] offset = offsetKey == null ? new double[dims] : numbers(offsetKey, dims);
		String matrixKey = h.first("TransformMatrix", "Rotation", "Orientation");
		double[] matrix = matrixKey == null ? identity(dims) : numbers(matrixKey, dims * dims);
		double unit = millimetresPerUnit(warnings);

		double[][] lps = new double[3][4];
		for (int c = 0; c < spatial; c++) {
			double norm = 0;
			for (int r = 0; r < spatial; r++) {
				norm += matrix[c * dims + r] * matrix[c * dims + r];
			}
			norm = Math.sqrt(norm);
			for (int r = 0; r < spatial; r++) {
				double direction = norm > 0 ? matrix[c * dims + r] / norm : matrix[c * dims + r];
				lps[r][c] = direction * spacing[c] * unit;
			}
		}
		for (int r = 0; r < spatial; r++) {
			lps[r][3] = offset[r] * unit;
		}
		if (dims == 2) {
			double[] normal = { 0, 0, lps[0][0] * lps[1][1] - lps[1][0] * lps[0][1] };
			lps[2][2] = normal[2] >= 0 ? 1 : -1;
		}
		RasterVolumeBuilder.checkAffine(file, lps, "MetaImage spacing, offset and transform" +
			" matrix values");
		return lps;
	}

	/**
	 * Returns {slope, offset} of ElementToIntensityFunctionSlope and Offset,
	 * {1, 0} when absent.
	 *
	 * @throws InvalidInputException if either is not finite or the slope is 0
	 */
	double[] rescale() throws InvalidInputException {
		double slope = h.get("ElementToIntensityFunctionSlope") == null ? 1 : number(
			"ElementToIntensityFunctionSlope", h.get("ElementToIntensityFunctionSlope"));
		double offset = h.get("ElementToIntensityFunctionOffset") == null ? 0 : number(
			"ElementToIntensityFunctionOffset", h.get("ElementToIntensityFunctionOffset"));
		if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(offset)) {
			throw new InvalidInputException(file, "MetaImage intensity scaling slope " + slope +
				", offset " + offset + " cannot convert stored values to HU; the slope must be" +
				" finite and not 0, the offset finite");
		}
		return new double[] { slope, offset };
	}

	private double millimetresPerUnit(List<String> warnings) {
		String value = h.get("DistanceUnits");
		if (value == null) return 1;
		switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "mm":
				return 1;
			case "cm":
				return 10;
			case "um":
				return 0.001;
			case "m":
				return 1000;
			default:
				warnings.add("Unknown MetaImage DistanceUnits '" + MetaImageHeader.shorten(value) +
					"'; millimetres are assumed");
				return 1;
		}
	}

	private double number(String key, String word) throws InvalidInputException {
		String lower = word.trim().toLowerCase(Locale.ROOT);
		if (lower.equals("nan")) return Double.NaN;
		if (lower.equals("inf")) return Double.POSITIVE_INFINITY;
		if (lower.equals("-inf")) return Double.NEGATIVE_INFINITY;
		// Java would also read "0x1p3" and "1d"; MetaImage writers use plain decimals only.
		if (!lower.matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?")) throw invalid(key, word, "a number");
		try {
			return Double.parseDouble(lower);
		} catch (NumberFormatException e) {
			throw invalid(key, word, "a number");
		}
	}

	private String[] words(String key, String value, int count) throws InvalidInputException {
		String trimmed = value.trim();
		String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
		if (words.length != count) {
			throw new InvalidInputException(file, "the MetaImage key '" + key + "' has " +
				words.length + " values ('" + MetaImageHeader.shorten(value) + "'), expected " +
				count);
		}
		return words;
	}

	private InvalidInputException invalid(String key, String value, String expected) {
		return new InvalidInputException(file, "invalid MetaImage " + key + ": '" +
			MetaImageHeader.shorten(value) + "' is not " + expected);
	}

	private static double[] ones(int n) {
		double[] result = new double[n];
		Arrays.fill(result, 1);
		return result;
	}

	private static double[] identity(int n) {
		double[] result = new double[n * n];
		for (int a = 0; a < n; a++) {
			result[a * n + a] = 1;
		}
		return result;
	}
}
