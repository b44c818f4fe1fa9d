package org.ctheatmap.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ctheatmap.core.maps.MapSettings;
import org.ctheatmap.core.maps.MapType;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;

/**
 * Everything a parameter-map run needs: the CT, the map to compute or the
 * external map to read, the mask, and how to colour it. Values are in HU,
 * mm, the map's unit and 1-based slice numbers. Null for an optional value
 * means its default, documented on the getter. Instances are immutable;
 * build them with {@link Builder}.
 */
public final class MapRequest {

	/** Mask names of the command line. */
	public static final String MASK_NONE = "none";
	public static final String MASK_BODY = "body";

	private final Builder b;

	private MapRequest(Builder builder) {
		b = builder.copy();
	}

	public Path input() {
		return b.input;
	}

	public Path outputFolder() {
		return b.outputFolder;
	}

	/** Returns the requested DICOM Series Instance UID, or null for the default series. */
	public String seriesUid() {
		return b.seriesUid;
	}

	/** Returns the map to compute, or null when {@link #external()} is given. */
	public MapSettings settings() {
		return b.external != null ? null : MapSettings.of(b.type, b.radiusMm).withRange(
			b.rangeLowHu, b.rangeHighHu).withBinWidth(b.binWidthHu);
	}

	/** Returns the external map on the CT's grid, or null to compute a map. */
	public Path external() {
		return b.external;
	}

	/** Returns {@link #MASK_NONE}, {@link #MASK_BODY} or the path of a label map. */
	public String mask() {
		return b.mask;
	}

	/**
	 * Returns the label map used as mask, or null for {@link #MASK_NONE} and
	 * {@link #MASK_BODY}.
	 */
	public Path maskFile() {
		return MASK_NONE.equals(b.mask) || MASK_BODY.equals(b.mask) ? null : Paths.get(b.mask);
	}

	/**
	 * Returns the label that forms the mask in {@link #maskFile()}, or null
	 * for every label above 0.
	 */
	public Integer maskLabel() {
		return b.maskLabel;
	}

	public String colormap() {
		return b.colormap;
	}

	public CtWindow window() {
		return b.window;
	}

	/** Returns the fixed range {min, max} in the map's unit, or null for percentiles. */
	public double[] range() {
		return b.min == null ? null : new double[] { b.min, b.max };
	}

	/** Returns the percentiles {low, high} used when no fixed range is given. */
	public double[] percentiles() {
		return new double[] { b.lowPercentile, b.highPercentile };
	}

	/** Returns the lower threshold; minus infinity (none) by default. */
	public double threshold() {
		return b.threshold == null ? Double.NEGATIVE_INFINITY : b.threshold;
	}

	/** Returns the upper threshold; plus infinity (none) by default. */
	public double upperThreshold() {
		return b.upperThreshold == null ? Double.POSITIVE_INFINITY : b.upperThreshold;
	}

	public double opacity() {
		return b.opacity;
	}

	/** Returns the opacity ramp {from, to}, or null for none. */
	public double[] ramp() {
		return b.ramp == null ? null : b.ramp.clone();
	}

	/** Returns the unit on the colour bar, or null for the map's own unit. */
	public String unit() {
		return b.unit;
	}

	/** Returns the 1-based montage slices, or null for evenly spaced ones. */
	public int[] slices() {
		return b.slices == null ? null : b.slices.clone();
	}

	public int montageColumns() {
		return b.montageColumns;
	}

	public int montageSlices() {
		return b.montageSlices;
	}

	/** Returns the views' crossing point {x, y, slice}, x and y 0-based, or null for the centre. */
	public int[] viewPoint() {
		return b.viewPoint == null ? null : b.viewPoint.clone();
	}

	public boolean overwrite() {
		return b.overwrite;
	}

