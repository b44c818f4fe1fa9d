package org.ctheatmap.lut;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drawing settings of a value map over a CT image: colormap and value range,
 * lower threshold, opacity, and the CT window of the grey background.
 * <p>
 * A voxel is transparent when its map value is NaN or below the threshold.
 * The test uses the map value itself, never the rendered colour, so a value
 * that happens to get a dark colour stays visible. Values at or above the
 * threshold but outside the range get the end colours.
 * <p>
 * Instances are immutable; build them with {@link #builder(Colormap, double, double)}.
 */
public final class HeatMapSettings {

	private final ColourScale scale;
	private final String unit;
	private final double threshold;
	private final double opacity;
	private final CtWindow window;

	private HeatMapSettings(Builder builder) {
		this.scale = new ColourScale(builder.colormap, builder.minimum, builder.maximum);
		if (Double.isNaN(builder.threshold) || builder.threshold == Double.POSITIVE_INFINITY) {
			throw new IllegalArgumentException("Threshold must be a number or minus infinity " +
				"for none, got " + builder.threshold);
		}
		if (!(builder.opacity >= 0 && builder.opacity <= 1)) {
			throw new IllegalArgumentException("Opacity must be between 0 and 1, got " +
				builder.opacity);
		}
		this.unit = builder.unit;
		this.threshold = builder.threshold;
		this.opacity = builder.opacity;
		this.window = builder.window;
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

	/** Returns the opacity of visible voxels, 0..1. */
	public double opacity() {
		return opacity;
	}

	/** Returns the alpha of visible overlay pixels: {@code round(opacity * 255)}. */
	public int alpha() {
		return (int) Math.round(opacity * 255);
	}

	/** Returns the CT window of the grey background. */
	public CtWindow window() {
		return window;
	}

	/** Returns whether a map value is drawn transparent: NaN or below the threshold. */
	public boolean isTransparent(double value) {
		return Double.isNaN(value) || value < threshold;
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
		map.put("Threshold" + u, threshold == Double.NEGATIVE_INFINITY ? "none" : format(
			threshold));
		map.put("Opacity", format(opacity));
		map.put("Colour index", "floor((value - minimum) / (maximum - minimum) * 256), " +
			"clamped to 0..255");
		map.put("Transparent", "NaN or value below the threshold");
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
		private double opacity = 0.5;
		private CtWindow window = CtWindow.preset(CtWindow.SOFT_TISSUE);

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
		 *           minimum < maximum, the threshold is NaN or plus infinity, or
		 *           the opacity is outside 0..1
		 */
		public HeatMapSettings build() {
			return new HeatMapSettings(this);
		}
	}
}
