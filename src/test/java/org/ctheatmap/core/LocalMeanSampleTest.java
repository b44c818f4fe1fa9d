package org.ctheatmap.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImageStack;

import java.io.IOException;
import java.nio.file.Path;

import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.nifti.NiftiReader;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.Test;

/** Checks the local mean on the TotalSegmentator example CT, when the samples exist. */
class LocalMeanSampleTest {

	/** Mean of all 122 x 101 x 30 voxels, computed in double precision from the file. */
	private static final double VOLUME_MEAN_HU = -354.0953;

	/**
	 * The reference is rounded to 4 decimals, and the box means pass through
	 * float storage (about 7 significant digits of a few hundred HU).
	 */
	private static final double MEAN_TOL_HU = 1e-3;

	@Test
	void boxCoveringVolumeGivesVolumeMean() throws IOException {
		Path file = CtSamples.folder("07_nifti_totalseg_example_ct_sm").resolve(
			"example_ct_sm.nii.gz");
		CtVolume volume = NiftiReader.read(file, ReadOptions.DEFAULT);
		// 3 mm voxels: a 400 mm radius gives half-widths of 133 voxels on every axis,
		// more than the 122 x 101 x 30 voxels, so every box is the whole volume.
		ImageStack smooth = LocalMean.smooth(volume.image().getStack(), volume, 400,
			ProgressListener.NONE);
		int[][] corners = { { 0, 0, 1 }, { 121, 100, 30 }, { 60, 50, 15 } };
		for (int[] c : corners) {
			assertEquals(VOLUME_MEAN_HU, smooth.getProcessor(c[2]).getf(c[0], c[1]), MEAN_TOL_HU,
				"voxel (" + c[0] + ", " + c[1] + ") of slice " + c[2]);
		}
	}
}
