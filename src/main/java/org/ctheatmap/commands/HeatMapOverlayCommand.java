package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;

import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.core.LocalMean;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.maps.MapPercentiles;
import org.ctheatmap.lut.ColourBar;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;
import org.ctheatmap.lut.HeatMapRenderer;
import org.ctheatmap.lut.HeatMapSettings;
import org.ctheatmap.lut.OrthogonalViews;
import org.ctheatmap.lut.OrthogonalViews.View;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Draws a value map over a CT image as a heat map: an overlay of colours on a
 * new HU image shown in a CT window. Optional outputs are a flattened RGB
 * stack (with the colour bar burnt in on request), a colour bar, orthogonal
 * views and a maximum-intensity projection. The input images are not
 * modified.
 * <p>
 * The map is the CT's HU, or {@code valueMap}, an image on the CT's grid such
 * as a "Parameter Map" result or a probability map from another tool. With a
 * value map, minHu, maxHu, thresholdHu, upperThresholdHu, rampFromHu and
 * rampToHu are in the map's unit despite their names, which are kept because
 * recorded macros use them. The heat-map output is a new 32-bit HU image
 * titled "TITLE heat map" whose display range is the CT window and whose
 * overlay contains one colour image per slice and time point (see
 * {@link HeatMapRenderer#overlay}). Voxels whose map value, after the
 * optional local mean, is NaN, below the threshold, above the upper
 * threshold or outside the mask are transparent. Each output's "Info"
 * property lists the settings used, including the range that percentiles
 * gave.
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

	@Parameter(label = "Value map (optional)", required = false,
		description = "Image on the CT's grid to colour instead of the HU")
	private ImagePlus valueMap;

	@Parameter(label = "Value unit", persist = false, choices = { OverlayOutputs.UNIT_AUTO,
		"HU", "ΔHU", "%", "a.u." },
		description = "Unit on the colour bar; Auto is HU, or the value map's own unit")
	private String valueUnit = OverlayOutputs.UNIT_AUTO;

	@Parameter(label = "Range", persist = false, choices = { HeatMapMessages.RANGE_FIXED,
		HeatMapMessages.RANGE_PERCENTILES },
		description = "Fixed: minimum and maximum below; Percentiles: of the map inside the mask")
	private String rangeMode = HeatMapMessages.RANGE_FIXED;

	@Parameter(label = "Low percentile", persist = false,
		description = "Percentiles range only: percentile shown in the first colour")
	private double lowPercentile = 2;

	@Parameter(label = "High percentile", persist = false,
		description = "Percentiles range only: percentile shown in the last colour")
	private double highPercentile = 98;

	@Parameter(label = "Minimum (HU)", persist = false,
		description = "Value shown in the first colour of the colormap")
	private double minHu = -100;

	@Parameter(label = "Maximum (HU)", persist = false,
		description = "Value shown in the last colour of the colormap")
	private double maxHu = 200;

	@Parameter(label = "Threshold (HU)", persist = false,
		description = "Voxels below this value, and NaN voxels, are transparent")
	private double thresholdHu = -100;

	@Parameter(label = "Upper threshold (HU)", persist = false,
		description = "Voxels above this value are transparent; Infinity for none")
	private double upperThresholdHu = Double.POSITIVE_INFINITY;

	@Parameter(label = "Opacity ramp from (HU)", persist = false,
		description = "Value that gets opacity 0; NaN for no ramp")
	private double rampFromHu = Double.NaN;

	@Parameter(label = "Opacity ramp to (HU)", persist = false,
		description = "Value that gets the full opacity; NaN for no ramp")
	private double rampToHu = Double.NaN;

	@Parameter(label = "Mask", persist = false, choices = { MapInputs.MASK_NONE,
		MapInputs.MASK_BODY, MapInputs.MASK_ROI },
		description = "The map is transparent outside; percentiles use only voxels inside")
	private String mask = MapInputs.MASK_NONE;

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

	@Parameter(label = "Colour bar title", required = false, persist = false,
		description = "Empty: the image title")
	private String colourBarTitle = "";

	@Parameter(label = "Colour bar orientation", persist = false, choices = {
		OverlayOutputs.VERTICAL, OverlayOutputs.HORIZONTAL })
	private String colourBarOrientation = OverlayOutputs.VERTICAL;

	@Parameter(label = "Burn colour bar into flattened stack", persist = false)
	private boolean burnColourBar = false;

	@Parameter(label = "Create orthogonal views", persist = false)
	private boolean createViews = false;

	@Parameter(label = "View point x (pixels)", persist = false,
		description = "0-based column of the views' crossing point; -1 for the centre")
	private int viewX = -1;

	@Parameter(label = "View point y (pixels)", persist = false,
		description = "0-based row of the views' crossing point; -1 for the centre")
	private int viewY = -1;

	@Parameter(label = "View slice", persist = false,
		description = "1-based slice of the axial view; 0 for the centre")
	private int viewSlice = 0;

	@Parameter(label = "Create maximum projection", persist = false,
		description = "Maximum of the map along the slices, in colour")
	private boolean createProjection = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Heat map")
	private ImagePlus heatMap;

	@Parameter(type = ItemIO.OUTPUT, label = "Flattened heat map (RGB)")
	private ImagePlus flattened;

	@Parameter(type = ItemIO.OUTPUT, label = "Colour bar")
	private ImagePlus colourBar;

	@Parameter(type = ItemIO.OUTPUT, label = "Axial view")
	private ImagePlus axialView;

	@Parameter(type = ItemIO.OUTPUT, label = "Coronal view")
	private ImagePlus coronalView;

	@Parameter(type = ItemIO.OUTPUT, label = "Sagittal view")
	private ImagePlus sagittalView;

	@Parameter(type = ItemIO.OUTPUT, label = "Maximum projection")
	private ImagePlus projection;

	@Override
	public void run() {
		String problem = HeatMapMessages.validate(image, window, windowCenterHu, windowWidthHu,
			minHu, maxHu, thresholdHu, opacity, smoothingRadiusMm);
		if (problem == null) {
			problem = HeatMapMessages.validateExtras(rangeMode, lowPercentile, highPercentile,
				thresholdHu, upperThresholdHu, rampFromHu, rampToHu);
		}
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
		OverlayOutputs.MapSource source = OverlayOutputs.mapSource(volume, valueMap, image,
			valueUnit);
		for (String warning : source.warnings()) {
			if (log != null) log.warn(NAME + ": " + warning);
		}
		ImageStack map = source.values();
		if (smoothingRadiusMm > 0) {
			map = LocalMean.smooth(map, volume, smoothingRadiusMm, progress);
		}
		boolean[][] planes = MapInputs.mask(mask, volume, image, progress);
		HeatMapSettings settings = settings(map, planes, volume.depth(), source.unit());
		Overlay overlay = HeatMapRenderer.overlay(volume, map, settings, planes, progress);
		String info = info(settings, volume);

		heatMap = volume.image();
		heatMap.setTitle(image.getTitle() + " heat map");
		HeatMapRenderer.attach(heatMap, overlay, settings);
		heatMap.setProperty("Info", info);
		OverlayOutputs.attachValues(heatMap, map, settings.unit());
		ColourBar bar = new ColourBar(settings.scale(), colourBarTitle == null || colourBarTitle
			.isEmpty() ? image.getTitle() : colourBarTitle, settings.unit()).withOrientation(
				OverlayOutputs.orientation(colourBarOrientation));
		if (createFlattened) {
			flattened = HeatMapRenderer.flatten(volume, map, settings, planes, image.getTitle() +
				" heat map (RGB)", progress);
			if (burnColourBar) flattened.setStack(bar.appendTo(flattened.getStack()));
			flattened.setProperty("Info", info);
		}
		if (createColourBar) {
			colourBar = new ImagePlus(image.getTitle() + " colour bar", bar.render());
			colourBar.setProperty("Info", info);
		}
		if (createViews || createProjection) views(volume, map, settings, planes, info);
	}

	private void views(CtVolume volume, ImageStack map, HeatMapSettings settings,
		boolean[][] planes, String info)
	{
		OrthogonalViews views = new OrthogonalViews(volume, map, settings, planes, 1);
		String title = image.getTitle();
		if (createViews) {
			int[] voxel = OverlayOutputs.viewPoint(volume, viewX, viewY, viewSlice);
			axialView = OverlayOutputs.view(views, View.AXIAL, voxel, title + " axial", info);
			coronalView = OverlayOutputs.view(views, View.CORONAL, voxel, title + " coronal",
				info);
			sagittalView = OverlayOutputs.view(views, View.SAGITTAL, voxel, title + " sagittal",
				info);
		}
		if (createProjection) {
			projection = OverlayOutputs.image(views.maximumProjection(View.AXIAL), views, title +
				" maximum projection", info);
		}
	}

	private HeatMapSettings settings(ImageStack map, boolean[][] planes, int depth,
		String unit)
	{
		CtWindow ctWindow = CtWindow.CUSTOM.equals(window) ? CtWindow.custom(windowCenterHu,
			windowWidthHu) : CtWindow.preset(window);
		double low = minHu;
		double high = maxHu;
		String rangeSource = "fixed";
		if (HeatMapMessages.RANGE_PERCENTILES.equals(rangeMode)) {
			double[] range = MapPercentiles.of(map, planes, depth, lowPercentile, highPercentile);
			low = range[0];
			high = range[1] > range[0] ? range[1] : Math.nextUp(range[0]);
			rangeSource = "percentiles " + lowPercentile + " and " + highPercentile +
				" of the map inside the mask (" + MapInputs.describe(mask) + ")";
		}
		HeatMapSettings.Builder builder = HeatMapSettings.builder(Colormaps.get(colormap), low,
			high).threshold(thresholdHu).upperThreshold(upperThresholdHu).opacity(opacity)
			.window(ctWindow).unit(unit).rangeSource(rangeSource);
		if (!Double.isNaN(rampFromHu)) builder.opacityRamp(rampFromHu, rampToHu);
		return builder.build();
	}

	/** Returns "label: value" lines of the settings, for the outputs' Info property. */
	private String info(HeatMapSettings settings, CtVolume volume) {
		StringBuilder text = new StringBuilder(NAME + "\n");
		for (Map.Entry<String, String> entry : settings.describe().entrySet()) {
			text.append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
		}
		int[] half = LocalMean.halfWidths(smoothingRadiusMm, volume.geometry().spacing());
		text.append("Value map: ").append(OverlayOutputs.isNone(valueMap, image) ? "HU of the CT"
			: valueMap.getTitle()).append('\n');
		text.append("Mask: ").append(MapInputs.describe(mask)).append('\n');
		text.append("Smoothing radius (mm): ").append(smoothingRadiusMm).append('\n');
		text.append("Smoothing half-widths x, y, z (voxels): ").append(half[0]).append(", ")
			.append(half[1]).append(", ").append(half[2]).append('\n');
		text.append("HU conversion: ").append(volume.huConversion()).append('\n');
		return text.toString();
	}
}
