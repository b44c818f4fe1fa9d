package org.ctheatmap.core.filter;

import ij.ImagePlus;
import ij.measure.Calibration;

import org.ctheatmap.core.HuImages;

/** Reads voxel spacing in mm and the HU line of 16-bit images from ImageJ calibrations. */
final class VoxelSpacing {

	private VoxelSpacing() {}

	/**
	 * Returns {pixelWidth, pixelHeight, pixelDepth} in mm.
	 *
	 * @throws IllegalArgumentException if the unit is not a length (for example
	 *           "pixel" on an uncalibrated image)
	 */
	static double[] of(ImagePlus image) {
		Calibration cal = image.getCalibration();
		double scale = HuImages.millimetresPerUnit(cal.getUnit());
		if (Double.isNaN(scale)) {
			throw new IllegalArgumentException("'" + image.getTitle() + "' has spatial unit '" + cal
				.getUnit() + "'; set the voxel size in mm (Image > Properties) before filtering");
		}
		return new double[] { cal.pixelWidth * scale, cal.pixelHeight * scale, cal.pixelDepth *
			scale };
	}

	/**
	 * Returns {intercept, slope} that turn stored 16-bit values into HU: the
	 * image's straight-line calibration, or {0, 1} when it has none.
	 *
	 * @throws IllegalArgumentException for a calibration function other than
	 *           a straight line
	 */
	static double[] huLine(ImagePlus image) {
		Calibration cal = image.getCalibration();
		if (cal.getFunction() == Calibration.NONE) return new double[] { 0, 1 };
		double[] c = cal.getCoefficients();
		if (cal.getFunction() != Calibration.STRAIGHT_LINE || c == null || c.length < 2 ||
			c[1] == 0)
		{
			throw new IllegalArgumentException("'" + image.getTitle() +
				"' has a calibration function other than a straight line; it cannot be read as HU");
		}
		return new double[] { c[0], c[1] };
	}
}
