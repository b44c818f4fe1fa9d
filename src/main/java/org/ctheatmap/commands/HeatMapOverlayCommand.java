package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;

import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.core.LocalMean;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.lut.ColourBar;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;
import org.ctheatmap.lut.HeatMapRenderer;
import org.ctheatmap.lut.HeatMapSettings;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Draws the HU of a CT image as a heat map: an overlay of colours on a new HU
 * image shown in a CT window, plus optionally a flattened RGB stack and a
 * colour bar. The input image is not modified.
 * <p>
 * The heat-map output is a new 32-bit HU image titled "TITLE heat map" whose
 * display range is the CT window and whose overlay contains one colour image per
 * slice (see {@link HeatMapRenderer#overlay}). Voxels whose value, after the
 * optional local mean, is NaN or below the threshold are transparent. Each
 * output's "Info" property lists the settings used.
 * <p>
 * Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CT Heat Map>Heat Map Overlay")
public class HeatMapOverlayCommand extends ContextCommand {

	/** Name used in status messages and cancel reasons. */
	static final String NAME = "Heat Map Overlay";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "CT image (HU)")
	private ImagePlus image;

	@Parameter(label = "CT window", persist = false, choices = { CtWindow.SOFT_TISSUE,
		CtWindow.LUNG, CtWindow.MEDIASTINUM, CtWindow.BONE, CtWindow.BRAIN, CtWindow.LIVER,
		CtWindow.STROKE, CtWindow.SUBDURAL, CtWindow.CUSTOM },
		description = "Grey background; the presets follow Radiopaedia's typical values")
	private String window = CtWindow.SOFT_TISSUE;

	@Parameter(label = "Custom window centre (HU)", persist = false,
		description = "Used only when the CT window is Custom")
	private double windowCenterHu = 40;

	@Parameter(label = "Custom window width (HU)", persist = false,
		description = "Used only when the CT window is Custom; must be above 0")
	private double windowWidthHu = 400;

	@Parameter(label = "Colormap", persist = false, choices = { Colormaps.VIRIDIS,
		Colormaps.INFERNO, Colormaps.MAGMA, Colormaps.PLASMA, Colormaps.CIVIDIS, Colormaps.TURBO,
		Colormaps.HOT, Colormaps.FIRE, Colormaps.GRAYS, Colormaps.COOLWARM, Colormaps.RDBU,
		Colormaps.JET }, description = "jet is a legacy rainbow map, kept for older figures")
	private String colormap = Colormaps.VIRIDIS;

	@Parameter(label = "Minimum (HU)", persist = false,
		description = "Value shown in the first colour of the colormap")
	private double minHu = -100;

	@Parameter(label = "Maximum (HU)", persist = false,
		description = "Value shown in the last colour of the colormap")
	private double maxHu = 200;

	@Parameter(label = "Threshold (HU)", persist = false,
		description = "Voxels below this value, and NaN voxels, are transparent")
	private double thresholdHu = -100;

	@Parameter(label = "Opacity (0-1)", persist = false,
		description = "0 shows only the CT, 1 only the colours")
	private double opacity = 0.5;

	@Parameter(label = "Smoothing radius (mm)", persist = false,
		description = "Local mean over a box of this radius before colouring; 0 for none")
	private double smoothingRadiusMm = 0;

	@Parameter(label = "Create flattened RGB stack", persist = false)
	private boolean createFlattened = false;

	@Parameter(label = "Create colour bar", persist = false)
	private boolean createColourBar = true;

	@Parameter(type = ItemIO.OUTPUT, label = "Heat map")
	private ImagePlus heatMap;

	@Parameter(type = ItemIO.OUTPUT, label = "Flattened heat map (RGB)")
	private ImagePlus flattened;

	@Parameter(type = ItemIO.OUTPUT, label = "Colour bar")
	private ImagePlus colourBar;

	@Override
	public void run() {
		String problem = HeatMapMessages.validate(image, window, windowCenterHu, windowWidthHu,
			minHu, maxHu, thresholdHu, opacity, smoothingRadiusMm);
		if (problem != null) {
			cancel(NAME + ": " + problem);
			return;
		}
		try {
			render();
		} catch (IllegalArgumentException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}

	private void render() {
		ProgressListener progress = new StatusProgress(status, NAME);
		CtVolume volume = HuImages.toHuVolume(image);
		for (String warning : volume.warnings()) {
			if (log != null) log.warn(NAME + ": " + warning);
		}
		HeatMapSettings settings = settings();
		ImageStack map = volume.image().getStack();
		if (smoothingRadiusMm > 0) {
			map = LocalMean.smooth(map, volume, smoothingRadiusMm, progress);
		}
		Overlay overlay = HeatMapRenderer.overlay(volume, map, settings, progress);
		String info = info(settings, volume);

		heatMap = volume.image();
		heatMap.setTitle(image.getTitle() + " heat map");
		HeatMapRenderer.attach(heatMap, overlay, settings);
		heatMap.setProperty("Info", info);
		if (createFlattened) {
			flattened = HeatMapRenderer.flatten(volume, map, settings, image.getTitle() +
				" heat map (RGB)", progress);
			flattened.setProperty("Info", info);
		}
		if (createColourBar) {
			ColourBar bar = new ColourBar(settings.scale(), image.getTitle(), settings.unit());
			colourBar = new ImagePlus(image.getTitle() + " colour bar", bar.render());
			colourBar.setProperty("Info", info);
		}
	}

	private HeatMapSettings settings() {
		CtWindow ctWindow = CtWindow.CUSTOM.equals(window) ? CtWindow.custom(windowCenterHu,
			windowWidthHu) : CtWindow.preset(window);
		return HeatMapSettings.builder(Colormaps.get(colormap), minHu, maxHu).threshold(
			thresholdHu).opacity(opacity).window(ctWindow).build();
	}

	/** Returns "label: value" lines of the settings, for the outputs' Info property. */
	private String info(HeatMapSettings settings, CtVolume volume) {
		StringBuilder text = new StringBuilder(NAME + "\n");
		for (Map.Entry<String, String> entry : settings.describe().entrySet()) {
			text.append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
		}
		int[] half = LocalMean.halfWidths(smoothingRadiusMm, volume.geometry().spacing());
		text.append("Smoothing radius (mm): ").append(smoothingRadiusMm).append('\n');
		text.append("Smoothing half-widths x, y, z (voxels): ").append(half[0]).append(", ")
			.append(half[1]).append(", ").append(half[2]).append('\n');
		text.append("HU conversion: ").append(volume.huConversion()).append('\n');
		return text.toString();
	}
}
