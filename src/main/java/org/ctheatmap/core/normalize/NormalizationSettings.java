package org.ctheatmap.core.normalize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of a normalization. Instances are immutable; build them with
 * {@link Builder}.
 * <p>
 * Window presets live in {@code org.ctheatmap.lut.CtWindow}; callers pass
 * the chosen window's name, centre and width here, so that core code does
 * not depend on the colour-table package.
 */
public final class NormalizationSettings {

	/** Quantiles used by histogram matching unless set otherwise. */
	public static final int DEFAULT_QUANTILES = 1024;

	private final NormalizationMethod method;
	private final String windowName;
	private final double windowCenterHu;
	private final double windowWidthHu;
	private final boolean windowAsDisplayRange;
	private final double lowPercentile;
	private final double highPercentile;
	private final boolean clamp;
	private final NormalizationScope scope;
	private final OutsideMask outside;
	private final int quantiles;

	private NormalizationSettings(Builder b) {
		method = b.method;
		windowName = b.windowName;
		windowCenterHu = b.windowCenterHu;
		windowWidthHu = b.windowWidthHu;
		windowAsDisplayRange = b.windowAsDisplayRange;
		lowPercentile = b.lowPercentile;
		highPercentile = b.highPercentile;
		clamp = b.clamp;
		scope = b.scope;
		outside = b.outside;
		quantiles = b.quantiles;
	}

	public NormalizationMethod method() {
		return method;
	}

	/** Returns the window name, e.g. "Lung" or "Custom"; null unless the method is WINDOW. */
	public String windowName() {
		return windowName;
	}

	public double windowCenterHu() {
		return windowCenterHu;
	}

	public double windowWidthHu() {
		return windowWidthHu;
	}

	/** Returns the HU at the bottom of the window: centre - width / 2. */
	public double windowLowerHu() {
		return windowCenterHu - windowWidthHu / 2;
	}

	/**
	 * Returns true when a window only sets the display range of an HU copy,
	 * false when it writes (v - lower) / width clamped to [0, 1].
	 */
	public boolean windowAsDisplayRange() {
		return windowAsDisplayRange;
	}

	/** Returns the lower percentile in percent, e.g. 1. */
	public double lowPercentile() {
		return lowPercentile;
	}

	/** Returns the upper percentile in percent, e.g. 99. */
	public double highPercentile() {
		return highPercentile;
	}

	/** Returns whether percentile-normalized values are clamped to [0, 1]. */
	public boolean clamp() {
		return clamp;
	}

	public NormalizationScope scope() {
		return scope;
	}

	public OutsideMask outside() {
		return outside;
	}

	/** Returns the number of quantiles that histogram matching uses. */
	public int quantiles() {
		return quantiles;
	}

	/** Returns the settings as ordered key-value pairs for sidecars and image info. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("method", method.cliName());
		if (method == NormalizationMethod.WINDOW) {
			map.put("window", windowName);
			map.put("windowCenterHu", windowCenterHu);
			map.put("windowWidthHu", windowWidthHu);
			map.put("windowOutput", windowAsDisplayRange ? "display-range" : "normalized");
		}
		if (method == NormalizationMethod.PERCENTILE) {
			map.put("lowPercentile", lowPercentile);
			map.put("highPercentile", highPercentile);
			map.put("clamp", clamp);
		}
		if (method == NormalizationMethod.HISTOGRAM_MATCHING) map.put("quantiles", quantiles);
		map.put("scope", scope.cliName());
		map.put("outsideMask", outside.cliName());
		return map;
	}

	/** Builds settings; defaults: whole stack, NaN outside the mask, 1st-99th percentile clamped. */
	public static final class Builder {

		private final NormalizationMethod method;
		private String windowName;
		private double windowCenterHu = Double.NaN;
		private double windowWidthHu = Double.NaN;
		private boolean windowAsDisplayRange;
		private double lowPercentile = 1;
		private double highPercentile = 99;
		private boolean clamp = true;
		private NormalizationScope scope = NormalizationScope.STACK;
		private OutsideMask outside = OutsideMask.NAN;
		private int quantiles = DEFAULT_QUANTILES;

		public Builder(NormalizationMethod method) {
			if (method == null) {
				throw new IllegalArgumentException("A normalization method is required");
			}
			this.method = method;
		}

		/**
		 * Sets the window for {@link NormalizationMethod#WINDOW}.
		 *
		 * @param name preset name or "Custom", for reports
		 * @param centerHu window centre in HU, finite
		 * @param widthHu window width in HU, positive
		 * @param asDisplayRange true to set a display range on an HU copy
		 */
		public Builder window(String name, double centerHu, double widthHu,
			boolean asDisplayRange)
		{
			if (!Double.isFinite(centerHu) || !(widthHu > 0) || Double.isInfinite(widthHu)) {
				throw new IllegalArgumentException("Window needs a finite centre and a positive " +
					"width in HU, got " + centerHu + " and " + widthHu);
			}
			windowName = name;
			windowCenterHu = centerHu;
			windowWidthHu = widthHu;
			windowAsDisplayRange = asDisplayRange;
			return this;
		}

		/**
		 * Sets the percentiles (in percent) of {@link NormalizationMethod#PERCENTILE}.
		 *
		 * @throws IllegalArgumentException unless 0 &lt;= low &lt; high &lt;= 100
		 */
		public Builder percentiles(double low, double high, boolean clampToUnit) {
			if (!(low >= 0 && low < high && high <= 100)) {
				throw new IllegalArgumentException("Percentiles need 0 <= low < high <= 100, got " +
					low + " and " + high);
			}
			lowPercentile = low;
			highPercentile = high;
			clamp = clampToUnit;
			return this;
		}

		public Builder scope(NormalizationScope value) {
			scope = value;
			return this;
		}

		public Builder outside(OutsideMask value) {
			outside = value;
			return this;
		}

		/**
		 * Sets the number of quantiles for histogram matching.
		 *
		 * @throws IllegalArgumentException if fewer than 2
		 */
		public Builder quantiles(int count) {
			if (count < 2) {
				throw new IllegalArgumentException("Histogram matching needs at least 2 quantiles," +
					" got " + count);
			}
			quantiles = count;
			return this;
		}

		/**
		 * Returns the settings.
		 *
		 * @throws IllegalArgumentException if the method is WINDOW and no
		 *           window was set
		 */
		public NormalizationSettings build() {
			if (method == NormalizationMethod.WINDOW && windowName == null) {
				throw new IllegalArgumentException("The window method needs a window preset or a " +
					"custom centre and width");
			}
			return new NormalizationSettings(this);
		}
	}
}
