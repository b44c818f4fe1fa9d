package org.ctheatmap.commands;

import ij.ImagePlus;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.CtFilter;
import org.ctheatmap.core.filter.FilterSettings;
import org.ctheatmap.core.filter.FilterType;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Filters a CT stack in HU with a Gaussian, median, mean, variance or
 * bilateral filter whose size is given in mm (see {@link CtFilter}). The
 * output keeps the input's type and calibration. Its "CTHeatMap.Filter"
 * property records the filter.
 * <p>
 * Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>CT Heat Map>Filter CT")
public class FilterCtCommand extends ContextCommand {

	/** Name used in status messages and cancel reasons. */
	static final String NAME = "Filter CT";

	static final String THREE_D = "3D";
	static final String TWO_D = "2D (each slice)";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "CT image (HU)",
		description = "32-bit HU stack, or 16-bit stack calibrated to HU")
	private ImagePlus image;

	@Parameter(label = "Filter", persist = false, choices = { "Gaussian", "Median", "Mean",
		"Variance", "Bilateral" })
	private String filter = FilterType.GAUSSIAN.label();

	@Parameter(label = "Neighbourhood", persist = false, choices = { THREE_D, TWO_D })
	private String dimensions = THREE_D;

	@Parameter(label = "Sigma or radius (mm)", persist = false,
		description = "Gaussian sigma, bilateral spatial sigma, or the radius of the median," +
			" mean and variance neighbourhood")
	private double sizeMm = 1.0;

	@Parameter(label = "Bilateral range sigma (HU)", persist = false,
		description = "Used only by the bilateral filter")
	private double rangeSigmaHu = 100;

	@Parameter(label = "Filter in place", persist = false,
		description = "Overwrite the input instead of creating a new image")
	private boolean inPlace = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Filtered")
	private ImagePlus filtered;

	@Override
	public void run() {
		String problem = FilterMessages.validate(image, filter, dimensions, sizeMm, rangeSigmaHu);
		if (problem != null) {
			cancel(NAME + ": " + problem);
			return;
		}
		try {
			FilterSettings settings = new FilterSettings(FilterType.fromName(filter), sizeMm,
				rangeSigmaHu, THREE_D.equals(dimensions));
			ProgressListener progress = new StatusProgress(status, NAME);
			filtered = CtFilter.apply(image, settings, inPlace, progress);
			if (inPlace) filtered.updateAndDraw();
			if (log != null) log.info(NAME + ": " + image.getTitle() + ": " + settings.describe());
		} catch (IllegalArgumentException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}
}
