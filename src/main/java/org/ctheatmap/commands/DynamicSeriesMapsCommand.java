package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.ctheatmap.compare.DifferenceDisplay;
import org.ctheatmap.compare.EnhancementMaps;
import org.ctheatmap.compare.FrameTimes;
import org.ctheatmap.compare.PatientVolume;
import org.ctheatmap.compare.TimeIntensityCurves;
import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.lut.ColourBar;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;
import org.ctheatmap.lut.HeatMapRenderer;
import org.ctheatmap.lut.HeatMapSettings;
import org.ctheatmap.measure.RoiRegions;
import org.ctheatmap.measure.VoxelGrid;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Maps a contrast-enhanced dynamic series (a hyperstack with frames, or a 4-D
 * NIfTI file): peak enhancement (HU), time to peak (s), area under the curve
 * (HU·s) and maximum wash-in slope (HU/s), see {@link EnhancementMaps}, and
 * the time-intensity curve of every ROI region.
 * <p>
 * Each map output is the first frame's HU in the soft-tissue window with the
 * map drawn as a heat-map overlay and its colour bar in the top-right
 * corner. The colour range runs from 0 to the 99th percentile of the map in
 * the body, or to the last frame time for the time to peak. Values below 0
 * are transparent. {@code parameterMaps} contains the four maps' values as
 * channels. ROIs come from {@code roiFile}, the ROI Manager or the series'
 * overlay, as in Measure ROIs; a ROI on frame 0 covers every frame. The input
 * is not modified. Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CT Heat Map>Dynamic Series Maps")
public class DynamicSeriesMapsCommand extends ContextCommand {

