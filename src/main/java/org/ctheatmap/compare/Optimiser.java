package org.ctheatmap.compare;

/**
 * Regular step gradient ascent on a {@link PointMetric}: fixed-length steps along the
 * gradient, halved whenever the gradient turns by more than 90 degrees.
 * Rotation parameters are scaled by a radius in mm so that one radian weighs
 * as much as that many mm of translation. Not thread-safe.
 */
final class Optimiser {

	/** Gradient length (metric per scaled unit) below which the optimum counts as found. */
	private static final double FLAT_GRADIENT = 1e-12;

	private final PointMetric metric;
	private final boolean[] active;
	private final double radiusMm;
	private boolean converged;

	Optimiser(PointMetric metric, boolean[] active, double radiusMm) {
		this.metric = metric;
		this.active = active.clone();
		this.radiusMm = radiusMm;
	}

	/**
	 * Improves the parameters in place and returns the number of iterations;
	 * the parameters end at the best metric value seen.
	 *
	 * @param parameters alpha, beta, gamma in radians, then tx, ty, tz in mm
	 * @param initialStep first step length in mm (scaled units)
	 * @param minStep step length below which the level ends as converged
	 * @param maxIterations iteration limit; reaching it ends as not converged
	 */
	int run(double[] parameters, double initialStep, double minStep, int maxIterations) {
		converged = false;
		double step = initialStep;
		double[] gradient = new double[6];
		double[] scaled = new double[6];
		double[] previous = null;
		double[] best = parameters.clone();
		double bestValue = Double.NEGATIVE_INFINITY;
		int iteration = 0;
		while (iteration < maxIterations) {
			double value = metric.evaluate(parameters, gradient);
			iteration++;
			if (value != value) break;
			if (value > bestValue) {
				bestValue = value;
				System.arraycopy(parameters, 0, best, 0, 6);
			}
			double norm = scaledGradient(gradient, scaled);
			if (norm < FLAT_GRADIENT) {
				converged = true;
				break;
			}
			if (previous != null && dot(scaled, previous) < 0) step /= 2;
			if (step < minStep) {
				converged = true;
				break;
			}
			for (int p = 0; p < 6; p++) {
				double move = step * scaled[p] / norm;
				parameters[p] += p < 3 ? move / radiusMm : move;
			}
			previous = scaled.clone();
		}
		System.arraycopy(best, 0, parameters, 0, 6);
		return iteration;
	}

	/** Returns whether the last run ended because the step became small enough. */
	boolean converged() {
		return converged;
	}

	/** Writes the scaled gradient (0 for inactive parameters) and returns its length. */
	private double scaledGradient(double[] gradient, double[] scaled) {
		double sum = 0;
		for (int p = 0; p < 6; p++) {
			if (!active[p]) {
				scaled[p] = 0;
			} else {
				scaled[p] = p < 3 ? gradient[p] / radiusMm : gradient[p];
			}
			sum += scaled[p] * scaled[p];
		}
		return Math.sqrt(sum);
	}

	private static double dot(double[] a, double[] b) {
		return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3] + a[4] * b[4] + a[5] * b[5];
	}
}
