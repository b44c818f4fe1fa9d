package org.ctheatmap.lut;

/**
 * Maps values in a range to the entries of a colormap, the one rule shared by
 * heat maps and colour bars so a value gets the same colour everywhere.
 * <p>
 * Entry of value v: {@code floor((v - minimum) / (maximum - minimum) * 256)},
 * clamped to 0..255, computed in double precision. So {@code minimum} gets
 * entry 0, {@code maximum} entry 255, the midpoint entry 128, and the range
 * splits into 256 bins of equal width. Matplotlib's {@code Normalize} followed
 * by a 256-entry colormap lookup uses the same rule.
 * <p>
 * Instances are immutable.
 */
public final class ColourScale {

	private final Colormap colormap;
	private final double minimum;
	private final double maximum;
	/** {@code maximum - minimum}, kept so {@link #index} does not subtract per value. */
	private final double range;

	/**
	 * Creates a scale over {@code minimum..maximum}, in the unit of the mapped
	 * values (HU for CT).
	 *
	 * @throws IllegalArgumentException unless both limits are finite and
	 *           {@code minimum < maximum}
	 */
	public ColourScale(Colormap colormap, double minimum, double maximum) {
		if (!Double.isFinite(minimum) || !Double.isFinite(maximum) || !(minimum < maximum)) {
			throw new IllegalArgumentException("Colour range needs finite limits with minimum < " +
				"maximum, got " + minimum + " to " + maximum);
		}
		this.colormap = colormap;
		this.minimum = minimum;
		this.maximum = maximum;
		this.range = maximum - minimum;
	}

	public Colormap colormap() {
		return colormap;
	}

	/** Returns the value that gets entry 0. */
	public double minimum() {
		return minimum;
	}

	/** Returns the value that gets entry 255. */
	public double maximum() {
		return maximum;
	}

	/**
	 * Returns the 0-based colormap entry of a value; values outside the range
	 * get the end entries. NaN gets entry 0, so callers that show NaN as
	 * transparent must test for it first.
	 */
	public int index(double value) {
		double bin = Math.floor((value - minimum) / range * Colormap.SIZE);
		if (!(bin > 0)) return 0;
		return bin >= Colormap.SIZE - 1 ? Colormap.SIZE - 1 : (int) bin;
	}

	/** Returns the 8-bit colour of a value, packed as 0xRRGGBB. */
	public int rgb(double value) {
		return colormap.rgb(index(value));
	}

	/** Returns the lowest value that gets entry {@code index} (0..255). */
	public double binStart(int index) {
		return minimum + (maximum - minimum) * index / Colormap.SIZE;
	}
}
