package org.ctheatmap.io.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;

/**
 * Checks a volume read from a raster file against the stored grid: each stored
 * voxel's HU must appear at the display voxel whose patient position equals
 * the stored voxel's position. Works for grids whose axes are orthogonal.
 */
public final class StoredGrid {

	/** Positions are computed in double from float or decimal header values. */
	private static final double POSITION_TOL_MM = 1e-6;

	private StoredGrid() {}

	/**
	 * @param lps stored-voxel-to-LPS affine, 3 rows of 4, in mm
	 * @param size stored voxel counts along i, j, k
	 * @param hu HU of the stored voxels, i fastest, then j, k and time point
	 */
	public static void assertVoxels(CtVolume volume, double[][] lps, long[] size, float[] hu) {
		PatientGeometry g = volume.geometry();
		double[][] axes = { g.rowDirection(), g.columnDirection(), g.sliceDirection() };
		double[] origin = g.origin();
		double[] spacing = g.spacing();
		long perFrame = size[0] * size[1] * size[2];
		int n = 0;
		for (int t = 0; t < hu.length / perFrame; t++) {
			for (int k = 0; k < size[2]; k++) {
				for (int j = 0; j < size[1]; j++) {
					for (int i = 0; i < size[0]; i++, n++) {
						double[] index = new double[3];
						for (int d = 0; d < 3; d++) {
							double dot = 0;
							for (int r = 0; r < 3; r++) {
								double p = lps[r][0] * i + lps[r][1] * j + lps[r][2] * k + lps[r][3];
								dot += (p - origin[r]) * axes[d][r];
							}
							index[d] = dot / spacing[d];
						}
						int x = (int) Math.round(index[0]);
						int y = (int) Math.round(index[1]);
						int z = (int) Math.round(index[2]);
						String voxel = "stored voxel (" + i + ", " + j + ", " + k + ", t " + t + ")";
						for (int d = 0; d < 3; d++) {
							assertEquals(Math.round(index[d]), index[d], POSITION_TOL_MM / spacing[d],
								voxel + " lies on the display grid along axis " + d);
						}
						int stackIndex = volume.image().getStackIndex(1, z + 1, t + 1);
						float[] pixels = (float[]) volume.image().getStack().getPixels(stackIndex);
						assertEquals(hu[n], pixels[x + volume.width() * y], 0, voxel + " at display (" +
							x + ", " + y + ", " + z + ")");
					}
				}
			}
		}
	}
}