	/** Returns the request for the sidecar, with units in the key names. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("seriesUid", b.seriesUid);
		map.put("map", b.external != null ? "external" : b.type.cliName());
		map.put("external", b.external == null ? null : b.external.toString());
		map.put("radiusMm", b.radiusMm);
		map.put("rangeLowHu", b.rangeLowHu);
		map.put("rangeHighHu", b.rangeHighHu);
		map.put("entropyBinWidthHu", b.binWidthHu);
		map.put("mask", b.mask);
		map.put("maskLabel", b.maskLabel);
		map.put("colormap", b.colormap);
		map.put("window", b.window.toString());
		map.put("range", range());
		map.put("percentiles", percentiles());
		map.put("threshold", b.threshold);
		map.put("upperThreshold", b.upperThreshold);
		map.put("opacity", b.opacity);
		map.put("ramp", b.ramp);
		map.put("unit", b.unit);
		map.put("slices", b.slices);
		map.put("viewPoint", b.viewPoint);
		return map;
	}

	/** Collects and checks the settings of a {@link MapRequest}. */
	public static final class Builder {

		private Path input;
		private Path outputFolder;
		private String seriesUid;
		private MapType type = MapType.LOCAL_SD;
		private Path external;
		private double radiusMm = 2;
		private double rangeLowHu = -1024;
		private double rangeHighHu = -950;
		private double binWidthHu = 16;
		private String mask = MASK_NONE;
		private Integer maskLabel;
		private String colormap = Colormaps.VIRIDIS;
		private CtWindow window = CtWindow.preset(CtWindow.SOFT_TISSUE);
		private Double min;
		private Double max;
		private double lowPercentile = 2;
		private double highPercentile = 98;
		private Double threshold;
		private Double upperThreshold;
		private double opacity = 0.5;
		private double[] ramp;
		private String unit;
		private int[] slices;
		private int montageColumns = 4;
		private int montageSlices = 12;
		private int[] viewPoint;
		private boolean overwrite;

		public Builder(Path input, Path outputFolder) {
			this.input = input;
			this.outputFolder = outputFolder;
		}

		public Builder seriesUid(String value) {
			seriesUid = value;
			return this;
		}

		/** Sets the map to compute by its command-line name or label. */
		public Builder map(String name) {
			type = MapType.fromName(name);
			return this;
		}

		/** Sets an external map file; it replaces the computed map. */
		public Builder external(Path file) {
			external = file;
			return this;
		}

		public Builder radiusMm(double value) {
			radiusMm = value;
			return this;
		}

		/** Sets the HU range counted by the "range" map, inclusive. */
		public Builder huRange(double low, double high) {
			rangeLowHu = low;
			rangeHighHu = high;
			return this;
		}

		public Builder binWidthHu(double value) {
			binWidthHu = value;
			return this;
		}

		/**
		 * Sets {@link #MASK_NONE}, {@link #MASK_BODY} or the path of a label map
		 * on the CT's grid.
		 */
		public Builder mask(String value) {
			mask = value;
			return this;
		}

		/** Sets the label of the mask file that forms the mask; null for every label above 0. */
		public Builder maskLabel(Integer value) {
			maskLabel = value;
			return this;
		}

		public Builder colormap(String value) {
			colormap = value;
			return this;
		}

		public Builder window(CtWindow value) {
			window = value;
			return this;
		}

		/** Sets a fixed colour range; null for both uses the percentiles. */
		public Builder range(Double low, Double high) {
			min = low;
			max = high;
			return this;
		}

		public Builder percentiles(double low, double high) {
			lowPercentile = low;
			highPercentile = high;
			return this;
		}

		/** Sets the thresholds; null means none. */
		public Builder thresholds(Double lower, Double upper) {
			threshold = lower;
			upperThreshold = upper;
			return this;
		}

		public Builder opacity(double value) {
			opacity = value;
			return this;
		}

		/** Sets an opacity ramp {from, to}; null for none. */
		public Builder ramp(double[] fromTo) {
			ramp = fromTo == null ? null : fromTo.clone();
			return this;
		}

