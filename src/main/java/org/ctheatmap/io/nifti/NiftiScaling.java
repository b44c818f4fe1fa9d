package org.ctheatmap.io.nifti;

import java.nio.file.Path;

import org.ctheatmap.io.InvalidInputException;

/**
 * The conversion from stored voxel values to HU given by {@code scl_slope}
 * and {@code scl_inter}: HU = stored * slope + inter, computed in double
 * precision. A slope of 0, NaN or infinity means no scaling, as the NIfTI
 * standard defines for 0; an intercept of NaN is taken as 0.
 */
final class NiftiScaling {

	/** Factor from stored value to HU; 1 when no scaling applies. */
	final double slope;
	final double inter;
	/** Text for {@link org.ctheatmap.core.CtVolume#huConversion()}. */
	final String conversion;

	private NiftiScaling(double slope, double inter, String conversion) {
		this.slope = slope;
		this.inter = inter;
		this.conversion = conversion;
	}

	/**
	 * Reads the scaling of a header.
	 *
	 * @throws InvalidInputException if the slope applies but the intercept is
	 *           infinite
	 */
	static NiftiScaling of(Path file, NiftiHeader h) throws InvalidInputException {
		double slope = h.sclSlope;
		if (slope == 0 || !Double.isFinite(slope)) {
			return new NiftiScaling(1, 0, "HU = stored value (scl_slope is " + number(
				slope) + ", so no scaling applies)");
		}
		double inter = h.sclInter;
		String note = "";
		if (Double.isNaN(inter)) {
			inter = 0;
			note = "; scl_inter NaN taken as 0";
		} else if (Double.isInfinite(inter)) {
			throw new InvalidInputException(file, "scl_inter is " + inter +
				"; the stored values cannot be converted to HU");
		}
		return new NiftiScaling(slope, inter, "HU = stored * " + number(slope) + " + " +
			number(inter) + " (NIfTI scl_slope/scl_inter" + note + ")");
	}

	/** Formats whole numbers without ".0" and float32 values by their shortest text. */
	static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		if ((double) (float) value == value) return Float.toString((float) value);
		return Double.toString(value);
	}
}
