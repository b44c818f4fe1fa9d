package org.ctheatmap.io.nrrd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.raw.RasterVolumeBuilder;

/**
 * The patient geometry of a NRRD header: which axes are spatial, which one
 * contains the time points, and the voxel-to-LPS affine of the spatial axes.
 * <p>
 * With "space directions", an axis with a direction is spatial and one with
 * "none" is not; the direction's length is the voxel step. The named spaces
 * become LPS by negating x for right-handed-x spaces and y for anterior ones
 * (RAS negates x and y, LAS only y). "scanner-xyz" and the "3D-...-handed"
 * spaces have no anatomical meaning; they are taken as LPS with a warning.
 * Without space directions, the first three axes are spatial along x, y and
 * z with the "spacings" values (1 mm where missing) and a warning that the
 * orientation is unknown.
 * <p>
 * Supported layouts: two or three spatial axes, before any non-spatial axis
 * of size above 1; at most one such axis, whose size is the number of time
 * points. A 2-D image gets one slice whose normal is the cross product of
 * its two directions, with a 1 mm step.
 */
final class NrrdGeometry {

	/** Kinds of axes whose samples are components of one value, e.g. colour channels. */
	private static final List<String> COMPONENT_KINDS = Arrays.asList("vector",
		"covariant-vector", "normal", "point", "stub", "scalar", "complex", "2-vector",
		"3-vector", "4-vector", "3-gradient", "3-normal", "quaternion", "3-color", "rgb-color",
		"hsv-color", "xyz-color", "4-color", "rgba-color", "2d-symmetric-matrix",
		"2d-masked-symmetric-matrix", "2d-matrix", "2d-masked-matrix", "3d-symmetric-matrix",
		"3d-masked-symmetric-matrix", "3d-matrix", "3d-masked-matrix");

	/** Voxel counts along stored i, j, k. */
	final long[] size = { 1, 1, 1 };
	/** Size of the non-spatial axis, or 1. */
	long frames = 1;
	/** Voxel-to-patient affine in LPS mm, 3 rows of 4. */
	final double[][] lps = new double[3][4];
	/** The space as written, or "none". */
	String space = "none";
	final List<String> warnings = new ArrayList<>();

	private NrrdGeometry() {}

	/**
	 * Reads the geometry of a header whose dimension and sizes are validated.
	 *
	 * @throws InvalidInputException if the space is unknown, a per-axis field
	 *           has the wrong number of entries, the layout is not supported, a
	 *           value is not finite or the axes do not span 3-D space
	 */
	static NrrdGeometry of(Path file, NrrdHeader h, long[] sizes) throws InvalidInputException {
		NrrdGeometry g = new NrrdGeometry();
		int spaceDimension = g.spaceDimension(file, h);
		List<double[]> directions = null;
		if (spaceDimension > 0 && h.has("space directions")) {
			directions = NrrdValues.vectors(file, "space directions", h.get("space directions"),
				spaceDimension);
			if (directions.size() != sizes.length) {
				throw new InvalidInputException(file, "the NRRD field 'space directions' has " +
					directions.size() + " entries, expected one per axis (" + sizes.length + ")");
			}
		} else if (spaceDimension > 0) {
			g.warnings.add("The NRRD header gives a space but no space directions; the voxel" +
				" axes are taken as x, y, z with the 'spacings' values");
		}
		rejectComponentAxes(file, h, sizes);
		boolean[] spatial = spatialAxes(file, sizes.length, directions);
		int[] spatialIndex = g.assignAxes(file, sizes, spatial);
		if (directions != null) {
			g.fromDirections(file, h, directions, spatialIndex, spaceDimension);
		} else {
			g.fromSpacings(file, h, sizes.length, spatialIndex);
		}
		if (spatialIndex[2] < 0) g.addNormal();
		RasterVolumeBuilder.checkAffine(file, g.lps, "NRRD space directions and origin");
		return g;
	}

