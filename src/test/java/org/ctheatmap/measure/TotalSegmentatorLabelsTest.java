package org.ctheatmap.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImagePlus;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.nifti.NiftiReader;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * Measures the TotalSegmentator example label map on its CT and compares
 * with the statistics TotalSegmentator publishes for it: volume = voxels x
 * 27 mm³ and mean HU rounded to 5 decimals.
 */
class TotalSegmentatorLabelsTest {

	/** The published means are rounded to 5 decimals. */
	private static final double PUBLISHED_ROUNDING_HU = 0.5e-5;

	/** Volumes are integer voxel counts times 27 mm³. */
	private static final double VOLUME_TOL_MM3 = 1e-6;

	private static MeasurementTable table;

	@BeforeAll
	static void measure() throws IOException {
		Path folder = CtSamples.folder("07_nifti_totalseg_example_ct_sm");
		CtVolume ct = NiftiReader.read(folder.resolve("example_ct_sm.nii.gz"),
			ReadOptions.DEFAULT);
		CtVolume labels = NiftiReader.read(folder.resolve("example_seg_fast.nii.gz"),
			ReadOptions.DEFAULT);
		List<ImagePlus> images = Collections.singletonList(ct.image());
		table = MeasurementTable.of(LabelMeasurer.measure(labels.image(), images, Double.NaN,
			ProgressListener.NONE), images, Double.NaN);
	}

	@ParameterizedTest(name = "label {0} {1}")
	@CsvSource({
		"1, spleen, 9630, 260010, 33.05909",
		"2, kidney_right, 3996, 107892, 10.96271",
		"3, kidney_left, 3676, 99252, 15.20321",
		"4, gallbladder, 1349, 36423, 2.4381",
		"5, liver, 39350, 1062450, 44.85855",
		"6, stomach, 4748, 128196, -23.52633",
		"14, lung_lower_lobe_right, 2579, 69633, -762.14928",
		"20, colon, 12772, 344844, -490.47972",
		"31, vertebrae_L1, 2167, 58509, 196.57776",
		"52, aorta, 1174, 31698, 40.14736",
		"63, inferior_vena_cava, 1401, 37827, 37.98787",
		"117, costal_cartilages, 2159, 58293, 99.77814" })
	void organMatchesPublishedStatistics(int label, String organ, long voxels, double volume,
		double meanHu)
	{
		int row = table.rowOf(LabelMeasurer.labelName(label));
		assertEquals(voxels, table.value(row, "Voxels"), organ + " voxels");
		assertEquals(volume, table.number(row, "Volume (mm³)"), VOLUME_TOL_MM3, organ +
			" volume");
		assertEquals(meanHu, table.number(row, "Mean (HU)"), PUBLISHED_ROUNDING_HU, organ +
			" mean HU");
	}
}
