package org.ctheatmap.compare;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.filter.GaussianFilter;

/** Builds the reduced-resolution copies of a volume that registration runs on. */
final class Pyramid {

	/** Lowest HU kept: padding outside the field of view (-2000, -3024 HU) reads as air. */
	static final float MIN_HU = -1024;

	/** Highest HU kept, the top of 12-bit CT; metal beyond it would dominate the metric. */
	static final float MAX_HU = 3071;

	private Pyramid() {}

	/** Returns a copy with values clamped to {@link #MIN_HU}..{@link #MAX_HU}; NaN stays NaN. */
	static PatientVolume clamped(PatientVolume volume) {
		FloatVolume copy = volume.values().copy();
		for (float[] slice : copy.slices()) {
			for (int index = 0; index < slice.length; index++) {
				float v = slice[index];
				if (v < MIN_HU) slice[index] = MIN_HU;
				else if (v > MAX_HU) slice[index] = MAX_HU;
			}
		}
		return new PatientVolume(copy, volume.geometry());
	}

	/**
	 * Returns the whole reduction factor of each axis at a level of
	 * {@code levelMm}: {@code max(1, round(levelMm / spacing))}, and 1 along an
	 * axis of one voxel.
	 */
	static int[] factors(PatientVolume volume, double levelMm) {
		double[] spacing = volume.geometry().spacing();
		int[] sizes = { volume.width(), volume.height(), volume.depth() };
		int[] factors = new int[3];
		for (int a = 0; a < 3; a++) {
			factors[a] = sizes[a] == 1 ? 1 : (int) Math.max(1, Math.round(levelMm / spacing[a]));
			factors[a] = Math.min(factors[a], sizes[a]);
		}
		return factors;
	}

	/**
	 * Returns the volume reduced by whole factors: blurred with a Gaussian of
	 * sigma {@code factor / 2} voxels along each reduced axis, then every
	 * factor-th voxel from index 0. Voxel 0 keeps its position, so the
	 * geometry keeps its origin and directions and multiplies the spacing.
	 * Returns the input itself when every factor is 1.
	 */
	static PatientVolume reduce(PatientVolume volume, int[] factors) {
		if (factors[0] == 1 && factors[1] == 1 && factors[2] == 1) return volume;
		FloatVolume blurred = volume.values().copy();
		double[] sigma = new double[3];
		for (int a = 0; a < 3; a++) {
			sigma[a] = factors[a] > 1 ? factors[a] / 2.0 : 0;
		}
		GaussianFilter.blur(blurred, sigma, ProgressListener.NONE);
		int width = (volume.width() + factors[0] - 1) / factors[0];
		int height = (volume.height() + factors[1] - 1) / factors[1];
		int depth = (volume.depth() + factors[2] - 1) / factors[2];
		FloatVolume reduced = FloatVolume.allocate(width, height, depth);
		for (int k = 0; k < depth; k++) {
			for (int j = 0; j < height; j++) {
				for (int i = 0; i < width; i++) {
					float value = blurred.get(i * factors[0], j * factors[1], k * factors[2]);
					reduced.set(i, j, k, value);
				}
			}
		}
		PatientGeometry g = volume.geometry();
		double[] spacing = g.spacing();
		for (int a = 0; a < 3; a++) {
			spacing[a] *= factors[a];
		}
		return new PatientVolume(reduced, new PatientGeometry(g.origin(), g.rowDirection(), g
			.columnDirection(), g.sliceDirection(), spacing));
	}
}
