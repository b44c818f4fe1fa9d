package org.ctheatmap.compare;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.util.Tools;

import java.awt.Color;
import java.util.List;

import org.ctheatmap.measure.ValueStatistics;

/**
 * Draws the trend of one region of a {@link ChangeTable}: its mean HU at
 * each time point with error bars of one SD, joined by lines.
 * <p>
 * The x axis is days since the baseline when every time point has a date,
 * otherwise the 1-based time point number. The plot is drawn into an
 * off-screen image, so it works with {@code java.awt.headless=true}; no
 * window is opened.
 */
public final class TrendPlot {

	/** Width of the plot frame in pixels. */
	static final int WIDTH = 480;

	/** Height of the plot frame in pixels. */
	static final int HEIGHT = 300;

	private TrendPlot() {}

	/**
	 * Returns the plot of a region as a new RGB image titled
	 * "REGION trend".
	 *
	 * @throws IllegalArgumentException if the table has no such region
	 */
	public static ImagePlus plot(ChangeTable table, String region) {
		List<ValueStatistics> statistics = table.statistics(region);
		int n = statistics.size();
		double[] x = xValues(table);
		double[] mean = new double[n];
		double[] sd = new double[n];
		for (int t = 0; t < n; t++) {
			mean[t] = statistics.get(t).mean();
			sd[t] = statistics.get(t).sd();
		}
		Plot plot = new Plot(region + " trend", usesDays(table) ? "Days since baseline"
			: "Time point", "Mean (HU)");
		plot.setFrameSize(WIDTH, HEIGHT);
		plot.setColor(Color.BLUE);
		plot.setLineWidth(2);
		plot.addPoints(Tools.toFloat(x), Tools.toFloat(mean), null, Plot.LINE, region +
			": mean ± SD");
		plot.setColor(Color.BLUE, Color.BLUE);
		plot.addPoints(Tools.toFloat(x), Tools.toFloat(mean), Tools.toFloat(sd), Plot.CIRCLE,
			null);
		// Limits set after the data replace ImageJ's fit to the data, which has no margin.
		double[] limits = limits(x, mean, sd);
		plot.setLimits(limits[0], limits[1], limits[2], limits[3]);
		plot.addLegend(null);
		ImagePlus image = plot.getImagePlus();
		image.setTitle(region + " trend");
		return image;
	}

	/** Returns the x value of each time point: days since baseline, or 1, 2, 3... */
	static double[] xValues(ChangeTable table) {
		double[] days = table.days();
		if (usesDays(table)) return days;
		double[] numbers = new double[days.length];
		for (int t = 0; t < numbers.length; t++) {
			numbers[t] = t + 1;
		}
		return numbers;
	}

	private static boolean usesDays(ChangeTable table) {
		for (double day : table.days()) {
			if (day != day) return false;
		}
		return true;
	}

	/** Returns x and y limits with a margin of 10 % around the points and bars. */
	private static double[] limits(double[] x, double[] mean, double[] sd) {
		double xMin = Double.POSITIVE_INFINITY;
		double xMax = Double.NEGATIVE_INFINITY;
		double yMin = Double.POSITIVE_INFINITY;
		double yMax = Double.NEGATIVE_INFINITY;
		for (int t = 0; t < x.length; t++) {
			xMin = Math.min(xMin, x[t]);
			xMax = Math.max(xMax, x[t]);
			double bar = sd[t] == sd[t] ? sd[t] : 0;
			if (mean[t] == mean[t]) {
				yMin = Math.min(yMin, mean[t] - bar);
				yMax = Math.max(yMax, mean[t] + bar);
			}
		}
		if (yMin > yMax) {
			yMin = -1;
			yMax = 1;
		}
		double xMargin = Math.max(1, xMax - xMin) * 0.1;
		double yMargin = Math.max(1, yMax - yMin) * 0.1;
		return new double[] { xMin - xMargin, xMax + xMargin, yMin - yMargin, yMax + yMargin };
	}
}
