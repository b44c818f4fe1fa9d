package org.ctheatmap.io.nifti;

import java.nio.file.Path;
import java.util.List;

import org.ctheatmap.io.InvalidInputException;

/**
 * Orientation math for NIfTI headers: the voxel-to-world affine from the
 * sform, the qform quaternion or pixdim alone. NIfTI's RAS+ world (+x right,
 * +y anterior, +z superior) becomes DICOM's LPS (+x left, +y posterior, +z
 * superior) by negating x and y.
 * <p>
 * An affine here is 3 rows of 4 values in mm: column c (0 to 2) is the
 * displacement of one voxel step along stored axis i, j or k, and column 3 is
 * the centre of voxel (0, 0, 0). Indices are 0-based, as in NIfTI.
 */
final class NiftiOrientation {

	/** Spatial unit codes of {@code xyzt_units & 0x07}. */
	static final int UNIT_UNKNOWN = 0;
	static final int UNIT_METER = 1;
	static final int UNIT_MM = 2;
	static final int UNIT_MICRON = 3;

	/** Below this, a = sqrt(1 - b^2 - c^2 - d^2) is taken as 0, as the NIfTI-1 standard allows. */
	private static final double QUATERNION_A_ZERO = 1e-7;

	private NiftiOrientation() {}

	/**
	 * Returns which transform the reader uses: "sform" when sform_code > 0,
	 * else "qform" when qform_code > 0, else "pixdim".
	 */
	static String method(NiftiHeader h) {
		if (h.sformCode > 0) return "sform";
		if (h.qformCode > 0) return "qform";
		return "pixdim";
	}

