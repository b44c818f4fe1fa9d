package org.ctheatmap.compare;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Mattes mutual information between the fixed and moving values, in nats,
 * with its analytic gradient; see {@link PointMetric} for the parameters.
 * <p>
 * Method (Mattes et al., IEEE Trans. Med. Imaging 22(1), 2003): a joint
 * histogram of {@value #BINS} x {@value #BINS} bins, {@value #PADDING} of
 * them padding at each end. A fixed value adds weight 1 to its bin (a
 * zero-order Parzen window); a moving value m spreads weight
 * {@code beta3(k - c)} over the bins k around its continuous bin index c,
 * where beta3 is the cubic B-spline, so the histogram and the information
 * are differentiable in m. With p the normalised joint histogram and pf, pm
 * its marginals, {@code MI = sum p log(p / (pf pm))} and
 * {@code dMI = sum dp log(p / pm)}, because the fixed marginal does not
 * depend on the transform. The bin ranges are the fixed samples' and the
 * moving volume's minimum and maximum.
 */
final class MattesMetric extends PointMetric {

	/** Histogram bins per axis, padding included. */
	static final int BINS = 50;

	/** Empty bins at each end, so the B-spline never leaves the histogram. */
	static final int PADDING = 2;

	private final double fixedMin;
	private final double fixedBin;
	private final double movingMin;
	private final double movingBin;

	MattesMetric(double[] points, float[] fixedValues, double[] centre, PatientVolume moving,
		boolean planar)
	{
		super(points, fixedValues, centre, moving, planar);
		double[] fixedRange = range(fixedValues);
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		for (float[] slice : moving.values().slices()) {
			double[] r = range(slice);
			low = Math.min(low, r[0]);
			high = Math.max(high, r[1]);
		}
		fixedMin = fixedRange[0];
		fixedBin = binWidth(fixedRange[0], fixedRange[1]);
		movingMin = low;
		movingBin = binWidth(low, high);
	}

	@Override
	String name() {
		return RegistrationMetric.MATTES_MI.label();
	}

	/** Returns the mutual information in nats; NaN when no point maps inside. */
	@Override
	double evaluate(double[] parameters, double[] gradient) {
		Pose pose = new Pose(parameters);
		int count = count();
		int chunks = (count + CHUNK - 1) / CHUNK;
		Histogram sum = IntStream.range(0, chunks).parallel().mapToObj(c -> accumulate(pose, c *
			CHUNK, Math.min(count, (c + 1) * CHUNK))).reduce(new Histogram(), Histogram::add);
		lastCount = sum.count;
		Arrays.fill(gradient, 0);
		if (sum.count == 0) return Double.NaN;

		double[] fixedMarginal = new double[BINS];
		double[] movingMarginal = new double[BINS];
		for (int f = 0; f < BINS; f++) {
			for (int m = 0; m < BINS; m++) {
				double p = sum.joint[f * BINS + m] / sum.count;
				fixedMarginal[f] += p;
				movingMarginal[m] += p;
			}
		}

		double information = 0;
		for (int f = 0; f < BINS; f++) {
			for (int m = 0; m < BINS; m++) {
				double p = sum.joint[f * BINS + m] / sum.count;
				if (!(p > 0)) continue;
				information += p * Math.log(p / (fixedMarginal[f] * movingMarginal[m]));
				double weight = Math.log(p / movingMarginal[m]) / sum.count / -movingBin;
				for (int q = 0; q < 6; q++) {
					gradient[q] += weight * sum.derivative[(f * BINS + m) * 6 + q];
				}
			}
		}
		return information;
	}

	private Histogram accumulate(Pose pose, int from, int to) {
		Histogram h = new Histogram();
		double[] gu = new double[3];
		double[] dm = new double[6];
		for (int n = from; n < to; n++) {
			double m = pose.sample(n, gu, dm);
			if (m != m) continue;
			h.count++;
			int fixed = fixedIndex(fixedValue(n));
			double c = clampIndex((m - movingMin) / movingBin + PADDING);
			int first = (int) Math.floor(c) - 1;
			for (int k = first; k <= first + 3; k++) {
				double u = k - c;
				int cell = fixed * BINS + k;
				h.joint[cell] += cubic(u);
				double slope = cubicDerivative(u);
				if (slope == 0) continue;
				for (int q = 0; q < 6; q++) {
					h.derivative[cell * 6 + q] += slope * dm[q];
				}
			}
		}
		return h;
	}

	private int fixedIndex(double value) {
		int bin = (int) Math.floor((value - fixedMin) / fixedBin) + PADDING;
		return Math.max(PADDING, Math.min(BINS - PADDING - 1, bin));
	}

	/** Clamps a continuous moving bin index to the unpadded bins. */
	private static double clampIndex(double c) {
		return Math.max(PADDING, Math.min(BINS - PADDING - 1, c));
	}

	/** Returns the bin width that maps min..max onto the unpadded bins; 1 for a constant. */
	private static double binWidth(double min, double max) {
		double width = (max - min) / (BINS - 2 * PADDING - 1);
		return width > 0 ? width : 1;
	}

	private static double[] range(float[] values) {
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		for (float v : values) {
			if (v != v) continue;
			low = Math.min(low, v);
			high = Math.max(high, v);
		}
		return low > high ? new double[] { 0, 0 } : new double[] { low, high };
	}

	/** Returns the cubic B-spline at u. */
	static double cubic(double u) {
		double a = Math.abs(u);
		if (a < 1) return (4 - 6 * a * a + 3 * a * a * a) / 6;
		if (a < 2) return (2 - a) * (2 - a) * (2 - a) / 6;
		return 0;
	}

	/** Returns the derivative of the cubic B-spline at u. */
	static double cubicDerivative(double u) {
		double a = Math.abs(u);
		double sign = u < 0 ? -1 : 1;
		if (a < 1) return sign * (-2 * a + 1.5 * a * a);
		if (a < 2) return sign * -0.5 * (2 - a) * (2 - a);
		return 0;
	}

	/** Joint histogram and its derivatives of one chunk of samples. */
	private static final class Histogram {

		final double[] joint = new double[BINS * BINS];
		final double[] derivative = new double[BINS * BINS * 6];
		int count;

		Histogram add(Histogram other) {
			Histogram sum = new Histogram();
			for (int i = 0; i < joint.length; i++) {
				sum.joint[i] = joint[i] + other.joint[i];
			}
			for (int i = 0; i < derivative.length; i++) {
				sum.derivative[i] = derivative[i] + other.derivative[i];
			}
			sum.count = count + other.count;
			return sum;
		}
	}
}
