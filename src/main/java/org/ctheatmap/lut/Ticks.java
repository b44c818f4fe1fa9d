package org.ctheatmap.lut;

import java.util.Locale;

/**
 * Round tick values for a colour bar: 4 to 8 multiples of a step inside a
 * value range, both ends included, where inside allows 1e-9 steps of
 * rounding error.
 * <p>
 * The step is the smallest 1, 2 or 5 x 10^n that gives at most 8 ticks. For
 * some ranges that step gives only 3 ticks while the next smaller one gives 9
 * or more, e.g. 1.9..19.9; then the step is the smallest 1, 2, 2.5 or 5 x
 * 10^n that gives at most 8, which always leaves at least 4 because these
 * steps grow by at most a factor of 2.
 * <p>
 * Instances are immutable.
 */
public final class Ticks {

	private static final double[] MANTISSAS = { 1, 2, 5 };
	private static final double[] MANTISSAS_WITH_2_5 = { 1, 2, 2.5, 5 };
	private static final int MAX_COUNT = 8;
	private static final int MIN_COUNT = 4;
	/**
	 * Slack in steps when testing whether a tick is inside the range, so a limit
	 * such as 0.3 with step 0.1 (0.3 / 0.1 = 2.9999999999999996) keeps its tick.
	 */
	private static final double SLACK_STEPS = 1e-9;

	private final double mantissa;
	private final int exponent;
	private final long first;
	private final int count;

	private Ticks(double mantissa, int exponent, long first, int count) {
		this.mantissa = mantissa;
		this.exponent = exponent;
		this.first = first;
		this.count = count;
	}

	/**
	 * Returns the ticks of a range.
	 *
	 * @throws IllegalArgumentException unless both limits are finite and
	 *           {@code minimum < maximum}
	 */
	public static Ticks forRange(double minimum, double maximum) {
		if (!Double.isFinite(minimum) || !Double.isFinite(maximum) || !(minimum < maximum)) {
			throw new IllegalArgumentException("Tick range needs finite limits with minimum < " +
				"maximum, got " + minimum + " to " + maximum);
		}
		Ticks ticks = search(minimum, maximum, MANTISSAS);
		if (ticks.count < MIN_COUNT) ticks = search(minimum, maximum, MANTISSAS_WITH_2_5);
		return ticks;
	}

	/** Returns the smallest step from the mantissas that gives at most 8 ticks. */
	private static Ticks search(double minimum, double maximum, double[] mantissas) {
		// Start two decades below range / 8 so the first step gives more than 8 ticks.
		int exponent = (int) Math.floor(Math.log10((maximum - minimum) / MAX_COUNT)) - 2;
		while (true) {
			for (double mantissa : mantissas) {
				double step = step(mantissa, exponent);
				long first = (long) Math.ceil(minimum / step - SLACK_STEPS);
				long last = (long) Math.floor(maximum / step + SLACK_STEPS);
				if (last - first + 1 <= MAX_COUNT) {
					return new Ticks(mantissa, exponent, first, (int) (last - first + 1));
				}
			}
			exponent++;
		}
	}

	private static double step(double mantissa, int exponent) {
		return exponent >= 0 ? mantissa * Math.pow(10, exponent) : mantissa / Math.pow(10,
			-exponent);
	}

	/** Returns the number of ticks. */
	public int count() {
		return count;
	}

	/** Returns the distance between ticks. */
	public double step() {
		return step(mantissa, exponent);
	}

	/** Returns tick {@code i} (0-based, ascending) as {@code k * step} for an integer k. */
	public double value(int i) {
		return step(mantissa * (first + i), exponent);
	}

	/** Returns all tick values, ascending; a new array. */
	public double[] values() {
		double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			values[i] = value(i);
		}
		return values;
	}

	/**
	 * Returns the label of tick {@code i}, with as many decimals as the step
	 * needs ("-500", "0.5", "0.25"), a minus sign only below zero and a dot as
	 * decimal separator in every locale.
	 */
	public String label(int i) {
		int decimals = Math.max(0, -exponent) + (mantissa == 2.5 && exponent <= 0 ? 1 : 0);
		double value = value(i);
		if (value == 0) value = 0; // turns -0.0 into 0.0
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}
}
