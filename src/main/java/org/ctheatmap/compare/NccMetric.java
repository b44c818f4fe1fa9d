package org.ctheatmap.compare;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Normalised cross-correlation of the fixed and moving values over the
 * sample points that map inside the moving volume, -1..1, with its analytic
 * gradient; see {@link PointMetric} for the parameters.
 */
final class NccMetric extends PointMetric {

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

	NccMetric(double[] points, float[] fixedValues, double[] centre, PatientVolume moving,
		boolean planar)
	{
		super(points, fixedValues, centre, moving, planar);
	}

	@Override
	String name() {
		return RegistrationMetric.NCC.label();
	}

	/** Returns the NCC; NaN when fewer than 2 points map inside or a side has no variance. */
	@Override
	double evaluate(double[] parameters, double[] gradient) {
		Pose pose = new Pose(parameters);
		int count = count();
		int chunks = (count + CHUNK - 1) / CHUNK;
		double[] sums = IntStream.range(0, chunks).parallel().mapToObj(c -> accumulate(pose, c *
			CHUNK, Math.min(count, (c + 1) * CHUNK))).reduce(new double[SIZE], NccMetric::add);
		double n = sums[N];
		lastCount = (int) n;
		Arrays.fill(gradient, 0);
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

	private double[] accumulate(Pose pose, int from, int to) {
		double[] s = new double[SIZE];
		double[] gu = new double[3];
		double[] dm = new double[6];
		for (int n = from; n < to; n++) {
			double m = pose.sample(n, gu, dm);
			if (m != m) continue;
			double f = fixedValue(n);
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
}
