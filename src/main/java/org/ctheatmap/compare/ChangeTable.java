package org.ctheatmap.compare;

import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.measure.RegionMeasurement;
import org.ctheatmap.measure.ValueStatistics;

/**
 * Region statistics over time as a long table: one row per region and time
 * point, with the change of the mean and median from the baseline.
 * Instances are immutable.
 * <p>
 * The regions are defined once, on the baseline grid, and measured in every
 * time point resampled onto that grid, so a region covers the same anatomy
 * in each. Voxels where an aligned follow-up is NaN (outside its field of
 * view) are left out of its statistics, so "Voxels measured" can be lower
 * than "Voxels". Changes are follow-up minus baseline; the percentage is of
 * the baseline's magnitude and NaN when the baseline value is 0 or NaN.
 */
public final class ChangeTable {

	/** Column headers, in order. */
	public static final List<String> HEADERS = Collections.unmodifiableList(Arrays.asList(
		"Region", "Time point", "Date", "Days since baseline", "Voxels", "Voxels measured",
		"Mean (HU)", "SD (HU)", "Median (HU)", "Min (HU)", "Max (HU)", "Change in mean (HU)",
		"Change in mean (%)", "Change in median (HU)", "Change in median (%)"));

	private final List<TimePoint> timePoints;
	private final Map<String, List<ValueStatistics>> regions;
	private final Map<String, Long> voxels;

	private ChangeTable(List<TimePoint> timePoints, Map<String, List<ValueStatistics>> regions,
		Map<String, Long> voxels)
	{
		this.timePoints = timePoints;
		this.regions = regions;
		this.voxels = voxels;
	}

	/**
	 * Builds the table from measurements of several images in the same
	 * regions, as {@link org.ctheatmap.measure.RegionMeasurer} and
	 * {@link org.ctheatmap.measure.LabelMeasurer} return them.
	 *
	 * @param measurements one per region, with statistics of image t for time
	 *          point t; frames other than 1 are rejected
	 * @param timePoints the time points in image order, the baseline first
	 * @throws IllegalArgumentException if a measurement has another number of
	 *           images than there are time points, or a frame other than 1
	 */
	public static ChangeTable of(List<RegionMeasurement> measurements,
		List<TimePoint> timePoints)
	{
		Map<String, List<ValueStatistics>> regions = new LinkedHashMap<>();
		Map<String, Long> voxels = new LinkedHashMap<>();
		for (RegionMeasurement m : measurements) {
			if (m.statistics().size() != timePoints.size() || m.frame() != 1) {
				throw new IllegalArgumentException("Region '" + m.name() + "' has " + m.statistics()
					.size() + " images in frame " + m.frame() + "; expected " + timePoints.size() +
					" time points in frame 1");
			}
			regions.put(m.name(), m.statistics());
			voxels.put(m.name(), m.voxels());
		}
		return new ChangeTable(Collections.unmodifiableList(new ArrayList<>(timePoints)),
			regions, voxels);
	}

	/** Returns the time points, baseline first; unmodifiable. */
	public List<TimePoint> timePoints() {
		return timePoints;
	}

	/** Returns the region names in table order. */
	public List<String> regions() {
		return new ArrayList<>(regions.keySet());
	}

	/** Returns the statistics of a region at each time point. */
	public List<ValueStatistics> statistics(String region) {
		List<ValueStatistics> statistics = regions.get(region);
		if (statistics == null) {
			throw new IllegalArgumentException("No region named '" + region + "'");
		}
		return Collections.unmodifiableList(statistics);
	}

	/** Returns the days since the baseline of each time point; NaN where a date is unknown. */
	public double[] days() {
		double[] days = new double[timePoints.size()];
		for (int t = 0; t < days.length; t++) {
			days[t] = timePoints.get(t).daysSince(timePoints.get(0));
		}
		return days;
	}

	/** Returns the rows: regions in order, each with its time points in order. */
	public List<List<Object>> rows() {
		List<List<Object>> rows = new ArrayList<>();
		double[] days = days();
		for (Map.Entry<String, List<ValueStatistics>> region : regions.entrySet()) {
			ValueStatistics base = region.getValue().get(0);
			for (int t = 0; t < timePoints.size(); t++) {
				ValueStatistics s = region.getValue().get(t);
				TimePoint timePoint = timePoints.get(t);
				rows.add(Arrays.asList(region.getKey(), timePoint.name(), timePoint.dateText(),
					days[t], voxels.get(region.getKey()), s.count(), s.mean(), s.sd(), s.median(), s
						.min(), s.max(), s.mean() - base.mean(), percent(s.mean(), base.mean()), s
							.median() - base.median(), percent(s.median(), base.median())));
			}
		}
		return rows;
	}

	/** Returns a number of the table by row and header. */
	public double number(int row, String header) {
		int column = HEADERS.indexOf(header);
		if (column < 0) throw new IllegalArgumentException("No column '" + header + "'");
		return ((Number) rows().get(row).get(column)).doubleValue();
	}

	/** Returns the table as a new ImageJ results table, text cells as strings. */
	public ResultsTable toResultsTable() {
		ResultsTable table = new ResultsTable();
		for (List<Object> row : rows()) {
			table.incrementCounter();
			for (int c = 0; c < HEADERS.size(); c++) {
				Object value = row.get(c);
				if (value instanceof Number) {
					table.addValue(HEADERS.get(c), ((Number) value).doubleValue());
				} else {
					table.addValue(HEADERS.get(c), String.valueOf(value));
				}
			}
		}
		return table;
	}

	/** Returns {@code 100 (value - base) / |base|}, NaN when base is 0 or NaN. */
	static double percent(double value, double base) {
		if (base == 0 || base != base) return Double.NaN;
		return 100 * (value - base) / Math.abs(base);
	}
}
