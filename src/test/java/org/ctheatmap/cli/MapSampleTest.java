package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.hotspot.Connectivity;
import org.ctheatmap.core.hotspot.Hotspot;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maps the liver of TotalSegmentator's example abdominal CT through its own
 * segmentation as mask and checks the published organ statistics. Label 5
 * (liver) has 39350 voxels of 27 mm³ and a mean of 44.85855 HU, which
 * TotalSegmentator's statistics.json rounds to 5 decimals.
 */
class MapSampleTest {

	private static final long LIVER_VOXELS = 39350;

	private static final double LIVER_VOLUME_MM3 = 1062450;

	private static final double LIVER_MEAN_HU = 44.85855;

	/** The published mean has 5 decimals; half a unit in the last place. */
	private static final double PUBLISHED_ROUNDING_HU = 0.5e-5;

	@TempDir
	Path work;

	@Test
	void liverThroughLabelMask() throws IOException {
		Path sample = CtSamples.folder("07_nifti_totalseg_example_ct_sm");
		Path map = work.resolve("map");
		MapJob.run(new MapRequest.Builder(sample.resolve("example_ct_sm.nii.gz"), map).map("mean")
			.radiusMm(0).mask(sample.resolve("example_seg_fast.nii.gz").toString()).maskLabel(5)
			.build(), ProgressListener.NONE);

		// Every finite voxel of the map is liver; one 26-connected region contains them all.
		List<Hotspot> regions = HotspotsJob.run(map.resolve(MapJob.NIFTI_NAME), work.resolve(
			"regions"), null, -1e9, Connectivity.TWENTY_SIX, 0, false, ProgressListener.NONE);
		assertEquals(1, regions.size(), "the liver is one region");
		Hotspot liver = regions.get(0);
		assertEquals(LIVER_VOXELS, liver.voxelCount(), "liver voxels");
		assertEquals(LIVER_VOLUME_MM3, liver.volumeMm3(), 1e-6, "liver volume (mm³)");
		assertEquals(LIVER_MEAN_HU, liver.mean(), PUBLISHED_ROUNDING_HU, "liver mean (HU)");
	}
}
