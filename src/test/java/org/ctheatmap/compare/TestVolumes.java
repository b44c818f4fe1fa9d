package org.ctheatmap.compare;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.filter.FloatVolume;

/** Analytic volumes for the comparison tests. */
final class TestVolumes {

	private TestVolumes() {}

	/** Returns a value that varies linearly in patient space: 2x - 3y + 0.5z + 10 (mm). */
	static double linear(double[] p) {
		return 2 * p[0] - 3 * p[1] + 0.5 * p[2] + 10;
	}

	/** Returns a volume whose voxels hold {@link #linear} of their centres. */
	static PatientVolume linearVolume(PatientGeometry geometry, int width, int height,
		int depth)
	{
		FloatVolume values = FloatVolume.allocate(width, height, depth);
		for (int k = 0; k < depth; k++) {
			for (int j = 0; j < height; j++) {
				for (int i = 0; i < width; i++) {
					values.set(i, j, k, (float) linear(geometry.voxelToPatient(i, j, k)));
				}
			}
		}
		return new PatientVolume(values, geometry);
	}

	/**
	 * Returns a geometry like a tilted head scan: columns tilted by
	 * {@code tiltDegrees} about x, slice positions stepping along z.
	 */
	static PatientGeometry tilted(double[] origin, double[] spacing, double tiltDegrees) {
		double t = Math.toRadians(tiltDegrees);
		return new PatientGeometry(origin, new double[] { 1, 0, 0 }, new double[] { 0, Math.cos(
			t), Math.sin(t) }, new double[] { 0, 0, 1 }, spacing);
	}

	/** Returns an empty volume with the given grid, for a resampling target. */
	static PatientVolume grid(PatientGeometry geometry, int width, int height, int depth) {
		return new PatientVolume(FloatVolume.allocate(width, height, depth), geometry);
	}
}
