package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.filter.FloatVolume;
import org.junit.jupiter.api.Test;

/**
 * Compares the analytic gradients of both registration metrics with central
 * differences on a smooth volume, away from the optimum so the gradient is
 * not zero.
 */
class PointMetricGradientTest {

	/** Parameter step of the central differences: radians or mm. */
	private static final double STEP = 1e-4;

	/** Relative agreement of analytic and numeric derivatives (trilinear kinks at voxel faces). */
	private static final double RELATIVE_TOL = 0.05;

	private static final double[] PARAMETERS = { 0.03, -0.02, 0.05, 1.3, -0.7, 0.9 };

	@Test
	void nccGradientMatchesDifferences() {
		check(build(RegistrationMetric.NCC));
	}

	@Test
	void mutualInformationGradientMatchesDifferences() {
		check(build(RegistrationMetric.MATTES_MI));
	}

	@Test
	void cubicSplineIsPartitionOfUnity() {
		for (double c = 2; c < 3; c += 0.1) {
			double sum = 0;
			double slope = 0;
			int first = (int) Math.floor(c) - 1;
			for (int k = first; k <= first + 3; k++) {
				sum += MattesMetric.cubic(k - c);
				slope += MattesMetric.cubicDerivative(k - c);
			}
			assertEquals(1, sum, 1e-12, "weights at " + c);
			assertEquals(0, slope, 1e-12, "derivatives at " + c);
		}
	}

	private static void check(PointMetric metric) {
		double[] gradient = new double[6];
		metric.evaluate(PARAMETERS, gradient);
		double[] ignored = new double[6];
		for (int p = 0; p < 6; p++) {
			double[] plus = PARAMETERS.clone();
			double[] minus = PARAMETERS.clone();
			plus[p] += STEP;
			minus[p] -= STEP;
			double numeric = (metric.evaluate(plus, ignored) - metric.evaluate(minus, ignored)) /
				(2 * STEP);
			assertTrue(Math.abs(numeric) > 1e-6, metric.name() + " parameter " + p +
				" has a gradient to compare: " + numeric);
			assertEquals(numeric, gradient[p], RELATIVE_TOL * Math.abs(numeric), metric.name() +
				" derivative " + p);
		}
	}

	/** Returns a metric of a smooth blob volume against itself, sampled on a regular lattice. */
	private static PointMetric build(RegistrationMetric kind) {
		PatientGeometry geometry = PatientGeometry.axial(new double[] { -20, -20, -10 },
			new double[] { 1, 1, 2 });
		FloatVolume values = FloatVolume.allocate(41, 41, 11);
		for (int k = 0; k < 11; k++) {
			for (int j = 0; j < 41; j++) {
				for (int i = 0; i < 41; i++) {
					double[] p = geometry.voxelToPatient(i, j, k);
					double r2 = (p[0] - 3) * (p[0] - 3) / 80 + p[1] * p[1] / 50 + p[2] * p[2] / 40;
					values.set(i, j, k, (float) (1000 * Math.exp(-r2) + 5 * p[0]));
				}
			}
		}
		PatientVolume volume = new PatientVolume(values, geometry);
		List<double[]> points = new ArrayList<>();
		for (double z = -6; z <= 6; z += 1.7) {
			for (double y = -14; y <= 14; y += 1.3) {
				for (double x = -14; x <= 14; x += 1.3) {
					points.add(new double[] { x, y, z });
				}
			}
		}
		double[] coordinates = new double[3 * points.size()];
		float[] fixed = new float[points.size()];
		VolumeSampler sampler = new VolumeSampler(values, false);
		GridAffine affine = new GridAffine(geometry);
		for (int n = 0; n < points.size(); n++) {
			System.arraycopy(points.get(n), 0, coordinates, 3 * n, 3);
			double[] u = affine.toVoxel(points.get(n));
			fixed[n] = (float) sampler.sample(u[0], u[1], u[2], Interpolation.LINEAR);
		}
		double[] centre = { 1, 2, 0 };
		if (kind == RegistrationMetric.MATTES_MI) {
			return new MattesMetric(coordinates, fixed, centre, volume, false);
		}
		return new NccMetric(coordinates, fixed, centre, volume, false);
	}
}
