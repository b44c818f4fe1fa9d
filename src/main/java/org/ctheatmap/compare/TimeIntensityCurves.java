package org.ctheatmap.compare;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.util.Tools;
import ij.measure.ResultsTable;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.measure.RegionMeasurement;
import org.ctheatmap.measure.RegionMeasurer;
import org.ctheatmap.measure.RoiRegion;

/**
 * Mean HU of each region at each frame of a dynamic series, as a long table
 * and a plot. Instances are immutable.
 * <p>
 * Regions are measured by {@link RegionMeasurer}: a ROI on frame 0 (or with
 * a plain stack position on a one-frame grid) covers every frame.
 */
public final class TimeIntensityCurves {

	/** Column headers, in order. */
	public static final List<String> HEADERS = Collections.unmodifiableList(Arrays.asList(
		"Region", "Frame", "Time (s)", "Voxels", "Mean (HU)", "SD (HU)", "Enhancement (HU)"));

	private static final Color[] COLOURS = { Color.BLUE, Color.RED, new Color(0, 140, 0),
		Color.MAGENTA, Color.ORANGE, Color.CYAN, Color.DARK_GRAY };

	private final double[] times;
	private final int baselineFrames;
	private final Map<String, double[][]> curves;

	private TimeIntensityCurves(double[] times, int baselineFrames,
		Map<String, double[][]> curves)
	{
		this.times = times;
		this.baselineFrames = baselineFrames;
		this.curves = curves;
	}

	/**
	 * Measures regions in every frame of a series.
	 *
	 * @param times frame times in seconds
	 * @param baselineFrames leading frames averaged as the enhancement baseline
	 * @throws IllegalArgumentException if a ROI lies outside the grid, or a
	 *           region does not cover every frame
	 */
	public static TimeIntensityCurves measure(CtVolume series, List<RoiRegion> regions,
		double[] times, int baselineFrames, ProgressListener progress)
	{
		double[] t = FrameTimes.checked(times, series.frames());
		Map<String, double[][]> curves = new LinkedHashMap<>();
		List<RegionMeasurement> measurements = RegionMeasurer.measureRois(regions, Collections
			.singletonList(series.image()), Double.NaN, progress);
		for (RegionMeasurement m : measurements) {
			double[][] curve = curves.computeIfAbsent(m.name(), name -> nanCurve(t.length));
			curve[0][m.frame() - 1] = m.statistics(0).mean();
			curve[1][m.frame() - 1] = m.statistics(0).sd();
			curve[2][m.frame() - 1] = m.statistics(0).count();
		}
		for (Map.Entry<String, double[][]> entry : curves.entrySet()) {
			for (double mean : entry.getValue()[0]) {
				if (mean != mean) {
					throw new IllegalArgumentException("Region '" + entry.getKey() + "' does not" +
						" cover every frame; put its ROIs on frame 0 or on every frame");
				}
			}
		}
		return new TimeIntensityCurves(t, baselineFrames, curves);
	}

	/** Returns rows of mean, SD and voxel count per frame, all NaN. */
	private static double[][] nanCurve(int frames) {
		double[][] curve = new double[3][frames];
		for (double[] row : curve) {
			Arrays.fill(row, Double.NaN);
		}
		return curve;
	}

	/** Returns the region names in table order. */
	public List<String> regions() {
		return new ArrayList<>(curves.keySet());
	}

	/** Returns the mean HU of a region at each frame. */
	public double[] means(String region) {
		return curves.get(region)[0].clone();
	}

	/** Returns the rows: regions in order, each with its frames in order. */
	public List<List<Object>> rows() {
		List<List<Object>> rows = new ArrayList<>();
		for (Map.Entry<String, double[][]> entry : curves.entrySet()) {
			double[][] c = entry.getValue();
			double baseline = 0;
			for (int f = 0; f < baselineFrames; f++) {
				baseline += c[0][f] / baselineFrames;
			}
			for (int f = 0; f < times.length; f++) {
				rows.add(Arrays.asList(entry.getKey(), f + 1, times[f], (long) c[2][f], c[0][f],
					c[1][f], c[0][f] - baseline));
			}
		}
		return rows;
	}

	/** Returns the table as a new ImageJ results table. */
	public ResultsTable toResultsTable() {
		ResultsTable table = new ResultsTable();
		for (List<Object> row : rows()) {
			table.incrementCounter();
			table.addValue(HEADERS.get(0), String.valueOf(row.get(0)));
			for (int c = 1; c < HEADERS.size(); c++) {
				table.addValue(HEADERS.get(c), ((Number) row.get(c)).doubleValue());
			}
		}
		return table;
	}

	/** Returns one plot of every region's mean HU against time, drawn off-screen. */
	public ImagePlus plot() {
		Plot plot = new Plot("Time-intensity curves", "Time (s)", "Mean (HU)");
		plot.setFrameSize(TrendPlot.WIDTH, TrendPlot.HEIGHT);
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		int r = 0;
		for (Map.Entry<String, double[][]> entry : curves.entrySet()) {
			double[] means = entry.getValue()[0];
			for (double mean : means) {
				low = Math.min(low, mean);
				high = Math.max(high, mean);
			}
			// A line with the legend label, then circles without one, in the same colour.
			Color colour = COLOURS[r++ % COLOURS.length];
			plot.setColor(colour);
			plot.setLineWidth(2);
			plot.addPoints(Tools.toFloat(times), Tools.toFloat(means), null, Plot.LINE, entry
				.getKey());
			plot.setColor(colour, colour);
			plot.addPoints(Tools.toFloat(times), Tools.toFloat(means), null, Plot.CIRCLE, null);
		}
		// Margins keep the end points inside the frame: 3 % of the time span, 10 % of the HU span.
		double timeMargin = (times[times.length - 1] - times[0]) * 0.03;
		double margin = Math.max(1, high - low) * 0.1;
		plot.setLimits(times[0] - timeMargin, times[times.length - 1] + timeMargin, low - margin,
			high + margin);
		if (r > 0) plot.addLegend(null);
		ImagePlus image = plot.getImagePlus();
		image.setTitle("Time-intensity curves");
		return image;
	}
}
