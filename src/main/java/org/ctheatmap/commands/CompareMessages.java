package org.ctheatmap.commands;

import ij.ImagePlus;

import java.io.File;

import org.ctheatmap.compare.Alignment;
import org.ctheatmap.compare.RegistrationMetric;
import org.ctheatmap.lut.Colormaps;

/**
 * Input checks of {@link CompareTimePointsCommand}, with the messages kept
 * together so they stay consistent. Each message names the macro key.
 */
final class CompareMessages {

	static final String NO_BASELINE = "No baseline. Open the baseline CT or give" +
		" baselineFile, and run the command again.";

	static final String NO_FOLLOW_UP = "No follow-up. Give the titles of open follow-up" +
		" images in followUpImages or their paths in followUpFiles.";

	static final String IMAGE_NOT_FOUND = "No open image is titled '%s' (followUpImages).";

	private CompareMessages() {}

	/** Returns the first problem with the inputs as a message, or null when all are valid. */
	static String validate(ImagePlus baseline, File baselineFile, String followUpImages,
		String followUpFiles, String alignment, String metric, String colormap,
		double smoothingSigmaMm,
		double minBaselineHu, double rangeHu, double rangePercent)
	{
		if (baseline == null && MeasureOutputs.isEmpty(baselineFile)) return NO_BASELINE;
		if (blank(followUpImages) && blank(followUpFiles)) return NO_FOLLOW_UP;
		if (!Alignment.labels().contains(alignment)) {
			return "Unknown alignment '" + alignment + "'; use one of " + Alignment.labels() + ".";
		}
		if (!RegistrationMetric.labels().contains(metric)) {
			return "Unknown registration metric '" + metric + "'; use one of " + RegistrationMetric
				.labels() + ".";
		}
		if (!Colormaps.COOLWARM.equals(colormap) && !Colormaps.RDBU.equals(colormap)) {
			return "Colormap must be " + Colormaps.COOLWARM + " or " + Colormaps.RDBU +
				", got '" + colormap + "'.";
		}
		if (!(smoothingSigmaMm >= 0) || Double.isInfinite(smoothingSigmaMm)) {
			return "Smoothing sigma (smoothingSigmaMm) must be 0 mm or more, got " +
				smoothingSigmaMm + " mm.";
		}
		if (!(minBaselineHu > 0) || Double.isInfinite(minBaselineHu)) {
			return "Minimum baseline (minBaselineHu) must be above 0 HU, got " + minBaselineHu +
				" HU.";
		}
		if (!(rangeHu >= 0) || Double.isInfinite(rangeHu)) {
			return "Range (rangeHu) must be 0 for automatic or above 0 HU, got " + rangeHu + ".";
		}
		if (!(rangePercent >= 0) || Double.isInfinite(rangePercent)) {
			return "Range (rangePercent) must be 0 for automatic or above 0 %, got " +
				rangePercent + ".";
		}
		return null;
	}

	private static boolean blank(String text) {
		return text == null || text.trim().isEmpty();
	}
}
