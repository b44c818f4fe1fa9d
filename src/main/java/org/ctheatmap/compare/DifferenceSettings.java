package org.ctheatmap.compare;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of the difference maps. Instances are immutable.
 */
public final class DifferenceSettings {

	/** Default floor of the relative change: baselines within ±10 HU of 0 give NaN. */
	public static final double DEFAULT_MIN_BASELINE_HU = 10;

	/** No smoothing and the default floor of the relative change. */
	public static final DifferenceSettings DEFAULT = new DifferenceSettings(0,
		DEFAULT_MIN_BASELINE_HU);

	private final double smoothingSigmaMm;
	private final double minBaselineHu;

	/**
	 * @param smoothingSigmaMm sigma in mm of a Gaussian applied to both time
	 *          points before subtracting; 0 for none
	 * @param minBaselineHu the relative change is NaN where the baseline's
	 *          magnitude is below this many HU, because dividing by a value
	 *          near water (0 HU) gives meaningless percentages
	 * @throws IllegalArgumentException if sigma is negative or not finite, or
	 *           the floor is not positive and finite
	 */
	public DifferenceSettings(double smoothingSigmaMm, double minBaselineHu) {
		if (!(smoothingSigmaMm >= 0) || Double.isInfinite(smoothingSigmaMm)) {
			throw new IllegalArgumentException("Smoothing sigma must be 0 mm or more, got " +
				smoothingSigmaMm + " mm");
		}
		if (!(minBaselineHu > 0) || Double.isInfinite(minBaselineHu)) {
			throw new IllegalArgumentException("Minimum baseline for the relative change must be" +
				" above 0 HU, got " + minBaselineHu + " HU");
		}
		this.smoothingSigmaMm = smoothingSigmaMm;
		this.minBaselineHu = minBaselineHu;
	}

	/** Returns the Gaussian sigma in mm; 0 for no smoothing. */
	public double smoothingSigmaMm() {
		return smoothingSigmaMm;
	}

	/** Returns the baseline magnitude in HU below which the relative change is NaN. */
	public double minBaselineHu() {
		return minBaselineHu;
	}

	/** Returns the settings for sidecars, units in the keys. */
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("absoluteChange", "follow-up HU - baseline HU");
		map.put("relativeChange", "100 * (follow-up HU - baseline HU) / |baseline HU|," +
			" NaN where |baseline HU| < minBaselineHu");
		map.put("smoothingSigmaMm", smoothingSigmaMm);
		map.put("minBaselineHu", minBaselineHu);
		return map;
	}
}
