package org.ctheatmap.commands;

import ij.ImagePlus;

import org.ctheatmap.lut.CtWindow;

/**
 * Input checks of {@link HeatMapOverlayCommand}, with the messages kept
 * together so they stay consistent. Each message names the macro key.
 */
final class HeatMapMessages {

	/** Range mode: minHu and maxHu as given. */
	static final String RANGE_FIXED = "Fixed";

	/** Range mode: percentiles of the map inside the mask. */
	static final String RANGE_PERCENTILES = "Percentiles";

	static final String NO_IMAGE = "No CT image. Open a CT stack in HU and run the command " +
		"again.";

	private HeatMapMessages() {}

	/**
	 * Returns the first problem with the inputs as a message, or null when all
	 * are valid.
	 */
	static String validate(ImagePlus image, String window, double windowCenterHu,
		double windowWidthHu, double minHu, double maxHu, double thresholdHu, double opacity,
		double smoothingRadiusMm)
	{
		if (image == null) return NO_IMAGE;
		return validateSettings(window, windowCenterHu, windowWidthHu, minHu, maxHu, thresholdHu,
			opacity, smoothingRadiusMm);
	}

	/**
	 * Returns the first problem with the colouring settings as a message, or
	 * null when all are valid.
	 */
	static String validateSettings(String window, double windowCenterHu, double windowWidthHu,
		double minHu, double maxHu, double thresholdHu, double opacity, double smoothingRadiusMm)
	{
		if (!Double.isFinite(minHu) || !Double.isFinite(maxHu) || !(minHu < maxHu)) {
			return "Minimum (minHu = " + minHu + ") must be below maximum (maxHu = " + maxHu +
				"), both finite HU values.";
		}
		if (Double.isNaN(thresholdHu)) {
			return "Threshold (thresholdHu) must be a number of HU, got NaN.";
		}
		if (!(opacity >= 0 && opacity <= 1)) {
			return "Opacity must be between 0 and 1, got " + opacity + ".";
		}
		if (!(smoothingRadiusMm >= 0) || Double.isInfinite(smoothingRadiusMm)) {
			return "Smoothing radius (smoothingRadiusMm) must be 0 mm or more, got " +
				smoothingRadiusMm + " mm.";
		}
		if (CtWindow.CUSTOM.equals(window)) {
			if (!Double.isFinite(windowCenterHu)) {
				return "Custom window centre (windowCenterHu) must be a finite number of HU, got " +
					windowCenterHu + ".";
			}
			if (!(windowWidthHu > 0) || Double.isInfinite(windowWidthHu)) {
				return "Custom window width (windowWidthHu) must be above 0 HU, got " +
					windowWidthHu + " HU.";
			}
			return null;
		}
		if (!CtWindow.presetNames().contains(window)) {
			return "Unknown CT window '" + window + "'; use one of " + CtWindow.presetNames() +
				" or " + CtWindow.CUSTOM + ".";
		}
		return null;
	}

	/**
	 * Returns the first problem with the value-map, range and transparency
	 * inputs as a message, or null when all are valid.
	 */
	static String validateExtras(String rangeMode, double lowPercentile, double highPercentile,
		double thresholdHu, double upperThresholdHu, double rampFromHu, double rampToHu)
	{
		if (!RANGE_FIXED.equals(rangeMode) && !RANGE_PERCENTILES.equals(rangeMode)) {
			return "Unknown range mode '" + rangeMode + "'; use " + RANGE_FIXED + " or " +
				RANGE_PERCENTILES + ".";
		}
		if (RANGE_PERCENTILES.equals(rangeMode) && !(lowPercentile >= 0 &&
			lowPercentile < highPercentile && highPercentile <= 100))
		{
			return "Percentiles (lowPercentile = " + lowPercentile + ", highPercentile = " +
				highPercentile + ") must satisfy 0 <= low < high <= 100.";
		}
		if (Double.isNaN(upperThresholdHu) || upperThresholdHu < thresholdHu) {
			return "Upper threshold (upperThresholdHu = " + upperThresholdHu +
				") must be at or above the threshold (thresholdHu = " + thresholdHu +
				"); use Infinity for none.";
		}
		boolean ramp = !Double.isNaN(rampFromHu) || !Double.isNaN(rampToHu);
		if (ramp && (!Double.isFinite(rampFromHu) || !Double.isFinite(rampToHu) ||
			rampFromHu == rampToHu))
		{
			return "Opacity ramp (rampFromHu = " + rampFromHu + ", rampToHu = " + rampToHu +
				") needs two different finite values, or NaN for both to turn it off.";
		}
		return null;
	}
}
