package org.ctheatmap.compare;

/**
 * A similarity measure between fixed sample points and a moving volume under
 * a rigid transform, with its analytic gradient, for {@link Optimiser}.
 * <p>
 * Parameters, in this order: rotation angles alpha, beta, gamma about the
 * patient x, y and z axes in radians ({@code R = Rz Ry Rx}), then the
 * translation along x, y and z in mm; the transform is
 * {@code q = R (p - c) + c + t}. Points that map outside the moving volume
 * are left out, and the gradient ignores how that set changes. Moving values
 * and their derivatives come from trilinear interpolation, so the gradient is
 * exact for the interpolated image except at voxel boundaries.
 */
abstract class PointMetric {

	/** Sample points per parallel chunk. */
	static final int CHUNK = 4096;

	private final double[] offsets;
	private final float[] fixedValues;
	private final double[] centre;
	private final VolumeSampler moving;
	private final double[] movingOrigin;
	private final double[][] toIndex;

	/** Number of sample points that mapped inside the moving volume at the last evaluation. */
	int lastCount;

	/**
	 * @param points fixed sample positions in mm, x, y, z interleaved
	 * @param fixedValues fixed value at each point
	 * @param centre centre of rotation in mm
	 * @param moving moving volume in its own patient space
	 * @param planar whether to read the moving volume in planar mode
	 */
	PointMetric(double[] points, float[] fixedValues, double[] centre, PatientVolume moving,
		boolean planar)
	{
		int count = fixedValues.length;
		this.offsets = new double[points.length];
		for (int n = 0; n < count; n++) {
			for (int a = 0; a < 3; a++) {
				offsets[3 * n + a] = points[3 * n + a] - centre[a];
			}
		}
		this.fixedValues = fixedValues;
		this.centre = centre.clone();
		GridAffine affine = new GridAffine(moving.geometry());
		this.moving = new VolumeSampler(moving.values(), planar);
		this.movingOrigin = affine.origin();
		this.toIndex = affine.inverseMatrix();
	}

	/**
	 * Returns the measure at the parameters, larger for better alignment, and
	 * writes its gradient with respect to each parameter into
	 * {@code gradient} (length 6); NaN when it is undefined, for example when
	 * too few points map inside.
	 */
	abstract double evaluate(double[] parameters, double[] gradient);

	/** Returns the name of the measure, for reports. */
	abstract String name();

	/** Returns the number of sample points that mapped inside the moving volume last time. */
	int lastCount() {
		return lastCount;
	}

	/** Returns the number of sample points. */
	int count() {
		return fixedValues.length;
	}

	/** Returns the fixed value of sample n. */
	float fixedValue(int n) {
		return fixedValues[n];
	}

	/** The transform of one evaluation, precomputed for every sample. */
	final class Pose {

		final double[][] rotation;
		final double[][][] derivatives;
		final double[] shift;

		Pose(double[] parameters) {
			rotation = RigidTransform.rotationMatrix(parameters[0], parameters[1], parameters[2]);
			derivatives = rotationDerivatives(parameters[0], parameters[1], parameters[2]);
			shift = new double[] { centre[0] + parameters[3] - movingOrigin[0], centre[1] +
				parameters[4] - movingOrigin[1], centre[2] + parameters[5] - movingOrigin[2] };
		}

		/**
		 * Returns the moving value at sample n and writes its derivative with
		 * respect to each parameter into {@code derivative}; NaN when the point
		 * maps outside.
		 *
		 * @param indexGradient scratch array of length 3
		 */
		double sample(int n, double[] indexGradient, double[] derivative) {
			double dx = offsets[3 * n];
			double dy = offsets[3 * n + 1];
			double dz = offsets[3 * n + 2];
			double[][] r = rotation;
			double qx = r[0][0] * dx + r[0][1] * dy + r[0][2] * dz + shift[0];
			double qy = r[1][0] * dx + r[1][1] * dy + r[1][2] * dz + shift[1];
			double qz = r[2][0] * dx + r[2][1] * dy + r[2][2] * dz + shift[2];
			double u = toIndex[0][0] * qx + toIndex[0][1] * qy + toIndex[0][2] * qz;
			double v = toIndex[1][0] * qx + toIndex[1][1] * qy + toIndex[1][2] * qz;
			double w = toIndex[2][0] * qx + toIndex[2][1] * qy + toIndex[2][2] * qz;
			double m = moving.linearWithGradient(u, v, w, indexGradient);
			if (m != m) return m;
			double[] gu = indexGradient;
			// Gradient in patient space: the transposed index map applied to the index gradient.
			double gx = toIndex[0][0] * gu[0] + toIndex[1][0] * gu[1] + toIndex[2][0] * gu[2];
			double gy = toIndex[0][1] * gu[0] + toIndex[1][1] * gu[1] + toIndex[2][1] * gu[2];
			double gz = toIndex[0][2] * gu[0] + toIndex[1][2] * gu[1] + toIndex[2][2] * gu[2];
			for (int p = 0; p < 3; p++) {
				double[][] d = derivatives[p];
				double ex = d[0][0] * dx + d[0][1] * dy + d[0][2] * dz;
				double ey = d[1][0] * dx + d[1][1] * dy + d[1][2] * dz;
				double ez = d[2][0] * dx + d[2][1] * dy + d[2][2] * dz;
				derivative[p] = gx * ex + gy * ey + gz * ez;
			}
			derivative[3] = gx;
			derivative[4] = gy;
			derivative[5] = gz;
			return m;
		}
	}

	/** Returns dR/dalpha, dR/dbeta and dR/dgamma of {@code R = Rz Ry Rx}. */
	static double[][][] rotationDerivatives(double alpha, double beta, double gamma) {
		double ca = Math.cos(alpha);
		double sa = Math.sin(alpha);
		double cb = Math.cos(beta);
		double sb = Math.sin(beta);
		double cg = Math.cos(gamma);
		double sg = Math.sin(gamma);
		double[][] rx = { { 1, 0, 0 }, { 0, ca, -sa }, { 0, sa, ca } };
		double[][] ry = { { cb, 0, sb }, { 0, 1, 0 }, { -sb, 0, cb } };
		double[][] rz = { { cg, -sg, 0 }, { sg, cg, 0 }, { 0, 0, 1 } };
		double[][] drx = { { 0, 0, 0 }, { 0, -sa, -ca }, { 0, ca, -sa } };
		double[][] dry = { { -sb, 0, cb }, { 0, 0, 0 }, { -cb, 0, -sb } };
		double[][] drz = { { -sg, -cg, 0 }, { cg, -sg, 0 }, { 0, 0, 0 } };
		return new double[][][] { Matrices.multiply(rz, Matrices.multiply(ry, drx)), Matrices
			.multiply(rz, Matrices.multiply(dry, rx)), Matrices.multiply(drz, Matrices.multiply(ry,
				rx)) };
	}
}
