package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.ctheatmap.io.RoiSetWriter;
import org.ctheatmap.measure.LabelMeasurer;
import org.ctheatmap.measure.LabelTracer;
import org.ctheatmap.measure.MeasurementTable;
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
import java.util.Collections;
import java.util.List;

/**
 * Turns a label map (e.g. a NIfTI segmentation) into named ROIs, one per
 * label and slice, and measures every label in the CT from the label voxels
 * themselves, so that volumes and means do not depend on the traced outlines.
 * <p>
 * The ROIs go to the ROI Manager, or to the CT image's overlay when Java is
 * headless, and to {@code roiFile} when given. ROIs of label {@code L} are
 * named "Label L", so "Measure ROIs" groups them into one region again.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CT Heat Map>Label Map to ROIs")
public class LabelMapToRoisCommand extends ContextCommand {

	/** Name used in status messages. */
	static final String NAME = "Label Map to ROIs";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "CT image (HU)")
	private ImagePlus image;

	@Parameter(label = "Label map", description = "Whole-number labels on the CT's grid;" +
		" 0 is background")
	private ImagePlus labels;

	@Parameter(label = "Save ROIs as (.zip)", required = false, persist = false,
		style = FileWidget.SAVE_STYLE, description = "Empty: the ROIs are not saved")
	private File roiFile;

	@Parameter(label = "Threshold (HU)", persist = false,
		description = "Reports the fraction of CT voxels strictly above this value")
	private double thresholdHu = 0;

	@Parameter(label = "CSV file", required = false, persist = false,
		style = FileWidget.SAVE_STYLE, description = "Empty: no file is written")
	private File csvFile;

	@Parameter(type = ItemIO.OUTPUT, label = "Results")
	private ResultsTable results;

	@Parameter(type = ItemIO.OUTPUT, label = "Number of ROIs")
	private int roiCount;

	@Override
	public void run() {
		try {
			StatusProgress progress = new StatusProgress(status, NAME);
			List<ImagePlus> images = Collections.singletonList(image);
			MeasurementTable table = MeasurementTable.of(LabelMeasurer.measure(labels, images,
				thresholdHu, progress), images, thresholdHu);
			List<Roi> rois = LabelTracer.trace(labels, progress);
			roiCount = rois.size();
			if (!MeasureOutputs.isEmpty(roiFile)) RoiSetWriter.write(rois, roiFile.toPath());
			RoiSources.Source destination = RoiSources.show(rois, image);
			results = MeasureOutputs.publish(table);
			MeasureOutputs.writeCsv(table, csvFile);
			if (log != null) {
				log.info(NAME + ": " + table.rows().size() + " labels, " + roiCount +
					" ROIs added to the " + destination);
			}
		} catch (IllegalArgumentException | IOException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}
}
