package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.ctheatmap.measure.MeasurementTable;
import org.ctheatmap.measure.RegionMeasurer;
import org.ctheatmap.measure.RoiRegion;
import org.ctheatmap.measure.RoiRegions;
import org.ctheatmap.measure.VoxelGrid;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures ROIs in a CT image and, optionally, in further images on the same
 * grid (parameter maps, heat maps, other time points): one row per region,
 * with size, HU statistics and the other images' statistics. See
 * {@link RoiRegions} for how ROIs form regions and {@link MeasurementTable}
 * for the columns.
 * <p>
 * ROIs come from {@code roiFile} when given, otherwise from the ROI Manager
 * when it contains ROIs and Java is not headless (the selected ROIs, or all
 * when none is selected), otherwise from the image's overlay. The table replaces the system "Results" table and is also the
 * {@code results} output.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CT Heat Map>Measure ROIs")
public class MeasureRoisCommand extends ContextCommand {

	/** Name used in status messages. */
	static final String NAME = "Measure ROIs";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "CT image (HU)")
	private ImagePlus image;

	@Parameter(label = "Other images (titles, comma-separated)", required = false,
		persist = false, description = "Images on the same grid measured in the same" +
			" regions, e.g. a heat map or a follow-up scan; empty for none")
	private String otherImages = "";

	@Parameter(label = "ROI set file (.zip or .roi)", required = false, persist = false,
		description = "Empty: the ROI Manager, or the image overlay when headless")
	private File roiFile;

	@Parameter(label = "Threshold (HU)", persist = false,
		description = "Reports the fraction of CT voxels strictly above this value")
	private double thresholdHu = 0;

	@Parameter(label = "CSV file", required = false, persist = false,
		style = FileWidget.SAVE_STYLE, description = "Empty: no file is written")
	private File csvFile;

	@Parameter(type = ItemIO.OUTPUT, label = "Results")
	private ResultsTable results;

	@Override
	public void run() {
		List<ImagePlus> images = new ArrayList<>();
		images.add(image);
		try {
			images.addAll(namedImages(otherImages));
			RoiSources.Source source = RoiSources.choose(roiFile, image);
			List<Roi> rois = RoiSources.read(source, roiFile, image);
			if (rois.isEmpty()) {
				cancel(MeasureMessages.NO_ROIS);
				return;
			}
			StatusProgress progress = new StatusProgress(status, NAME);
			List<RoiRegion> regions = RoiRegions.group(rois, VoxelGrid.of(image));
			MeasurementTable table = MeasurementTable.of(RegionMeasurer.measureRois(regions,
				images, thresholdHu, progress), images, thresholdHu);
			results = MeasureOutputs.publish(table);
			MeasureOutputs.writeCsv(table, csvFile);
			if (log != null) {
				log.info(NAME + ": " + regions.size() + " regions from " + rois.size() +
					" ROIs (" + source + ") in " + images.size() + " images");
			}
		} catch (IllegalArgumentException | IOException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}

	/**
	 * Returns the open images with the given comma-separated titles.
	 *
	 * @throws IllegalArgumentException naming a title that matches no image
	 */
	static List<ImagePlus> namedImages(String titles) {
		List<ImagePlus> images = new ArrayList<>();
		if (titles == null) return images;
		for (String title : titles.split(",")) {
			if (title.trim().isEmpty()) continue;
			ImagePlus other = WindowManager.getImage(title.trim());
			if (other == null) {
				throw new IllegalArgumentException(String.format(MeasureMessages.IMAGE_NOT_FOUND,
					title.trim()));
			}
			images.add(other);
		}
		return images;
	}
}
