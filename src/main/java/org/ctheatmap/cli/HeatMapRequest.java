package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;

/**
 * Everything a heat-map run needs: input, output folder and rendering
 * settings. Values are in HU, mm and 1-based slice numbers. Instances are
 * immutable; build them with {@link Builder}.
 */
public final class HeatMapRequest {

	private final Path input;
	private final Path outputFolder;
	private final String seriesUid;
	private final CtWindow window;
	private final String colormap;
	private final double minHu;
	private final double maxHu;
	private final double thresholdHu;
	private final double opacity;
	private final double smoothingRadiusMm;
	private final int[] slices;
	private final int montageColumns;
	private final int montageSlices;
	private final boolean overwrite;

	private HeatMapRequest(Builder b) {
		input = b.input;
		outputFolder = b.outputFolder;
		seriesUid = b.seriesUid;
		window = b.window;
		colormap = b.colormap;
		minHu = b.minHu;
		maxHu = b.maxHu;
		thresholdHu = b.thresholdHu == null ? b.minHu : b.thresholdHu;
		opacity = b.opacity;
		smoothingRadiusMm = b.smoothingRadiusMm;
		slices = b.slices == null ? null : b.slices.clone();
		montageColumns = b.montageColumns;
		montageSlices = b.montageSlices;
		overwrite = b.overwrite;
	}

	public Path input() {
		return input;
	}

	public Path outputFolder() {
		return outputFolder;
	}

	/** Returns the requested DICOM Series Instance UID, or null for the default series. */
	public String seriesUid() {
		return seriesUid;
	}

	/** Returns the grey window of the background. */
	public CtWindow window() {
		return window;
	}

	/** Returns the colour table name, as listed by {@link Colormaps#names()}. */
	public String colormap() {
		return colormap;
	}

	/** Returns the HU that gets the first colour of the table. */
	public double minHu() {
		return minHu;
	}

	/** Returns the HU that gets the last colour of the table. */
	public double maxHu() {
		return maxHu;
	}

	/** Returns the HU below which voxels get no colour; defaults to {@link #minHu()}. */
	public double thresholdHu() {
		return thresholdHu;
	}

	/** Returns the opacity of the colour over the grey background, 0..1. */
	public double opacity() {
		return opacity;
	}

	/** Returns the local-mean radius in mm applied before colouring; 0 for none. */
	public double smoothingRadiusMm() {
		return smoothingRadiusMm;
	}

	/** Returns the 1-based slices of the montage, or null for evenly spaced slices. */
	public int[] slices() {
		return slices == null ? null : slices.clone();
	}

	/** Returns the number of tiles per montage row. */
	public int montageColumns() {
		return montageColumns;
	}

	/** Returns how many evenly spaced slices the montage shows when no slices are given. */
	public int montageSlices() {
		return montageSlices;
	}

	/** Returns whether existing outputs may be replaced. */
	public boolean overwrite() {
		return overwrite;
	}

	/** Returns the settings for the sidecar, with units in the key names. */
	public Map<String, Object> toMap() {
		Map<String, Object> window = new LinkedHashMap<>();
		window.put("name", this.window.name());
		window.put("centerHu", this.window.centerHu());
		window.put("widthHu", this.window.widthHu());
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("seriesUid", seriesUid);
		map.put("window", window);
		map.put("colormap", colormap);
		map.put("minHu", minHu);
		map.put("maxHu", maxHu);
		map.put("thresholdHu", thresholdHu);
		map.put("opacity", opacity);
		map.put("smoothingRadiusMm", smoothingRadiusMm);
		map.put("slices", slices);
		map.put("montageColumns", montageColumns);
		map.put("montageSlices", montageSlices);
		map.put("overwrite", overwrite);
		return map;
	}

	@Override
	public String toString() {
		return "HeatMapRequest " + input + " -> " + outputFolder;
	}

	/** Collects and checks the settings of a {@link HeatMapRequest}. */
	public static final class Builder {

		private Path input;
		private Path outputFolder;
		private String seriesUid;
		private CtWindow window = CtWindow.preset(CtWindow.SOFT_TISSUE);
		private String colormap = Colormaps.VIRIDIS;
		private double minHu = -100;
		private double maxHu = 200;
		private Double thresholdHu;
		private double opacity = 0.5;
		private double smoothingRadiusMm;
		private int[] slices;
		private int montageColumns = 4;
		private int montageSlices = 12;
		private boolean overwrite;

		public Builder(Path input, Path outputFolder) {
			this.input = input;
			this.outputFolder = outputFolder;
		}

		public Builder seriesUid(String uid) {
			seriesUid = uid;
			return this;
		}

		public Builder window(CtWindow value) {
			window = value;
			return this;
		}

		public Builder colormap(String name) {
			colormap = name;
			return this;
		}

		public Builder range(double min, double max) {
			minHu = min;
			maxHu = max;
			return this;
		}

		/** Sets the threshold in HU; null means the range minimum. */
		public Builder thresholdHu(Double value) {
			thresholdHu = value;
			return this;
		}

		public Builder opacity(double value) {
			opacity = value;
			return this;
		}

		public Builder smoothingRadiusMm(double value) {
			smoothingRadiusMm = value;
			return this;
		}

		/** Sets 1-based montage slices; null chooses evenly spaced slices. */
		public Builder slices(int[] values) {
			slices = values == null ? null : values.clone();
			return this;
		}

		public Builder montage(int columns, int count) {
			montageColumns = columns;
			montageSlices = count;
			return this;
		}

		public Builder overwrite(boolean value) {
			overwrite = value;
			return this;
		}

		/**
		 * Checks the settings and builds the request.
		 *
		 * @throws IllegalArgumentException naming the first invalid setting
		 */
		public HeatMapRequest build() {
			require(input != null, "an input file or folder is required");
			require(outputFolder != null, "an output folder (--out) is required");
			require(Double.isFinite(minHu) && Double.isFinite(maxHu) && minHu < maxHu,
				"--min must be below --max, got " + minHu + " and " + maxHu + " HU");
			require(thresholdHu == null || !Double.isInfinite(thresholdHu) && !thresholdHu
				.isNaN(), "--threshold must be a finite HU value, got " + thresholdHu);
			require(opacity >= 0 && opacity <= 1, "--opacity must be between 0 and 1, got " +
				opacity);
			require(smoothingRadiusMm >= 0 && Double.isFinite(smoothingRadiusMm),
				"--smooth must be a radius of 0 mm or more, got " + smoothingRadiusMm);
			require(montageColumns >= 1, "--montage must be 1 or more columns, got " +
				montageColumns);
			require(montageSlices >= 1, "--montage-slices must be 1 or more, got " +
				montageSlices);
			if (slices != null) {
				require(slices.length > 0, "--slices needs at least one slice number");
				for (int slice : slices) {
					require(slice >= 1, "--slices takes 1-based slice numbers, got " + slice);
				}
			}
			Colormaps.get(colormap);
			return new HeatMapRequest(this);
		}

		private static void require(boolean condition, String message) {
			if (!condition) throw new IllegalArgumentException(message);
		}
	}
}
