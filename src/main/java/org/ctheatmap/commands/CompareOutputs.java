package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import java.util.List;

import org.ctheatmap.compare.ChangeTable;
import org.ctheatmap.compare.PatientVolume;
import org.ctheatmap.compare.TrendPlot;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.lut.HeatMapSettings;

/** Builds the images that {@link CompareTimePointsCommand} returns. */
final class CompareOutputs {

	private CompareOutputs() {}

	/**
	 * Returns a new 32-bit hyperstack with one frame per volume, all on the
	 * baseline grid: the volumes' arrays are shared, not copied.
	 *
	 * @param settings colormap and range to show it with, or null for a grey
	 *          display
	 */
	static ImagePlus hyperstack(String title, List<PatientVolume> volumes, CtVolume baseline,
		String valueUnit, HeatMapSettings settings)
	{
		ImageStack stack = new ImageStack(baseline.width(), baseline.height());
		for (int f = 0; f < volumes.size(); f++) {
			float[][] slices = volumes.get(f).values().slices();
			for (int k = 0; k < slices.length; k++) {
				stack.addSlice("frame " + (f + 1) + " slice " + (k + 1), slices[k]);
			}
		}
		ImagePlus image = new ImagePlus(title, stack);
		image.setDimensions(1, baseline.depth(), volumes.size());
		if (volumes.size() > 1) image.setOpenAsHyperStack(true);
		Calibration calibration = baseline.image().getCalibration().copy();
		calibration.setValueUnit(valueUnit);
		image.setCalibration(calibration);
		if (settings != null) {
			image.setLut(settings.scale().colormap().toLut());
			image.setDisplayRange(settings.scale().minimum(), settings.scale().maximum());
		}
		return image;
	}

	/** Returns the trend plots of every region as one RGB stack, or null without regions. */
	static ImagePlus trendPlots(ChangeTable table) {
		if (table == null || table.regions().isEmpty()) return null;
		ImageStack stack = null;
		for (String region : table.regions()) {
			ImagePlus plot = TrendPlot.plot(table, region);
			if (stack == null) stack = new ImageStack(plot.getWidth(), plot.getHeight());
			stack.addSlice(region, plot.getProcessor().convertToRGB());
		}
		return new ImagePlus("Trend plots", stack);
	}
}
