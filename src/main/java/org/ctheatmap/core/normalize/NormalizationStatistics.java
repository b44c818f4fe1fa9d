package org.ctheatmap.core.normalize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statistics of the voxels that set one normalization: the whole stack or one
 * slice, inside the mask, NaN voxels left out. Values are in HU; the mapping
 * applied is {@code (v - offset) / scale}, except for histogram matching, which
 * has no single offset and scale (both NaN). Instances are immutable.
 */
public final class NormalizationStatistics {

	private final int slice;
	private final long count;
	private final double min;
	private final double max;
	private final double mean;
	private final double standardDeviation;
	private final double lowPercentile;
	private final double highPercentile;
	private final double lowPercentileHu;
	private final double highPercentileHu;
	private final double offset;
	private final double scale;

	NormalizationStatistics(int slice, SortedValues values, double lowPercentile,
		double highPercentile, double offset, double scale)
	{
		this.slice = slice;
		this.count = values.count();
		this.min = values.min();
		this.max = values.max();
		this.mean = values.mean();
		this.standardDeviation = values.standardDeviation(mean);
		this.lowPercentile = lowPercentile;
		this.highPercentile = highPercentile;
		this.lowPercentileHu = values.percentile(lowPercentile);
		this.highPercentileHu = values.percentile(highPercentile);
		this.offset = offset;
		this.scale = scale;
	}

	/** Returns the 1-based slice these statistics belong to, or 0 for the whole stack. */
	public int slice() {
		return slice;
	}

	/** Returns the number of voxels used: inside the mask and not NaN. */
	public long count() {
		return count;
	}

	/** Returns the minimum in HU; NaN when no voxel was used. */
	public double min() {
		return min;
	}

	/** Returns the maximum in HU. */
	public double max() {
		return max;
	}

	/** Returns the mean in HU. */
	public double mean() {
		return mean;
	}

	/** Returns the population standard deviation in HU (divided by n). */
	public double standardDeviation() {
		return standardDeviation;
	}

	/** Returns the lower percentile rank in percent, e.g. 1. */
	public double lowPercentile() {
		return lowPercentile;
	}

	/** Returns the upper percentile rank in percent, e.g. 99. */
	public double highPercentile() {
		return highPercentile;
	}

	/** Returns the value in HU at {@link #lowPercentile()}. */
	public double lowPercentileHu() {
		return lowPercentileHu;
	}

	/** Returns the value in HU at {@link #highPercentile()}. */
	public double highPercentileHu() {
		return highPercentileHu;
	}

	/** Returns the HU that maps to 0, or NaN for histogram matching. */
	public double offset() {
		return offset;
	}

	/** Returns the HU step that maps to 1, or NaN for histogram matching. */
	public double scale() {
		return scale;
	}

	/** Returns the statistics as ordered key-value pairs with units in the keys. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("slice", slice == 0 ? "all" : Integer.toString(slice));
		map.put("voxels", count);
		map.put("minHu", min);
		map.put("maxHu", max);
		map.put("meanHu", mean);
		map.put("sdHu", standardDeviation);
		map.put("p" + format(lowPercentile) + "Hu", lowPercentileHu);
		map.put("p" + format(highPercentile) + "Hu", highPercentileHu);
		map.put("offsetHu", offset);
		map.put("scaleHu", scale);
		return map;
	}

	private static String format(double percent) {
		return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(
			percent);
	}

	@Override
	public String toString() {
		return toMap().toString();
	}
}
