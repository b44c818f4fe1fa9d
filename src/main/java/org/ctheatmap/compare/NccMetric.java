package org.ctheatmap.compare;

import java.util.stream.IntStream;

/**
 * Normalised cross-correlation between fixed sample points and a moving
 * volume under a rigid transform, with its analytic gradient.
 * <p>
 * Parameters, in this order: rotation angles alpha, beta, gamma about the
 * patient x, y and z axes in radians ({@code R = Rz Ry Rx}), then the
 * translation along x, y and z in mm; the transform is
 * {@code q = R (p - c) + c + t}. Points that map outside the moving volume
 * are left out, and the gradient ignores how that set changes. The gradient
 * uses the derivative of the trilinear interpolation, so it is exact for the
 * interpolated image except at voxel boundaries.
 */
final class NccMetric {

	/** Accumulator layout: n, sums of f, m, ff, mm, fm, then 3 blocks of 6 derivative sums. */
	private static final int N = 0;
	private static final int F = 1;
	private static final int M = 2;
	private static final int FF = 3;
	private static final int MM = 4;
	private static final int FM = 5;
	private static final int D = 6;
	private static final int FD = 12;
	private static final int MD = 18;
	private static final int SIZE = 24;

	private static final int CHUNK = 4096;

	private final double[] offsets;
	private final float[] fixedValues;
	private final double[] centre;
	private final VolumeSampler moving;
	private final double[] movingOrigin;
	private final double[][] toIndex;
	private final int count;

	private int lastCount;

	/**
	 * @param points fixed sample positions in mm, x, y, z interleaved
	 * @param fixedValues fixed value at each point
	 * @param centre centre of rotation in mm
	 * @param moving moving volume in its own patient space
	 * @param planar whether to read the moving volume in planar mode
	 */
	NccMetric(double[] points, float[] fixedValues, double[] centre, PatientVolume moving,
		boolean planar)
	{
		this.count = fixedValues.length;
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

	/** Returns the number of sample points that mapped inside the moving volume last time. */
	int lastCount() {
		return lastCount;
	}

	/**
	 * Returns the NCC at the parameters and writes its gradient with respect
	 * to each parameter into {@code gradient} (length 6); NaN when fewer than
	 * 2 points map inside or either side has no variance.
	 */
	double evaluate(double[] parameters, double[] gradient) {
		double[][] r = RigidTransform.rotationMatrix(parameters[0], parameters[1],
			parameters[2]);
		double[][][] dr = rotationDerivatives(parameters[0], parameters[1], parameters[2]);
		double[] shift = { centre[0] + parameters[3] - movingOrigin[0], centre[1] +
			parameters[4] - movingOrigin[1], centre[2] + parameters[5] - movingOrigin[2] };
		int chunks = (count + CHUNK - 1) / CHUNK;
		double[] sums = IntStream.range(0, chunks).parallel().mapToObj(c -> accumulate(c * CHUNK,
			Math.min(count, (c + 1) * CHUNK), r, dr, shift)).reduce(new double[SIZE],
				NccMetric::add);
		double n = sums[N];
		lastCount = (int) n;
		java.util.Arrays.fill(gradient, 0);
		if (n < 2) return Double.NaN;
		double fMean = sums[F] / n;
		double mMean = sums[M] / n;
		double sff = sums[FF] - n * fMean * fMean;
		double smm = sums[MM] - n * mMean * mMean;
		double sfm = sums[FM] - n * fMean * mMean;
		if (!(sff > 0) || !(smm > 0)) return Double.NaN;
		double root = Math.sqrt(sff * smm);
		double ncc = sfm / root;
		for (int p = 0; p < 6; p++) {
			double fd = sums[FD + p] - fMean * sums[D + p];
			double md = sums[MD + p] - mMean * sums[D + p];
			gradient[p] = fd / root - ncc * md / smm;
		}
		return ncc;
	}

	private double[] accumulate(int from, int to, double[][] r, double[][][] dr,
		double[] shift)
	{
		double[] s = new double[SIZE];
		double[] gu = new double[3];
		double[] dm = new double[6];
		for (int n = from; n < to; n++) {
			double dx = offsets[3 * n];
			double dy = offsets[3 * n + 1];
			double dz = offsets[3 * n + 2];
			double qx = r[0][0] * dx + r[0][1] * dy + r[0][2] * dz + shift[0];
			double qy = r[1][0] * dx + r[1][1] * dy + r[1][2] * dz + shift[1];
			double qz = r[2][0] * dx + r[2][1] * dy + r[2][2] * dz + shift[2];
			double u = toIndex[0][0] * qx + toIndex[0][1] * qy + toIndex[0][2] * qz;
			double v = toIndex[1][0] * qx + toIndex[1][1] * qy + toIndex[1][2] * qz;
			double w = toIndex[2][0] * qx + toIndex[2][1] * qy + toIndex[2][2] * qz;
			double m = moving.linearWithGradient(u, v, w, gu);
			if (m != m) continue;
			// Gradient in patient space: the transpose of the index map applied to the index gradient.
			double gx = toIndex[0][0] * gu[0] + toIndex[1][0] * gu[1] + toIndex[2][0] * gu[2];
			double gy = toIndex[0][1] * gu[0] + toIndex[1][1] * gu[1] + toIndex[2][1] * gu[2];
			double gz = toIndex[0][2] * gu[0] + toIndex[1][2] * gu[1] + toIndex[2][2] * gu[2];
			for (int p = 0; p < 3; p++) {
				double[][] d = dr[p];
				dm[p] = gx * (d[0][0] * dx + d[0][1] * dy + d[0][2] * dz) + gy * (d[1][0] * dx +
					d[1][1] * dy + d[1][2] * dz) + gz * (d[2][0] * dx + d[2][1] * dy + d[2][2] * dz);
			}
			dm[3] = gx;
			dm[4] = gy;
			dm[5] = gz;
			double f = fixedValues[n];
			s[N]++;
			s[F] += f;
			s[M] += m;
			s[FF] += f * f;
			s[MM] += m * m;
			s[FM] += f * m;
			for (int p = 0; p < 6; p++) {
				s[D + p] += dm[p];
				s[FD + p] += f * dm[p];
				s[MD + p] += m * dm[p];
			}
		}
		return s;
	}

	private static double[] add(double[] a, double[] b) {
		double[] c = new double[SIZE];
		for (int i = 0; i < SIZE; i++) {
			c[i] = a[i] + b[i];
		}
		return c;
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
