package org.ctheatmap.measure;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

/**
 * Reads calibrated pixel values of an image the way ImageJ's Measure does:
 * 8- and 16-bit values go through the image's calibration table (so a signed
 * 16-bit CT reads in HU), 32-bit values are used as they are.
 */
final class ImageValues {

	/** ImageJ's value unit of an image without value calibration. */
	private static final String DEFAULT_VALUE_UNIT = "Gray Value";

	private final ImagePlus image;
	private final ImageStack stack;
	private final float[] table;

	ImageValues(ImagePlus image) {
		if (image.getBitDepth() == 24) {
			throw new IllegalArgumentException("'" + image.getTitle() +
				"' is an RGB image; measure a greyscale image");
		}
		this.image = image;
		this.stack = image.getStack();
		Calibration cal = image.getCalibration();
		this.table = image.getBitDepth() == 32 || !cal.calibrated() ? null : cal.getCTable();
	}

	/**
	 * Returns the plane at a 1-based slice and frame; an image with one frame
	 * returns the same plane for every frame.
	 */
	ImageProcessor plane(int slice, int frame) {
		int t = image.getNFrames() == 1 ? 1 : frame;
		return stack.getProcessor(image.getStackIndex(1, slice, t));
	}

	/** Returns the calibrated value of pixel {@code index} (y * width + x) of a plane. */
	float value(ImageProcessor plane, int index) {
		float raw = plane.getf(index);
		return table == null ? raw : table[(int) raw];
	}

	/**
	 * Returns the unit of the calibrated values, or "" when the image has
	 * none (ImageJ's "Gray Value").
	 */
	static String valueUnit(ImagePlus image) {
		String unit = image.getCalibration().getValueUnit();
		return unit == null || unit.trim().isEmpty() || DEFAULT_VALUE_UNIT.equals(unit) ? ""
			: unit.trim();
	}
}
