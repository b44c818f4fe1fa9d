package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;

import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.hotspot.Connectivity;
import org.ctheatmap.core.hotspot.Hotspot;
import org.ctheatmap.core.hotspot.HotspotFinder;
import org.ctheatmap.core.hotspot.HotspotMap;
import org.ctheatmap.lut.HotspotOutlines;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Finds hotspots in a map or CT image: 3-D connected regions at or above a
 * threshold with a minimum volume (see {@link HotspotFinder}), each time
 * point separately, numbered per time point. Lists them in the system
 * Results table, one row per hotspot. Adds their outlines, one ROI per
 * hotspot and slice, named and grouped per hotspot, to the ROI Manager. When
 * Java is headless they go to the image's overlay instead, so no window
 * opens. The image's pixels are not
 * modified.
 * <p>
 * Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CT Heat Map>Find Hotspots")
public class FindHotspotsCommand extends ContextCommand {

	/** Name used in status messages and cancel reasons. */
	static final String NAME = "Find Hotspots";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "Map or CT image")
	private ImagePlus image;

	@Parameter(label = "Threshold (map unit)", persist = false,
		description = "Voxels at or above this value form hotspots, e.g. HU for a CT")
	private double threshold = 100;

	@Parameter(label = "Connectivity", persist = false, choices = { "6", "18", "26" },
		description = "Neighbours that join voxels: faces (6), edges (18) or corners (26)")
	private String connectivity = Connectivity.TWENTY_SIX.label();

	@Parameter(label = "Minimum volume (mm³)", persist = false,
		description = "Smaller regions are dropped")
	private double minVolumeMm3 = 10;

	@Parameter(label = "Add outlines as ROIs", persist = false)
	private boolean addRois = true;

	@Parameter(type = ItemIO.OUTPUT, label = "Hotspots")
	private ResultsTable hotspotTable;

	@Parameter(type = ItemIO.OUTPUT, label = "Number of hotspots")
	private int hotspotCount;

	@Override
	public void run() {
		if (image == null) {
			cancel(NAME + ": No image. Open a map or CT image and run the command again.");
			return;
		}
		try {
			find();
		} catch (IllegalArgumentException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}

	private void find() {
		Connectivity neighbours = Connectivity.fromLabel(connectivity);
		ProgressListener progress = new StatusProgress(status, NAME);
		CtVolume volume = HuImages.toHuVolume(image);
		float[][] slices = FloatVolume.wrap(volume.image().getStack()).slices();
		List<Hotspot> hotspots = new ArrayList<>();
		List<Roi> rois = new ArrayList<>();
		for (int t = 1; t <= volume.frames(); t++) {
			float[][] frame = new float[volume.depth()][];
			System.arraycopy(slices, (t - 1) * volume.depth(), frame, 0, volume.depth());
			HotspotMap found = HotspotFinder.find(frame, volume.width(), volume.height(), volume
				.geometry(), threshold, neighbours, minVolumeMm3, t, progress);
			hotspots.addAll(found.hotspots());
			if (addRois) rois.addAll(HotspotOutlines.trace(found, t, volume.frames() > 1));
		}
		hotspotCount = hotspots.size();
		hotspotTable = HotspotTable.of(hotspots, valueUnit(image));
		Analyzer.setResultsTable(hotspotTable);
		if (!RoiSources.headless()) hotspotTable.show(MeasureOutputs.RESULTS_TITLE);
		String destination = rois.isEmpty() ? "nowhere" : RoiSources.show(rois, image)
			.toString();
		if (log != null) {
			log.info(NAME + ": " + hotspotCount + " hotspots at or above " + threshold + ", " +
				rois.size() + " ROIs added to the " + destination);
		}
	}

	/** Returns the image's value unit, "HU" for a calibrated CT, or "a.u." for none. */
	static String valueUnit(ImagePlus image) {
		String unit = image.getCalibration().getValueUnit();
		if (unit == null || unit.isBlank() || "Gray Value".equalsIgnoreCase(unit)) return "a.u.";
		return unit;
	}
}
