package org.ctheatmap.compare;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A rigid transform of patient coordinates (mm, LPS): a rotation about a
 * centre followed by a translation, {@code q = R (p - c) + c + t}.
 * <p>
 * In this package a transform maps a point of the baseline (fixed image) to
 * the same anatomy in a follow-up (moving image), which is the direction a
 * resampler needs: each baseline voxel looks up its value in the follow-up.
 * The rotation is built from Euler angles about the patient x, y and z axes,
 * applied in that order: {@code R = Rz(gamma) Ry(beta) Rx(alpha)}, each a
 * right-handed rotation. Instances are immutable.
 */
public final class RigidTransform {

	private static final double[] ZERO = { 0, 0, 0 };

	private final double[][] rotation;
	private final double[] centre;
	private final double[] translation;

	private RigidTransform(double[][] rotation, double[] centre, double[] translation) {
		this.rotation = rotation;
		this.centre = centre;
		this.translation = translation;
	}

	/** Returns the transform that maps every point to itself. */
	public static RigidTransform identity() {
		return new RigidTransform(Matrices.identity(), ZERO.clone(), ZERO.clone());
	}

	/**
	 * Creates a transform from Euler angles and a translation.
	 *
	 * @param anglesDegrees rotation about x, y and z in degrees, applied in
	 *          that order
	 * @param translationMm translation along x, y and z in mm
	 * @param centreMm fixed point of the rotation in mm
	 * @throws IllegalArgumentException unless each array has 3 finite values
	 */
	public static RigidTransform of(double[] anglesDegrees, double[] translationMm,
		double[] centreMm)
	{
		double[] angles = checked("angles", anglesDegrees);
		return new RigidTransform(rotationMatrix(Math.toRadians(angles[0]), Math.toRadians(
			angles[1]), Math.toRadians(angles[2])), checked("centre", centreMm), checked(
				"translation", translationMm));
	}

	/** Creates a transform from a rotation matrix; the arrays are copied. */
	static RigidTransform of(double[][] rotation, double[] translationMm, double[] centreMm) {
		return new RigidTransform(Matrices.copy(rotation), checked("centre", centreMm), checked(
			"translation", translationMm));
	}

	/** Returns {@code Rz(gamma) Ry(beta) Rx(alpha)} for angles in radians. */
	static double[][] rotationMatrix(double alpha, double beta, double gamma) {
		double ca = Math.cos(alpha);
		double sa = Math.sin(alpha);
		double cb = Math.cos(beta);
		double sb = Math.sin(beta);
		double cg = Math.cos(gamma);
		double sg = Math.sin(gamma);
		double[][] rx = { { 1, 0, 0 }, { 0, ca, -sa }, { 0, sa, ca } };
		double[][] ry = { { cb, 0, sb }, { 0, 1, 0 }, { -sb, 0, cb } };
		double[][] rz = { { cg, -sg, 0 }, { sg, cg, 0 }, { 0, 0, 1 } };
		return Matrices.multiply(rz, Matrices.multiply(ry, rx));
	}

	/** Returns the image of a point, in mm. */
	public double[] apply(double[] point) {
		double[] d = { point[0] - centre[0], point[1] - centre[1], point[2] - centre[2] };
		double[] r = Matrices.multiply(rotation, d);
		return new double[] { r[0] + centre[0] + translation[0], r[1] + centre[1] +
			translation[1], r[2] + centre[2] + translation[2] };
	}

	/**
	 * Returns the inverse transform, {@code p = R^T (q - c - t) + c}, with the
	 * same centre.
	 */
	public RigidTransform inverse() {
		double[][] transposed = Matrices.transpose(rotation);
		double[] back = Matrices.multiply(transposed, translation);
		return new RigidTransform(transposed, centre.clone(), new double[] { -back[0],
			-back[1], -back[2] });
	}

	/** Returns the rotation matrix, indexed [row][column]. */
	public double[][] rotation() {
		return Matrices.copy(rotation);
	}

	/** Returns the centre of rotation in mm. */
	public double[] centreMm() {
		return centre.clone();
	}

	/** Returns the translation in mm, applied after the rotation. */
	public double[] translationMm() {
		return translation.clone();
	}

	/**
	 * Returns the Euler angles (about x, y, z, in degrees) that rebuild the
	 * rotation; beta is in -90..90 degrees.
	 */
	public double[] anglesDegrees() {
		double beta = Math.asin(Math.max(-1, Math.min(1, -rotation[2][0])));
		double alpha = Math.atan2(rotation[2][1], rotation[2][2]);
		double gamma = Math.atan2(rotation[1][0], rotation[0][0]);
		return new double[] { Math.toDegrees(alpha), Math.toDegrees(beta), Math.toDegrees(
			gamma) };
	}

	/** Returns the total rotation angle in degrees (axis-angle magnitude), 0..180. */
	public double rotationAngleDegrees() {
		double trace = rotation[0][0] + rotation[1][1] + rotation[2][2];
		return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (trace - 1) / 2))));
	}

	/**
	 * Returns the 4 x 4 homogeneous matrix of the transform, row-major, so
	 * {@code q = A (p, 1)} with every element in mm or unitless.
	 */
	public double[][] homogeneousMatrix() {
		double[] offset = apply(ZERO);
		double[][] a = new double[4][4];
		for (int r = 0; r < 3; r++) {
			System.arraycopy(rotation[r], 0, a[r], 0, 3);
			a[r][3] = offset[r];
		}
		a[3][3] = 1;
		return a;
	}

	/**
	 * Returns the parameters for sidecars: Euler angles, rotation angle,
	 * centre, translation and the 4 x 4 matrix, with units in the keys.
	 */
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("direction", "baseline patient coordinates to follow-up patient coordinates");
		map.put("formula", "q = R (p - centre) + centre + translation, R = Rz Ry Rx");
		map.put("anglesDegrees", anglesDegrees());
		map.put("rotationAngleDegrees", rotationAngleDegrees());
		map.put("centreMm", centre.clone());
		map.put("translationMm", translation.clone());
		map.put("matrix", homogeneousMatrix());
		return map;
	}

	@Override
	public String toString() {
		double[] angles = anglesDegrees();
		return String.format(Locale.ROOT,
			"rotation (%.3f, %.3f, %.3f) deg about (%.2f, %.2f, %.2f) mm, translation" +
				" (%.3f, %.3f, %.3f) mm", angles[0], angles[1], angles[2], centre[0], centre[1],
			centre[2], translation[0], translation[1], translation[2]);
	}

	private static double[] checked(String name, double[] values) {
		if (values == null || values.length != 3) {
			throw new IllegalArgumentException("A rigid transform needs 3 " + name + " values");
		}
		for (double v : values) {
			if (!Double.isFinite(v)) {
				throw new IllegalArgumentException("The " + name + " of a rigid transform must be" +
					" finite, got " + Arrays.toString(values));
			}
		}
		return values.clone();
	}
}