	/** Returns the space dimension from "space" or "space dimension", or 0 for neither. */
	private int spaceDimension(Path file, NrrdHeader h) throws InvalidInputException {
		if (h.has("space") && h.has("space dimension")) {
			throw new InvalidInputException(file, "the NRRD header gives both 'space' and" +
				" 'space dimension'; the format allows only one");
		}
		if (h.has("space dimension")) {
			long value = NrrdValues.integer(file, "space dimension", h.get("space dimension"));
			if (value != 3) {
				throw new InvalidInputException(file, "NRRD space dimension " + value +
					" is not supported; CT needs 3");
			}
			space = "space dimension 3";
			warnings.add("The NRRD header gives a space dimension but no named space; the" +
				" world axes are taken as LPS (patient left, posterior, superior)");
			return 3;
		}
		if (!h.has("space")) return 0;
		space = h.get("space");
		switch (space.toLowerCase(Locale.ROOT)) {
			case "right-anterior-superior": case "ras":
			case "left-anterior-superior": case "las":
			case "left-posterior-superior": case "lps":
				return 3;
			case "right-anterior-superior-time": case "rast":
			case "left-anterior-superior-time": case "last":
			case "left-posterior-superior-time": case "lpst":
				return 4;
			case "scanner-xyz": case "3d-right-handed": case "3d-left-handed":
				warnings.add("The NRRD space '" + space + "' is not tied to the patient; it is" +
					" taken as LPS (patient left, posterior, superior)");
				return 3;
			case "scanner-xyz-time": case "3d-right-handed-time": case "3d-left-handed-time":
				warnings.add("The NRRD space '" + space + "' is not tied to the patient; it is" +
					" taken as LPS (patient left, posterior, superior)");
				return 4;
			default:
				throw new InvalidInputException(file, "unknown NRRD space '" + NrrdHeader.shorten(
					space) + "'; expected e.g. left-posterior-superior or right-anterior-superior");
		}
	}

	/** Returns the signs that turn the space's x, y, z into LPS. */
	private double[] toLps() {
		String key = space.toLowerCase(Locale.ROOT);
		if (key.startsWith("right-anterior") || key.startsWith("ras")) {
			return new double[] { -1, -1, 1 };
		}
		if (key.startsWith("left-anterior") || key.startsWith("las")) {
			return new double[] { 1, -1, 1 };
		}
		return new double[] { 1, 1, 1 };
	}

	private static void rejectComponentAxes(Path file, NrrdHeader h, long[] sizes)
		throws InvalidInputException
	{
		if (!h.has("kinds")) return;
		List<String> kinds = NrrdValues.quoted(h.get("kinds"));
		if (kinds.size() != sizes.length) {
			throw new InvalidInputException(file, "the NRRD field 'kinds' has " + kinds.size() +
				" entries, expected one per axis (" + sizes.length + ")");
		}
		for (int a = 0; a < sizes.length; a++) {
			if (sizes[a] > 1 && COMPONENT_KINDS.contains(kinds.get(a).toLowerCase(Locale.ROOT))) {
				throw new InvalidInputException(file, "axis " + a + " has kind '" + kinds.get(a) +
					"' and size " + sizes[a] + ": images with several values per voxel are not" +
					" CT; extract one component first");
			}
		}
	}

	/**
	 * Marks the axes with a spatial direction, or the first three axes without
	 * directions. A direction with only a time component marks a time axis.
	 *
	 * @throws InvalidInputException if a direction is all zeros, a zero voxel step
	 */
	private static boolean[] spatialAxes(Path file, int dimension, List<double[]> directions)
		throws InvalidInputException
	{
		boolean[] spatial = new boolean[dimension];
		for (int a = 0; a < dimension; a++) {
			if (directions == null) {
				spatial[a] = a < 3;
				continue;
			}
			double[] d = directions.get(a);
			if (d == null) continue;
			spatial[a] = d[0] != 0 || d[1] != 0 || d[2] != 0;
			boolean time = d.length > 3 && d[3] != 0;
			if (!spatial[a] && !time) {
				throw new InvalidInputException(file, "the NRRD space direction of axis " + a +
					" is zero; the voxel spacing must be positive");
			}
		}
		return spatial;
	}

	/**
	 * Sets the stored sizes and the number of time points, and returns for
	 * stored axes i, j, k the NRRD axis each one is (-1 for a missing k).
	 */
	private int[] assignAxes(Path file, long[] sizes, boolean[] spatial)
		throws InvalidInputException
	{
		int[] index = { -1, -1, -1 };
		int count = 0;
		int other = -1;
		for (int a = 0; a < sizes.length; a++) {
			if (spatial[a]) {
				if (count == 3) {
					throw new InvalidInputException(file, "more than three NRRD axes have space" +
						" directions");
				}
				if (other >= 0) {
					throw new InvalidInputException(file, "non-spatial axis " + other + " (size " +
						sizes[other] + ") comes before spatial axis " + a + "; only images whose" +
						" time points are the slowest axis are supported");
				}
				index[count] = a;
				size[count++] = sizes[a];
			} else if (sizes[a] > 1) {
				if (other >= 0) {
					throw new InvalidInputException(file, "NRRD axes " + other + " and " + a +
						" are both non-spatial with sizes above 1; at most one (time) is supported");
				}
				other = a;
				frames = sizes[a];
			}
		}
		if (count < 2) {
			throw new InvalidInputException(file, "the NRRD image has " + count +
				" spatial axes; a CT image needs 2 or 3");
		}
		return index;
	}

