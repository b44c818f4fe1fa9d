package org.ctheatmap.commands;

import ij.ImagePlus;

import org.ctheatmap.core.filter.FilterType;

/**
 * Input checks of {@link FilterCtCommand}. Each message names the macro key.
 */
final class FilterMessages {

	static final String NO_IMAGE = "No CT image. Open a CT stack in HU and run the command " +
		"again.";

	private FilterMessages() {}

	/** Returns the first problem with the inputs as a message, or null when all are valid. */
	static String validate(ImagePlus image, String filter, String dimensions, double sizeMm,
		double rangeSigmaHu)
	{
		if (image == null) return NO_IMAGE;
		FilterType type;
		try {
			type = FilterType.fromName(filter);
		} catch (IllegalArgumentException e) {
			return "Unknown filter (filter = '" + filter +
				"'); use Gaussian, Median, Mean, Variance or Bilateral.";
		}
		if (!FilterCtCommand.THREE_D.equals(dimensions) && !FilterCtCommand.TWO_D.equals(
			dimensions))
		{
			return "Unknown neighbourhood (dimensions = '" + dimensions + "'); use '" +
				FilterCtCommand.THREE_D + "' or '" + FilterCtCommand.TWO_D + "'.";
		}
		if (!(sizeMm > 0) || Double.isInfinite(sizeMm)) {
			return "Sigma or radius (sizeMm) must be above 0 mm, got " + sizeMm + " mm.";
		}
		if (type == FilterType.BILATERAL && (!(rangeSigmaHu > 0) || Double.isInfinite(
			rangeSigmaHu)))
		{
			return "Bilateral range sigma (rangeSigmaHu) must be above 0 HU, got " + rangeSigmaHu +
				" HU.";
		}
		int bits = image.getBitDepth();
		if (bits != 16 && bits != 32 || image.getNChannels() > 1) {
			return "'" + image.getTitle() + "' is " + bits + "-bit with " + image.getNChannels() +
				" channel(s); use one 16-bit (calibrated) or 32-bit HU channel.";
		}
		return null;
	}
}