	/**
	 * Returns the voxel-to-patient affine in LPS millimetres from the transform
	 * that {@link #method(NiftiHeader)} returns. With method "pixdim", world x,
	 * y, z run along i, j, k as in NIfTI's backwards-compatible method 1, and a
	 * warning states that the orientation is unknown.
	 *
	 * @param spacing the validated grid spacings pixdim[1..3], in the header's
	 *          unit
	 * @param warnings receives the assumptions made; modified
	 * @throws InvalidInputException if the chosen transform has non-finite
	 *           values or is singular
	 */
	static double[][] voxelToLps(Path file, NiftiHeader h, double[] spacing, List<String> warnings)
		throws InvalidInputException
	{
		double unit = millimetresPerUnit(h.spatialUnit());
		if (Double.isNaN(unit)) {
			if (h.spatialUnit() == UNIT_UNKNOWN) {
				warnings.add("The NIfTI header declares no spatial unit (xyzt_units " +
					h.xyztUnits + "); millimetres are assumed");
			} else {
				warnings.add("The NIfTI header declares an unknown spatial unit code " + h
					.spatialUnit() + "; millimetres are assumed");
			}
			unit = 1;
		}
		double[][] ras;
		String method = method(h);
		if (method.equals("sform")) {
			ras = new double[3][];
			for (int r = 0; r < 3; r++) {
				ras[r] = h.srow[r].clone();
			}
		} else if (method.equals("qform")) {
			ras = qformAffine(file, h, spacing);
		} else {
			warnings.add("The NIfTI header has neither sform nor qform (both codes are 0); the" +
				" patient orientation is unknown and the voxel axes are taken as x, y, z");
			ras = new double[][] { { spacing[0], 0, 0, 0 }, { 0, spacing[1], 0, 0 }, { 0, 0,
				spacing[2], 0 } };
		}
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 4; c++) {
				if (!Double.isFinite(ras[r][c])) {
					throw new InvalidInputException(file, "the " + method +
						" contains a non-finite value");
				}
				// RAS to LPS: negate the x and y rows.
				ras[r][c] *= unit * (r < 2 ? -1 : 1);
			}
		}
		if (Math.abs(determinant(ras)) < 1e-12) {
			throw new InvalidInputException(file, "the " + method +
				" is singular: its voxel axes do not span 3-D space");
		}
		if (method.equals("sform")) warnIfSpacingDiffers(ras, spacing, unit, warnings);
		return ras;
	}

	/** Returns mm per unit for a spatial unit code, or NaN for unknown codes. */
	static double millimetresPerUnit(int code) {
		switch (code) {
			case UNIT_METER:
				return 1000;
			case UNIT_MM:
				return 1;
			case UNIT_MICRON:
				return 0.001;
			default:
				return Double.NaN;
		}
	}

	/**
	 * Returns the rotation matrix of the unit quaternion (a, b, c, d) with
	 * a = sqrt(1 - b^2 - c^2 - d^2); when that is below 1e-7, (b, c, d) is
	 * normalised and a = 0 (a 180-degree rotation).
	 */
	static double[][] quaternionToRotation(double b, double c, double d) {
		double a = 1 - (b * b + c * c + d * d);
		if (a < QUATERNION_A_ZERO) {
			double norm = Math.sqrt(b * b + c * c + d * d);
			b /= norm;
			c /= norm;
			d /= norm;
			a = 0;
		} else {
			a = Math.sqrt(a);
		}
		return new double[][] {
			{ a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
			{ 2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) },
			{ 2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - b * b - c * c } };
	}

	/**
	 * Returns the quaternion parameters (b, c, d) of a proper rotation matrix,
	 * chosen so that a >= 0 as the NIfTI qform requires.
	 */
	static double[] rotationToQuaternion(double[][] m) {
		double trace = m[0][0] + m[1][1] + m[2][2];
		double a, b, c, d;
		// Divide by the largest of the four candidates for numerical stability.
		if (trace > 0) {
			double s = 2 * Math.sqrt(1 + trace);
			a = s / 4;
			b = (m[2][1] - m[1][2]) / s;
			c = (m[0][2] - m[2][0]) / s;
			d = (m[1][0] - m[0][1]) / s;
		} else if (m[0][0] > m[1][1] && m[0][0] > m[2][2]) {
			double s = 2 * Math.sqrt(1 + m[0][0] - m[1][1] - m[2][2]);
			a = (m[2][1] - m[1][2]) / s;
			b = s / 4;
			c = (m[0][1] + m[1][0]) / s;
			d = (m[0][2] + m[2][0]) / s;
		} else if (m[1][1] > m[2][2]) {
			double s = 2 * Math.sqrt(1 + m[1][1] - m[0][0] - m[2][2]);
			a = (m[0][2] - m[2][0]) / s;
			b = (m[0][1] + m[1][0]) / s;
			c = s / 4;
			d = (m[1][2] + m[2][1]) / s;
		} else {
			double s = 2 * Math.sqrt(1 + m[2][2] - m[0][0] - m[1][1]);
			a = (m[1][0] - m[0][1]) / s;
			b = (m[0][2] + m[2][0]) / s;
			c = (m[1][2] + m[2][1]) / s;
			d = s / 4;
		}
		double sign = a < 0 ? -1 : 1;
		return new double[] { sign * b, sign * c, sign * d };
	}

	/** Returns the determinant of the 3 x 3 part of an affine. */
	static double determinant(double[][] m) {
		return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] -
			m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
	}

	/** Returns the length of column c of an affine. */
	static double columnLength(double[][] m, int c) {
		return Math.sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c]);
	}

	/** Builds the RAS affine of the qform: R * diag(dx, dy, qfac * dz) plus qoffset. */
	private static double[][] qformAffine(Path file, NiftiHeader h, double[] spacing)
		throws InvalidInputException
	{
		for (int a = 0; a < 3; a++) {
			if (!Double.isFinite(h.quatern[a]) || !Double.isFinite(h.qoffset[a])) {
				throw new InvalidInputException(file, "the qform contains a non-finite value");
			}
		}
		double[][] rotation = quaternionToRotation(h.quatern[0], h.quatern[1], h.quatern[2]);
		// The standard allows only +1 and -1 for qfac; 0 occurs in old files and means +1.
		double qfac = h.pixdim[0] < 0 ? -1 : 1;
		double[] step = { spacing[0], spacing[1], qfac * spacing[2] };
		double[][] ras = new double[3][4];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				ras[r][c] = rotation[r][c] * step[c];
			}
			ras[r][3] = h.qoffset[r];
		}
		return ras;
	}

	private static void warnIfSpacingDiffers(double[][] lps, double[] spacing, double unit,
		List<String> warnings)
	{
		for (int c = 0; c < 3; c++) {
			double fromSform = columnLength(lps, c);
			double fromPixdim = spacing[c] * unit;
			// Headers store both in float32, so only a difference beyond rounding is reported.
			if (Math.abs(fromSform - fromPixdim) > 1e-4 * fromPixdim) {
				warnings.add("The sform gives a voxel size of " + (float) fromSform +
					" mm along axis " + "ijk".charAt(c) + " but pixdim gives " +
					(float) fromPixdim + " mm; the sform is used");
			}
		}
	}
}
