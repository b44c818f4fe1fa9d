package org.ctheatmap.compare;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.filter.GaussianFilter;

/**
 * The voxel-wise change between a baseline and a follow-up on the same grid,
 * as two 32-bit float maps: the absolute change in HU and the relative change
 * in percent.
 * <p>
 * Both are signed and computed in double precision from the HU values, so
 * +50 HU stays +50 and -50 stays -50 whatever integer encoding either scan
 * was stored in. A voxel is NaN where either time point is NaN (outside the
 * overlap after resampling) or outside the optional mask. Instances are
 * immutable; the maps are new volumes.
 */
public final class DifferenceMaps {

	/** Unit of the absolute change map. */
	public static final String ABSOLUTE_UNIT = "ΔHU";

	/** Unit of the relative change map. */
	public static final String RELATIVE_UNIT = "%";

	/** Progress step name of the smoothing. */
	public static final String SMOOTHING_STEP = "Smoothing time points";

	private final PatientVolume absolute;
	private final PatientVolume relative;

	private DifferenceMaps(PatientVolume absolute, PatientVolume relative) {
		this.absolute = absolute;
		this.relative = relative;
	}

	/**
	 * Computes the change from a baseline to a follow-up; neither is modified.
	 *
	 * @param baseline HU on the baseline grid
	 * @param followUp HU resampled onto the same grid
	 * @param mask voxels to keep, indexed {@code mask[k][j * width + i]}, or
	 *          null to keep every voxel
	 * @param progress receives the smoothing passes
	 * @throws IllegalArgumentException if the two grids or the mask differ in
	 *           size
	 */
	public static DifferenceMaps compute(PatientVolume baseline, PatientVolume followUp,
		boolean[][] mask, DifferenceSettings settings, ProgressListener progress)
	{
		requireSameSize(baseline, followUp, mask);
		FloatVolume before = baseline.values();
		FloatVolume after = followUp.values();
		if (settings.smoothingSigmaMm() > 0) {
			double[] sigma = sigmaVoxels(settings.smoothingSigmaMm(), baseline);
			before = before.copy();
			after = after.copy();
			GaussianFilter.blur(before, sigma, ProgressListener.NONE);
			GaussianFilter.blur(after, sigma, progress);
		}
		int depth = before.depth();
		int size = before.width() * before.height();
		FloatVolume change = FloatVolume.allocate(before.width(), before.height(), depth);
		FloatVolume percent = FloatVolume.allocate(before.width(), before.height(), depth);
		for (int k = 0; k < depth; k++) {
			float[] b = before.slices()[k];
			float[] a = after.slices()[k];
			float[] c = change.slices()[k];
			float[] r = percent.slices()[k];
			for (int index = 0; index < size; index++) {
				if (mask != null && !mask[k][index]) {
					c[index] = Float.NaN;
					r[index] = Float.NaN;
					continue;
				}
				double delta = (double) a[index] - b[index];
				c[index] = (float) delta;
				r[index] = Math.abs(b[index]) < settings.minBaselineHu() ? Float.NaN
					: (float) (100 * delta / Math.abs(b[index]));
			}
		}
		return new DifferenceMaps(new PatientVolume(change, baseline.geometry()),
			new PatientVolume(percent, baseline.geometry()));
	}

	/** Returns the absolute change, follow-up minus baseline, in HU. */
	public PatientVolume absolute() {
		return absolute;
	}

	/** Returns the relative change in percent of the baseline's magnitude. */
	public PatientVolume relative() {
		return relative;
	}

	/** Returns the Gaussian sigma per axis in voxels; 0 along an axis of one voxel. */
	static double[] sigmaVoxels(double sigmaMm, PatientVolume grid) {
		double[] spacing = grid.geometry().spacing();
		int[] sizes = { grid.width(), grid.height(), grid.depth() };
		double[] sigma = new double[3];
		for (int a = 0; a < 3; a++) {
			sigma[a] = sizes[a] == 1 ? 0 : sigmaMm / spacing[a];
		}
		return sigma;
	}

	private static void requireSameSize(PatientVolume baseline, PatientVolume followUp,
		boolean[][] mask)
	{
		if (baseline.width() != followUp.width() || baseline.height() != followUp.height() ||
			baseline.depth() != followUp.depth())
		{
			throw new IllegalArgumentException("The follow-up (" + followUp + ") is not on the" +
				" baseline grid (" + baseline + "); resample it first");
		}
		if (mask != null && (mask.length != baseline.depth() || mask[0].length != baseline
			.width() * baseline.height()))
		{
			throw new IllegalArgumentException("The mask does not match the baseline grid (" +
				baseline + ")");
		}
	}
}
