package org.ctheatmap.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.Test;

/**
 * Checks mask statistics on the TotalSegmentator example abdomen CT against
 * the organ means that TotalSegmentator publishes for it.
 */
class NormalizerSampleTest {

	/** The published means are rounded to 5 decimals. */
	private static final double PUBLISHED_ROUNDING_HU = 1e-5;

	private static final int LIVER_LABEL = 5;

	@Test
	void liverStatisticsMatchPublishedMean() throws Exception {
		Path folder = CtSamples.folder("07_nifti_totalseg_example_ct_sm");
		CtVolume ct = CtReaders.open(folder.resolve("example_ct_sm.nii.gz"), ReadOptions.DEFAULT);
		CtVolume labels = CtReaders.open(folder.resolve("example_seg_fast.nii.gz"),
			ReadOptions.DEFAULT);
		FloatVolume hu = FloatVolume.wrap(ct.image().getStack());
		FloatVolume label = FloatVolume.wrap(labels.image().getStack());
		boolean[][] planes = new boolean[hu.depth()][hu.width() * hu.height()];
		for (int z = 0; z < hu.depth(); z++) {
			for (int i = 0; i < planes[z].length; i++) {
				planes[z][i] = label.slices()[z][i] == LIVER_LABEL;
			}
		}
		VoxelMask liver = new VoxelMask(hu.width(), hu.height(), planes);
		NormalizationSettings zScore = new NormalizationSettings.Builder(
			NormalizationMethod.Z_SCORE).build();
		NormalizationResult result = Normalizer.normalize(hu, liver, zScore, null, null,
			ProgressListener.NONE);
		NormalizationStatistics stats = result.statistics().get(0);
		assertEquals(39350, stats.count(), "liver voxels (published: 39350)");
		assertEquals(44.85855, stats.mean(), PUBLISHED_ROUNDING_HU,
			"liver mean HU (published: 44.85855)");
		assertTrue(Float.isNaN(result.values().get(0, 0, 0)), "outside the liver is NaN");
	}

	@Test
	void bodyMaskContainsLabelledOrgans() throws Exception {
		Path folder = CtSamples.folder("07_nifti_totalseg_example_ct_sm");
		CtVolume ct = CtReaders.open(folder.resolve("example_ct_sm.nii.gz"), ReadOptions.DEFAULT);
		CtVolume labels = CtReaders.open(folder.resolve("example_seg_fast.nii.gz"),
			ReadOptions.DEFAULT);
		FloatVolume hu = FloatVolume.wrap(ct.image().getStack());
		FloatVolume label = FloatVolume.wrap(labels.image().getStack());
		VoxelMask body = VoxelMask.body(hu, ProgressListener.NONE);
		long organsOutside = 0;
		for (int z = 0; z < hu.depth(); z++) {
			for (int i = 0; i < hu.width() * hu.height(); i++) {
				if (label.slices()[z][i] != 0 && !body.plane(z)[i]) organsOutside++;
			}
		}
		assertEquals(0, organsOutside, "labelled organ voxels outside the body mask");
	}
}