		public Builder unit(String value) {
			unit = value;
			return this;
		}

		public Builder slices(int[] values) {
			slices = values == null ? null : values.clone();
			return this;
		}

		public Builder montage(int columns, int count) {
			montageColumns = columns;
			montageSlices = count;
			return this;
		}

		/** Sets the views' crossing point {x, y, slice}; null for the centre. */
		public Builder viewPoint(int[] value) {
			viewPoint = value == null ? null : value.clone();
			return this;
		}

		public Builder overwrite(boolean value) {
			overwrite = value;
			return this;
		}

		/**
		 * Checks the settings and builds the request.
		 *
		 * @throws IllegalArgumentException naming the first invalid option
		 */
		public MapRequest build() {
			require(input != null, "an input file or folder is required");
			require(outputFolder != null, "an output folder (--out) is required");
			MapSettings.of(type, radiusMm).withRange(rangeLowHu, rangeHighHu).withBinWidth(
				binWidthHu);
			require(mask != null && !mask.trim().isEmpty(),
				"--mask must be none, body or a label map file");
			boolean labelMap = !MASK_NONE.equals(mask) && !MASK_BODY.equals(mask);
			require(maskLabel == null || labelMap && maskLabel >= 1,
				"--mask-label needs a label map as --mask and a label of 1 or more, got " +
					maskLabel);
			Colormaps.get(colormap);
			require((min == null) == (max == null), "--min and --max go together");
			require(min == null || Double.isFinite(min) && Double.isFinite(max) && min < max,
				"--min must be below --max, got " + min + " and " + max);
			require(lowPercentile >= 0 && lowPercentile < highPercentile &&
				highPercentile <= 100, "--percentiles must satisfy 0 <= low < high <= 100, got " +
					lowPercentile + " and " + highPercentile);
			require(threshold == null || Double.isFinite(threshold), "--threshold must be finite");
			require(upperThreshold == null || Double.isFinite(upperThreshold) && (threshold ==
				null || upperThreshold >= threshold),
				"--upper-threshold must be finite and at or above --threshold");
			require(opacity >= 0 && opacity <= 1, "--opacity must be between 0 and 1, got " +
				opacity);
			require(ramp == null || ramp.length == 2 && Double.isFinite(ramp[0]) && Double
				.isFinite(ramp[1]) && ramp[0] != ramp[1],
				"--ramp needs two different values FROM,TO");
			require(montageColumns >= 1 && montageSlices >= 1,
				"--montage and --montage-slices must be 1 or more");
			require(viewPoint == null || viewPoint.length == 3,
				"--view-point needs X,Y,SLICE");
			if (slices != null) {
				for (int slice : slices) {
					require(slice >= 1, "--slices takes 1-based slice numbers, got " + slice);
				}
			}
			return new MapRequest(this);
		}

		private Builder copy() {
			Builder c = new Builder(input, outputFolder);
			c.seriesUid = seriesUid;
			c.type = type;
			c.external = external;
			c.radiusMm = radiusMm;
			c.rangeLowHu = rangeLowHu;
			c.rangeHighHu = rangeHighHu;
			c.binWidthHu = binWidthHu;
			c.mask = mask;
			c.maskLabel = maskLabel;
			c.colormap = colormap;
			c.window = window;
			c.min = min;
			c.max = max;
			c.lowPercentile = lowPercentile;
			c.highPercentile = highPercentile;
			c.threshold = threshold;
			c.upperThreshold = upperThreshold;
			c.opacity = opacity;
			c.ramp = ramp == null ? null : ramp.clone();
			c.unit = unit;
			c.slices = slices == null ? null : slices.clone();
			c.montageColumns = montageColumns;
			c.montageSlices = montageSlices;
			c.viewPoint = viewPoint == null ? null : viewPoint.clone();
			c.overwrite = overwrite;
			return c;
		}

		private static void require(boolean condition, String message) {
			if (!condition) throw new IllegalArgumentException(message);
		}
	}
}
