package org.ctheatmap.measure;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Region measurements as a table: one row per region and frame, units in the
 * column headers. Instances are immutable.
 * <p>
 * The columns are, in order:
 * <ul>
 * <li>"Region", then "Frame" (1-based) when the grid has several frames;</li>
 * <li>"Slices" and "Voxels";</li>
 * <li>"Area (mm²)", NaN for a region spread over several slices;</li>
 * <li>"Volume (mm³)" when the grid has several slices;</li>
 * <li>"Mean", "SD", "Min", "Max", "Median", "P5", "P25", "P75" and "P95" of
 * each image, with the image's value unit in brackets, e.g. "Mean (HU)".</li>
 * </ul> The first image's columns carry no prefix, those of
 * further images start with the image title and ": ", e.g.
 * "perfusion: Mean (ml/100g/min)". With a threshold, "Threshold (HU)" and
 * "Fraction above threshold" follow for the first image. The length unit
 * comes from the first image's spatial calibration ("pixel" when it has
 * none). {@link #definitions()} defines every statistic.
 */
public final class MeasurementTable {

	/** Statistic column names per image, in order, without unit. */
	static final String[] STATISTICS = { "Mean", "SD", "Min", "Max", "Median", "P5", "P25",
		"P75", "P95" };

	private final List<String> headers;
	private final List<List<Object>> rows;

	private MeasurementTable(List<String> headers, List<List<Object>> rows) {
		this.headers = Collections.unmodifiableList(headers);
		this.rows = Collections.unmodifiableList(rows);
	}

	/**
	 * Builds the table of measurements taken in {@code images}.
	 *
	 * @param images the measured images, in the order given to the measurer
	 * @param threshold the threshold used, or NaN for none
	 */
	public static MeasurementTable of(List<RegionMeasurement> measurements,
		List<ImagePlus> images, double threshold)
	{
		VoxelGrid grid = VoxelGrid.of(images.get(0));
		boolean frames = grid.frames() > 1;
		boolean volume = grid.slices() > 1;
		List<String> headers = new ArrayList<>();
		headers.add("Region");
		if (frames) headers.add("Frame");
		headers.add("Slices");
		headers.add("Voxels");
		headers.add("Area (" + grid.unit() + "²)");
		if (volume) headers.add("Volume (" + grid.unit() + "³)");
		List<String> prefixes = prefixes(images);
		for (int i = 0; i < images.size(); i++) {
			String unit = unitSuffix(ImageValues.valueUnit(images.get(i)));
			for (String statistic : STATISTICS) {
				headers.add(prefixes.get(i) + statistic + unit);
			}
		}
		boolean fraction = !Double.isNaN(threshold);
		if (fraction) {
			headers.add("Threshold" + unitSuffix(ImageValues.valueUnit(images.get(0))));
			headers.add("Fraction above threshold");
		}
		List<List<Object>> rows = new ArrayList<>();
		for (RegionMeasurement m : measurements) {
			List<Object> row = new ArrayList<>();
			row.add(m.name());
			if (frames) row.add(m.frame());
			row.add(m.slices());
			row.add(m.voxels());
			row.add(m.slices() <= 1 ? m.voxels() * grid.pixelArea() : Double.NaN);
			if (volume) row.add(m.voxels() * grid.voxelVolume());
			for (ValueStatistics s : m.statistics()) {
				addStatistics(row, s);
			}
			if (fraction) {
				row.add(threshold);
				row.add(m.statistics(0).fractionAbove());
			}
			rows.add(Collections.unmodifiableList(row));
		}
		return new MeasurementTable(headers, rows);
	}

	private static void addStatistics(List<Object> row, ValueStatistics s) {
		row.add(s.mean());
		row.add(s.sd());
		row.add(s.min());
		row.add(s.max());
		row.add(s.median());
		row.add(s.percentile(5));
		row.add(s.percentile(25));
		row.add(s.percentile(75));
		row.add(s.percentile(95));
	}

	/** Returns "" for the first image and a unique "TITLE: " for each other one. */
	private static List<String> prefixes(List<ImagePlus> images) {
		List<String> prefixes = new ArrayList<>();
		Set<String> used = new HashSet<>();
		prefixes.add("");
		for (int i = 1; i < images.size(); i++) {
			String title = images.get(i).getTitle();
			String prefix = title;
			for (int copy = 2; !used.add(prefix); copy++) {
				prefix = title + " #" + copy;
			}
			prefixes.add(prefix + ": ");
		}
		return prefixes;
	}

	/** Returns " (UNIT)", or "" for an image without value unit. */
	private static String unitSuffix(String unit) {
		return unit.isEmpty() ? "" : " (" + unit + ")";
	}

	/** Returns the column headers; unmodifiable. */
	public List<String> headers() {
		return headers;
	}

	/**
	 * Returns the rows; each cell is a {@link String} (region name), an
	 * {@link Integer} or {@link Long} (frame, slices, voxels) or a
	 * {@link Double} (NaN where undefined). Unmodifiable.
	 */
	public List<List<Object>> rows() {
		return rows;
	}

	/**
	 * Returns the cell of a row in the column with the given header.
	 *
	 * @throws IllegalArgumentException if no column has that header
	 */
	public Object value(int row, String header) {
		int column = headers.indexOf(header);
		if (column < 0) {
			throw new IllegalArgumentException("No column '" + header + "' in " + headers);
		}
		return rows.get(row).get(column);
	}

	/** Returns a numeric cell as double; see {@link #value(int, String)}. */
	public double number(int row, String header) {
		return ((Number) value(row, header)).doubleValue();
	}

	/** Returns the index of the first row of a region, or -1 when there is none. */
	public int rowOf(String region) {
		for (int r = 0; r < rows.size(); r++) {
			if (region.equals(rows.get(r).get(0))) return r;
		}
		return -1;
	}

	/**
	 * Returns a new ImageJ results table with the same columns and rows; the
	 * region name goes into the "Region" text column.
	 */
	public ResultsTable toResultsTable() {
		ResultsTable table = new ResultsTable();
		table.showRowNumbers(false);
		for (List<Object> row : rows) {
			table.incrementCounter();
			for (int c = 0; c < headers.size(); c++) {
				Object cell = row.get(c);
				if (cell instanceof Number) {
					table.addValue(headers.get(c), ((Number) cell).doubleValue());
				} else {
					table.addValue(headers.get(c), String.valueOf(cell));
				}
			}
		}
		return table;
	}

	/**
	 * Returns the definition of every column kind, keyed by column name
	 * without unit, for sidecar files and documentation.
	 */
	public static Map<String, String> definitions() {
		Map<String, String> d = new LinkedHashMap<>();
		d.put("Region", "ROI name, ROI group name or label; see the documentation for grouping");
		d.put("Frame", "1-based time point; present when the images have several frames");
		d.put("Slices", "number of slices holding at least one voxel of the region");
		d.put("Voxels", "number of voxels in the region, overlaps counted once, NaN voxels" +
			" included");
		d.put("Area", "Voxels x pixel width x pixel height, for regions on one slice; NaN for" +
			" regions on several slices");
		d.put("Volume", "Voxels x pixel width x pixel height x slice spacing");
		d.put("Mean", "arithmetic mean of the calibrated values that are not NaN");
		d.put("SD", "sample standard deviation, divisor n - 1 as in ImageJ's Measure; 0 for" +
			" one value");
		d.put("Min", "smallest value");
		d.put("Max", "largest value");
		d.put("Median", "50th percentile");
		d.put("P5, P25, P75, P95", "percentiles by linear interpolation between the nearest" +
			" order statistics at 0-based rank (n - 1) p / 100 (Hyndman-Fan type 7)");
		d.put("Threshold", "threshold given for the first image, in its value unit");
		d.put("Fraction above threshold", "fraction of the first image's values strictly" +
			" greater than the threshold, from 0 to 1");
		return d;
	}
}
