package org.ctheatmap.core.normalize;

import java.util.Collections;
import java.util.List;

import org.ctheatmap.core.filter.FloatVolume;

/** The output of {@link Normalizer}: new values, display range and statistics. */
public final class NormalizationResult {

	private final FloatVolume values;
	private final double displayMin;
	private final double displayMax;
	private final String valueUnit;
	private final long maskVoxels;
	private final List<NormalizationStatistics> statistics;

	NormalizationResult(FloatVolume values, double displayMin, double displayMax,
		String valueUnit, long maskVoxels, List<NormalizationStatistics> statistics)
	{
		this.values = values;
		this.displayMin = displayMin;
		this.displayMax = displayMax;
		this.valueUnit = valueUnit;
		this.maskVoxels = maskVoxels;
		this.statistics = Collections.unmodifiableList(statistics);
	}

	/** Returns the normalized values, a new volume of the input's size. */
	public FloatVolume values() {
		return values;
	}

	/** Returns the suggested display minimum, in {@link #valueUnit()}. */
	public double displayMin() {
		return displayMin;
	}

	/** Returns the suggested display maximum, in {@link #valueUnit()}. */
	public double displayMax() {
		return displayMax;
	}

	/**
	 * Returns the unit of the output values: "HU" for a display-range window
	 * and histogram matching, "SD" for z-scores and "" for values in [0, 1].
	 */
	public String valueUnit() {
		return valueUnit;
	}

	/** Returns the number of voxels in the mask, or of the volume without a mask. */
	public long maskVoxels() {
		return maskVoxels;
	}

	/** Returns one entry for the stack, or one per slice (1-based order). */
	public List<NormalizationStatistics> statistics() {
		return statistics;
	}
}
