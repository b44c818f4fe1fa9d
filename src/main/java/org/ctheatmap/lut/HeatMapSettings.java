package org.ctheatmap.lut;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drawing settings of a value map over a CT image: colormap and value range,
 * lower and upper thresholds, opacity with an optional ramp by value, and
 * the CT window of the grey background.
 * <p>
 * A voxel is transparent when its map value is NaN, below the lower
 * threshold or above the upper threshold. The test uses the map value
 * itself, never the rendered colour, so a value that happens to get a dark
 * colour stays visible. Values between the thresholds but outside the range
 * get the end colours.
 * <p>
 * Without a ramp every visible voxel has the same opacity. With a ramp from
 * value a to value b, the opacity of value v is
 * {@code opacity * clamp((v - a) / (b - a), 0, 1)}: 0 at a, full at b, so
 * low values fade into the CT (a > b fades high values instead).
 * <p>
 * Instances are immutable; build them with {@link #builder(Colormap, double, double)}.
 */
public final class HeatMapSettings {

	private final ColourScale scale;
	private final String unit;
	private final double threshold;
	private final double upperThreshold;
	private final double opacity;
	private final double rampFrom;
	private final double rampTo;
	private final CtWindow window;
	private final String rangeSource;

	private HeatMapSettings(Builder builder) {
		this.scale = new ColourScale(builder.colormap, builder.minimum, builder.maximum);
		if (Double.isNaN(builder.threshold) || builder.threshold == Double.POSITIVE_INFINITY) {
			throw new IllegalArgumentException("Threshold must be a number or minus infinity " +
				"for none, got " + builder.threshold);
		}
		if (Double.isNaN(builder.upperThreshold) || !(builder.upperThreshold >=
			builder.threshold))
		{
			throw new IllegalArgumentException("Upper threshold must be at or above the lower " +
				"threshold " + builder.threshold + ", or plus infinity for none, got " +
				builder.upperThreshold);
		}
		boolean ramp = !Double.isNaN(builder.rampFrom) || !Double.isNaN(builder.rampTo);
		if (ramp && (!Double.isFinite(builder.rampFrom) || !Double.isFinite(builder.rampTo) ||
			builder.rampFrom == builder.rampTo))
		{
			throw new IllegalArgumentException("Opacity ramp needs two different finite values," +
				" got " + builder.rampFrom + " and " + builder.rampTo);
		}
		if (!(builder.opacity >= 0 && builder.opacity <= 1)) {
			throw new IllegalArgumentException("Opacity must be between 0 and 1, got " +
				builder.opacity);
		}
		this.unit = builder.unit;
		this.threshold = builder.threshold;
		this.upperThreshold = builder.upperThreshold;
		this.opacity = builder.opacity;
		this.rampFrom = builder.rampFrom;
		this.rampTo = builder.rampTo;
		this.window = builder.window;
		this.rangeSource = builder.rangeSource;
	}

	/**
	 * Starts settings with a colormap and value range; the defaults are no
	 * threshold, opacity 0.5, the soft-tissue window and the unit "HU".
	 *
	 * @param minimum value that gets colormap entry 0, in the map's unit
	 * @param maximum value that gets colormap entry 255, in the map's unit
	 */
	public static Builder builder(Colormap colormap, double minimum, double maximum) {
		return new Builder(colormap, minimum, maximum);
	}

	/** Returns the colormap and value range. */
	public ColourScale scale() {
		return scale;
	}

	/** Returns the unit of the map values, e.g. "HU". */
	public String unit() {
		return unit;
	}

	/** Returns the lower threshold in the map's unit; minus infinity for none. */
	public double threshold() {
		return threshold;
	}

	/** Returns the upper threshold in the map's unit; plus infinity for none. */
	public double upperThreshold() {
		return upperThreshold;
	}

	/** Returns the opacity of visible voxels, 0..1; with a ramp, the opacity at its end. */
	public double opacity() {
		return opacity;
	}

	/** Returns the alpha of visible overlay pixels: {@code round(opacity * 255)}. */
	public int alpha() {
		return (int) Math.round(opacity * 255);
	}

	/** Returns whether the opacity depends on the value. */
	public boolean hasRamp() {
		return !Double.isNaN(rampFrom);
	}

	/** Returns the value where the ramp starts (opacity 0), or NaN without a ramp. */
	public double rampFrom() {
		return rampFrom;
	}

	/** Returns the value where the ramp reaches full opacity, or NaN without a ramp. */
	public double rampTo() {
		return rampTo;
	}

	/**
	 * Returns the opacity of a visible value, 0..1: {@link #opacity()}, or
	 * with a ramp the opacity scaled by the value's position on it.
	 */
	public double opacity(double value) {
		if (!hasRamp()) return opacity;
		double t = (value - rampFrom) / (rampTo - rampFrom);
		return opacity * Math.max(0, Math.min(1, t));
	}

	/** Returns the overlay alpha of a visible value: {@code round(opacity(value) * 255)}. */
	public int alpha(double value) {
		return (int) Math.round(opacity(value) * 255);
	}

	/**
	 * Returns how the value range was chosen, e.g. "fixed" or the percentiles
	 * it came from.
	 */
	public String rangeSource() {
		return rangeSource;
	}

	/** Returns the CT window of the grey background. */
	public CtWindow window() {
		return window;
	}

	/**
	 * Returns whether a map value is drawn transparent: NaN, below the lower
	 * threshold or above the upper threshold.
	 */
	public boolean isTransparent(double value) {
		return Double.isNaN(value) || value < threshold || value > upperThreshold;
	}

	/**
	 * Returns the settings as labelled text, in a fixed order, for sidecars
	 * and image info; unmodifiable. Labels carry the unit.
	 */
	public Map<String, String> describe() {
		Map<String, String> map = new LinkedHashMap<>();
		String u = " (" + unit + ")";
		map.put("Colormap", scale.colormap().name());
		map.put("Colormap source", scale.colormap().source());
		map.put("Minimum" + u, format(scale.minimum()));
		map.put("Maximum" + u, format(scale.maximum()));
		map.put("Range source", rangeSource);
		map.put("Threshold" + u, threshold == Double.NEGATIVE_INFINITY ? "none" : format(
			threshold));
		if (upperThreshold != Double.POSITIVE_INFINITY) {
			map.put("Upper threshold" + u, format(upperThreshold));
		}
		map.put("Opacity", format(opacity));
		if (hasRamp()) {
			map.put("Opacity ramp" + u, format(rampFrom) + " (transparent) to " + format(
				rampTo) + " (full opacity), linear");
		}
		map.put("Colour index", "floor((value - minimum) / (maximum - minimum) * 256), " +
			"clamped to 0..255");
		map.put("Transparent", upperThreshold == Double.POSITIVE_INFINITY
			? "NaN or value below the threshold"
			: "NaN, value below the threshold or above the upper threshold");
		map.put("Window", window.name());
		map.put("Window centre (HU)", format(window.centerHu()));
		map.put("Window width (HU)", format(window.widthHu()));
		return Collections.unmodifiableMap(map);
	}

	@Override
	public String toString() {
		return describe().toString();
	}

	/** Formats a number without a trailing ".0", independent of the locale. */
	static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return Double.toString(value);
	}

	/** Collects the settings; {@link #build()} validates them. */
	public static final class Builder {

		private final Colormap colormap;
		private final double minimum;
		private final double maximum;
		private String unit = "HU";
		private double threshold = Double.NEGATIVE_INFINITY;
		private double upperThreshold = Double.POSITIVE_INFINITY;
		private double opacity = 0.5;
		private double rampFrom = Double.NaN;
		private double rampTo = Double.NaN;
		private CtWindow window = CtWindow.preset(CtWindow.SOFT_TISSUE);
		private String rangeSource = "fixed";

		private Builder(Colormap colormap, double minimum, double maximum) {
			this.colormap = colormap;
			this.minimum = minimum;
			this.maximum = maximum;
		}

		/** Sets the lower threshold in the map's unit; minus infinity for none. */
		public Builder threshold(double value) {
			threshold = value;
			return this;
		}

		/** Sets the upper threshold in the map's unit; plus infinity for none. */
		public Builder upperThreshold(double value) {
			upperThreshold = value;
			return this;
		}

		/**
		 * Sets an opacity ramp from value {@code from} (transparent) to value
		 * {@code to} (full opacity); NaN for both means none.
		 */
		public Builder opacityRamp(double from, double to) {
			rampFrom = from;
			rampTo = to;
			return this;
		}

		/** Records how the value range was chosen; "fixed" by default. */
		public Builder rangeSource(String value) {
			rangeSource = value;
			return this;
		}

		/** Sets the opacity of visible voxels, 0..1. */
		public Builder opacity(double value) {
			opacity = value;
			return this;
		}

		public Builder window(CtWindow value) {
			window = value;
			return this;
		}

		/** Sets the unit of the map values, shown in labels; "HU" by default. */
		public Builder unit(String value) {
			unit = value;
			return this;
		}

		/**
		 * Returns the settings.
		 *
		 * @throws IllegalArgumentException if the range is not finite with
		 *           minimum < maximum, the threshold is NaN or plus infinity, the
		 *           upper threshold is NaN or below the threshold, a ramp end is
		 *           not finite or both are equal, or the opacity is outside 0..1
		 */
		public HeatMapSettings build() {
			return new HeatMapSettings(this);
		}
	}
}