	/** Name used in status messages and cancel reasons. */
	static final String NAME = "Dynamic Series Maps";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "Dynamic series (hyperstack with frames)", required = false)
	private ImagePlus series;

	@Parameter(label = "Series file (4-D NIfTI)", required = false, persist = false,
		description = "Replaces the image when given")
	private File seriesFile;

	@Parameter(label = "Frame interval (s)", persist = false,
		description = "0: from the file or the image's frame interval")
	private double frameIntervalSeconds = 0;

	@Parameter(label = "Baseline frames", persist = false, min = "1",
		description = "Leading frames averaged as the unenhanced baseline")
	private int baselineFrames = 1;

	@Parameter(label = "Inside the body only", persist = false)
	private boolean bodyOnly = true;

	@Parameter(label = "Colormap", persist = false, choices = { Colormaps.INFERNO,
		Colormaps.VIRIDIS, Colormaps.MAGMA, Colormaps.PLASMA, Colormaps.CIVIDIS, Colormaps.TURBO,
		Colormaps.FIRE })
	private String colormap = Colormaps.INFERNO;

	@Parameter(label = "Opacity (0-1)", persist = false)
	private double opacity = 0.6;

	@Parameter(label = "ROI set file (.zip or .roi)", required = false, persist = false,
		description = "Empty: the ROI Manager, or the series overlay when headless")
	private File roiFile;

	@Parameter(type = ItemIO.OUTPUT, label = "Peak enhancement (HU)")
	private ImagePlus peakEnhancement;

	@Parameter(type = ItemIO.OUTPUT, label = "Time to peak (s)")
	private ImagePlus timeToPeak;

	@Parameter(type = ItemIO.OUTPUT, label = "Area under the curve (HU·s)")
	private ImagePlus areaUnderCurve;

	@Parameter(type = ItemIO.OUTPUT, label = "Maximum wash-in slope (HU/s)")
	private ImagePlus washInSlope;

	@Parameter(type = ItemIO.OUTPUT, label = "Parameter maps")
	private ImagePlus parameterMaps;

	@Parameter(type = ItemIO.OUTPUT, label = "Time-intensity curves")
	private ResultsTable curves;

	@Parameter(type = ItemIO.OUTPUT, label = "Time-intensity plot")
	private ImagePlus curvePlot;

	@Override
	public void run() {
		if (series == null && MeasureOutputs.isEmpty(seriesFile)) {
			cancel(NAME + ": No dynamic series. Open a hyperstack with frames or give seriesFile.");
			return;
		}
		if (!(opacity >= 0 && opacity <= 1)) {
			cancel(NAME + ": Opacity must be between 0 and 1, got " + opacity + ".");
			return;
		}
		try {
			ProgressListener progress = new StatusProgress(status, NAME);
			CtVolume volume = MeasureOutputs.isEmpty(seriesFile) ? HuImages.toHuVolume(series)
				: CtReaders.open(seriesFile.toPath(), new ReadOptions(null, progress));
			double[] times = times(volume);
			boolean[][] mask = bodyOnly ? BodyMask.compute(volume, 1, ProgressListener.NONE) : null;
			EnhancementMaps maps = EnhancementMaps.compute(volume, times, baselineFrames, mask,
				progress);
			publishMaps(volume, maps, times, mask);
			measureCurves(volume, times, progress);
		} catch (IllegalArgumentException | IOException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}

	/** Returns the frame times: the given interval, or the one the input carries. */
	private double[] times(CtVolume volume) {
		if (frameIntervalSeconds > 0) {
			return FrameTimes.evenly(volume.frames(), frameIntervalSeconds);
		}
		boolean fromImage = series != null && MeasureOutputs.isEmpty(seriesFile);
		return FrameTimes.of(volume, fromImage ? series.getCalibration() : volume.image()
			.getCalibration());
	}

	private void publishMaps(CtVolume volume, EnhancementMaps maps, double[] times,
		boolean[][] mask)
	{
		PatientVolume[] values = maps.maps();
		ImagePlus[] images = new ImagePlus[values.length];
		CtVolume firstFrame = firstFrame(volume);
		for (int m = 0; m < values.length; m++) {
			double upper = m == 1 ? times[times.length - 1] - times[0] : DifferenceDisplay
				.automaticLimit(values[m].values(), mask, DifferenceDisplay.DEFAULT_PERCENTILE);
			HeatMapSettings settings = HeatMapSettings.builder(Colormaps.get(colormap), 0, upper)
				.threshold(0).opacity(opacity).unit(EnhancementMaps.UNITS[m]).window(CtWindow
					.preset(CtWindow.SOFT_TISSUE)).build();
			images[m] = overlayImage(firstFrame, values[m], settings, EnhancementMaps.NAMES[m]);
		}
		peakEnhancement = images[0];
		timeToPeak = images[1];
		areaUnderCurve = images[2];
		washInSlope = images[3];
		parameterMaps = channels(volume, values);
		parameterMaps.setProperty("Info", maps.describe().toString());
	}

	/** Returns a copy of the first frame with the map overlay and a colour bar in the corner. */
	private static ImagePlus overlayImage(CtVolume firstFrame, PatientVolume map,
		HeatMapSettings settings, String name)
	{
		ImagePlus image = firstFrame.image().duplicate();
		image.setTitle(firstFrame.image().getTitle() + " " + name.toLowerCase() + " (" + settings
			.unit() + ")");
		Overlay overlay = HeatMapRenderer.overlay(firstFrame, map.values().toStack(), settings,
			ProgressListener.NONE);
		ColorProcessor bar = new ColourBar(settings.scale(), name, settings.unit()).render();
		ImageRoi barRoi = new ImageRoi(Math.max(0, image.getWidth() - bar.getWidth()), 0, bar);
		barRoi.setName("colour bar");
		overlay.add(barRoi);
		HeatMapRenderer.attach(image, overlay, settings);
		StringBuilder info = new StringBuilder(NAME + ": " + name + "\n");
		for (Map.Entry<String, String> entry : settings.describe().entrySet()) {
			info.append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
		}
		image.setProperty("Info", info.toString());
		return image;
	}

	private static CtVolume firstFrame(CtVolume volume) {
		ImageStack stack = new ImageStack(volume.width(), volume.height());
		PatientVolume first = PatientVolume.of(volume, 1);
		for (float[] slice : first.values().slices()) {
			stack.addSlice("", slice.clone());
		}
		return new CtVolume(new ImagePlus(volume.image().getTitle(), stack), volume.geometry(),
			volume.huConversion(), volume.metadata(), volume.warnings());
	}

	/** Returns the maps as a 32-bit hyperstack with one channel per map. */
	private static ImagePlus channels(CtVolume volume, PatientVolume[] maps) {
		ImageStack stack = new ImageStack(volume.width(), volume.height());
		for (int k = 0; k < volume.depth(); k++) {
			for (int m = 0; m < maps.length; m++) {
				stack.addSlice(EnhancementMaps.NAMES[m] + " (" + EnhancementMaps.UNITS[m] + ")",
					maps[m].values().slices()[k]);
			}
		}
		ImagePlus image = new ImagePlus(volume.image().getTitle() + " parameter maps", stack);
		image.setDimensions(maps.length, volume.depth(), 1);
		image.setOpenAsHyperStack(true);
		image.setCalibration(volume.image().getCalibration().copy());
		image.getCalibration().setValueUnit("");
		return image;
	}

	private void measureCurves(CtVolume volume, double[] times, ProgressListener progress)
		throws IOException
	{
		ImagePlus roiImage = series != null ? series : volume.image();
		List<Roi> rois = RoiSources.read(RoiSources.choose(roiFile, roiImage), roiFile, roiImage);
		if (rois.isEmpty()) return;
		TimeIntensityCurves measured = TimeIntensityCurves.measure(volume, RoiRegions.group(rois,
			VoxelGrid.of(volume.image())), times, baselineFrames, progress);
		curves = measured.toResultsTable();
		curvePlot = measured.plot();
		if (log != null) {
			log.info(NAME + ": time-intensity curves of " + measured.regions().size() + " regions");
		}
	}
}
