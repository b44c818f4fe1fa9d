package org.ctheatmap.commands;

import ij.ImagePlus;

import org.ctheatmap.core.normalize.NormalizationMethod;
import org.ctheatmap.lut.CtWindow;

/** Input checks of {@link NormalizeCtCommand}. Each message names the macro key. */
final class NormalizeMessages {

	private NormalizeMessages() {}

	/** Returns the first problem with the inputs as a message, or null when all are valid. */
	static String validate(ImagePlus image, String method, String window, double windowCenterHu,
		double windowWidthHu, ImagePlus reference, String maskSource, ImagePlus maskImage)
	{
		if (image == null) return FilterMessages.NO_IMAGE;
		NormalizationMethod m;
		try {
			m = NormalizationMethod.fromName(method);
		} catch (IllegalArgumentException e) {
			return "Unknown method (method = '" + method + "'); use Window, Min-max, Z-score," +
				" Percentile or Histogram matching.";
		}
		if (m == NormalizationMethod.WINDOW && CtWindow.CUSTOM.equals(window) && (!Double
			.isFinite(windowCenterHu) || !(windowWidthHu > 0) || Double.isInfinite(windowWidthHu)))
		{
			return "Custom window needs a finite centre (windowCenterHu) and a width above 0 HU" +
				" (windowWidthHu), got " + windowCenterHu + " and " + windowWidthHu + ".";
		}
		if (m == NormalizationMethod.HISTOGRAM_MATCHING && reference == null) {
			return "Histogram matching needs a reference image (reference).";
		}
		if (NormalizeCtCommand.MASK_ROI.equals(maskSource) && (image.getRoi() == null || !image
			.getRoi().isArea()))
		{
			return "Mask 'ROI' needs an area selection on '" + image.getTitle() + "'.";
		}
		if (NormalizeCtCommand.MASK_IMAGE.equals(maskSource)) {
			if (maskImage == null) return "Mask 'Mask image' needs a mask image (maskImage).";
			if (maskImage.getWidth() != image.getWidth() || maskImage.getHeight() != image
				.getHeight() || maskImage.getStackSize() != image.getNSlices() && maskImage
					.getStackSize() != image.getStackSize())
			{
				return "Mask image '" + maskImage.getTitle() + "' (" + maskImage.getWidth() + " x " +
					maskImage.getHeight() + " x " + maskImage.getStackSize() + ") does not match '" +
					image.getTitle() + "' (" + image.getWidth() + " x " + image.getHeight() + " x " +
					image.getNSlices() + " slices).";
			}
		}
		return null;
	}
}