	private void fromDirections(Path file, NrrdHeader h, List<double[]> directions,
		int[] spatialIndex, int spaceDimension) throws InvalidInputException
	{
		double[] sign = toLps();
		double[] unit = units(file, h, spaceDimension);
		double[] origin = new double[spaceDimension];
		if (h.has("space origin")) {
			List<double[]> vectors = NrrdValues.vectors(file, "space origin", h.get(
				"space origin"), spaceDimension);
			if (vectors.size() != 1 || vectors.get(0) == null) {
				throw new InvalidInputException(file, "invalid NRRD field 'space origin': '" +
					NrrdHeader.shorten(h.get("space origin")) + "' is not one vector");
			}
			origin = vectors.get(0);
		} else {
			warnings.add("The NRRD header gives no space origin; the first voxel is placed at" +
				" (0, 0, 0) mm");
		}
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				if (spatialIndex[c] >= 0) {
					lps[r][c] = sign[r] * unit[r] * directions.get(spatialIndex[c])[r];
				}
			}
			lps[r][3] = sign[r] * unit[r] * origin[r];
		}
	}

	private void fromSpacings(Path file, NrrdHeader h, int dimension, int[] spatialIndex)
		throws InvalidInputException
	{
		double[] spacings = new double[dimension];
		Arrays.fill(spacings, Double.NaN);
		if (h.has("spacings")) {
			spacings = NrrdValues.numbers(file, "spacings", h.get("spacings"), dimension);
		}
		boolean defaulted = false;
		for (int c = 0; c < 3; c++) {
			if (spatialIndex[c] < 0) continue;
			double step = spacings[spatialIndex[c]];
			if (Double.isNaN(step)) {
				step = 1;
				defaulted = true;
			} else if (!(step > 0) || Double.isInfinite(step)) {
				throw new InvalidInputException(file, "NRRD spacing " + step + " of axis " +
					spatialIndex[c] + " is invalid; the voxel spacing must be a positive number");
			}
			lps[c][c] = step;
		}
		warnings.add("The NRRD header has no space directions; the patient orientation is" +
			" unknown and the voxel axes are taken as x, y, z (LPS)" + (defaulted
				? ", with a spacing of 1 mm where 'spacings' gives none" : ""));
	}

	/** Returns mm per unit for x, y, z from "space units"; mm where the header gives none. */
	private double[] units(Path file, NrrdHeader h, int spaceDimension)
		throws InvalidInputException
	{
		double[] factor = { 1, 1, 1 };
		if (!h.has("space units")) return factor;
		List<String> units = NrrdValues.quoted(h.get("space units"));
		if (units.size() != spaceDimension) {
			throw new InvalidInputException(file, "the NRRD field 'space units' has " + units
				.size() + " entries, expected " + spaceDimension + " (the space dimension)");
		}
		for (int a = 0; a < 3; a++) {
			switch (units.get(a).toLowerCase(Locale.ROOT)) {
				case "": case "mm": case "millimeter": case "millimeters": case "millimetre":
					break;
				case "m": case "meter": case "meters": case "metre":
					factor[a] = 1000;
					break;
				case "cm":
					factor[a] = 10;
					break;
				case "um": case "\u00b5m": case "micron": case "microns":
					factor[a] = 0.001;
					break;
				default:
					warnings.add("Unknown NRRD space unit '" + units.get(a) + "'; millimetres are" +
						" assumed");
			}
		}
		return factor;
	}

	/** Fills stored axis k of a 2-D image with the unit normal of i and j times 1 mm. */
	private void addNormal() {
		double[] n = {
			lps[1][0] * lps[2][1] - lps[2][0] * lps[1][1],
			lps[2][0] * lps[0][1] - lps[0][0] * lps[2][1],
			lps[0][0] * lps[1][1] - lps[1][0] * lps[0][1] };
		double length = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
		for (int r = 0; r < 3; r++) {
			lps[r][2] = length > 0 ? n[r] / length : 0;
		}
	}
}
