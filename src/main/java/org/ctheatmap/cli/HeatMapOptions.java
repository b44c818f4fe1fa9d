package org.ctheatmap.cli;

import java.nio.file.Path;

import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;

import picocli.CommandLine.Option;

/**
 * The colouring and montage options of the subcommands that draw heat maps
 * ({@code heatmap} and {@code batch}), as a picocli mixin: window, colour
 * table, HU range, threshold, opacity, smoothing and montage layout. Values
 * are HU and mm.
 */
public final class HeatMapOptions {

	@Option(names = "--window", paramLabel = "NAME",
		description = "Grey window preset of the background: lung, mediastinum, soft-tissue," +
			" bone, brain, liver, stroke, subdural (default: soft-tissue, centre 50 HU," +
			" width 400 HU).")
	private String window;

	@Option(names = "--window-center", paramLabel = "HU",
		description = "Custom window centre in HU; needs --window-width.")
	private Double windowCenterHu;

	@Option(names = "--window-width", paramLabel = "HU",
		description = "Custom window width in HU, above 0; needs --window-center.")
	private Double windowWidthHu;

	@Option(names = "--colormap", paramLabel = "NAME", defaultValue = Colormaps.VIRIDIS,
		description = "Colour table: viridis, inferno, magma, plasma, cividis, turbo, hot," +
			" fire, grays, coolwarm, RdBu, jet (default: ${DEFAULT-VALUE}).")
	private String colormap;

	@Option(names = "--min", paramLabel = "HU", defaultValue = "-100",
		description = "HU shown with the first colour of the table (default: ${DEFAULT-VALUE}).")
	private double minHu;

	@Option(names = "--max", paramLabel = "HU", defaultValue = "200",
		description = "HU shown with the last colour of the table (default: ${DEFAULT-VALUE})." +
			" Values outside min..max get the end colours.")
	private double maxHu;

	@Option(names = "--threshold", paramLabel = "HU",
		description = "Voxels below this HU get no colour, so the grey CT shows through" +
			" (default: the --min value).")
	private Double thresholdHu;

	@Option(names = "--opacity", paramLabel = "0..1", defaultValue = "0.5",
		description = "Opacity of the colour over the grey CT, 0 to 1" +
			" (default: ${DEFAULT-VALUE}).")
	private double opacity;

	@Option(names = "--smooth", paramLabel = "MM", defaultValue = "0",
		description = "Radius in mm of a local mean applied to the HU before colouring;" +
			" 0 for none (default: ${DEFAULT-VALUE}). Statistics use the unsmoothed HU.")
	private double smoothingRadiusMm;

	@Option(names = "--montage", paramLabel = "COLUMNS", defaultValue = "4",
		description = "Tiles per row of the PNG montage (default: ${DEFAULT-VALUE}).")
	private int montageColumns;

	@Option(names = "--montage-slices", paramLabel = "N", defaultValue = "12",
		description = "Number of evenly spaced slices in the montage when no slice list is" +
			" given (default: ${DEFAULT-VALUE}).")
	private int montageSlices;

	/**
	 * Returns a request builder for one input and output folder with these
	 * options applied; the caller adds the remaining settings and builds it.
	 *
	 * @throws IllegalArgumentException if the window options contradict each
	 *           other or name no preset
	 */
	public HeatMapRequest.Builder builder(Path input, Path outputFolder) {
		return new HeatMapRequest.Builder(input, outputFolder).window(window()).colormap(colormap)
			.range(minHu, maxHu).thresholdHu(thresholdHu).opacity(opacity).smoothingRadiusMm(
				smoothingRadiusMm).montage(montageColumns, montageSlices);
	}

	private CtWindow window() {
		boolean custom = windowCenterHu != null || windowWidthHu != null;
		if (!custom) {
			return CtWindow.preset(window == null ? CtWindow.SOFT_TISSUE : presetName(window));
		}
		if (window != null && !presetName(window).equalsIgnoreCase(CtWindow.CUSTOM)) {
			throw new IllegalArgumentException("Use either --window or --window-center with" +
				" --window-width, not both");
		}
		if (windowCenterHu == null || windowWidthHu == null) {
			throw new IllegalArgumentException("A custom window needs both --window-center and" +
				" --window-width");
		}
		return CtWindow.custom(windowCenterHu, windowWidthHu);
	}

	/** Accepts "soft-tissue" and "soft_tissue" for the preset "Soft tissue". */
	private static String presetName(String text) {
		return text.replace('-', ' ').replace('_', ' ');
	}
}
