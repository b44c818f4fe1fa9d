package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.measure.RoiRegions;
import org.ctheatmap.measure.VoxelGrid;
import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.phantom.PhantomTimePoint;
import org.ctheatmap.phantom.PhantomTissue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the committed phantom time points, read from DICOM: the baseline
 * is stored unsigned with intercept -1024, the follow-ups signed. All three
 * share one frame of reference and grid.
 */
class TimePointComparisonTest {

	/**
	 * Noise bound on a mean change, in HU: each voxel differs by two draws of
	 * SD 5 HU, so the mean over the 1341 lesion voxels has an SD of 0.19 HU;
	 * about five of those.
	 */
	private static final double LESION_NOISE_HU = 1;

	/** Noise bound on the mean change over the 30863 liver voxels (SD 0.04 HU). */
	private static final double LIVER_NOISE_HU = 0.25;

	private static final int LESION = 1;
	private static final int LIVER = 2;

	private static TimePointComparison comparison;

	@TempDir
	Path folder;

	@BeforeAll
	static void compare() throws IOException {
		Path images = Paths.get("test-images");
		CtVolume baseline = CtReaders.open(images.resolve("baseline-dicom"), ReadOptions.DEFAULT);
		List<CtVolume> followUps = Arrays.asList(CtReaders.open(images.resolve(
			"followup-growth-dicom"), ReadOptions.DEFAULT), CtReaders.open(images.resolve(
				"followup-hu-dicom"), ReadOptions.DEFAULT));
		comparison = TimePointComparison.run(baseline, TimePoint.of("baseline", baseline),
			followUps, Arrays.asList(TimePoint.of("growth", followUps.get(0)), TimePoint.of("hu",
				followUps.get(1))), ComparisonSettings.DEFAULT, ProgressListener.NONE);
	}

	/** Releases the volumes, because every test class shares the fork's 512 MB heap. */
	@AfterAll
	static void release() {
		comparison = null;
	}

	@Test
	void sharedFrameUsesPatientCoordinates() {
		for (FollowUpComparison followUp : comparison.followUps()) {
			assertEquals(Alignment.PATIENT_COORDINATES, followUp.alignment(), followUp.timePoint()
				.name());
			assertNull(followUp.registration(), "no registration for " + followUp.timePoint()
				.name());
		}
	}

	@Test
	void lesionDropsFortyHu() {
		ChangeTable table = comparison.changeTable(labelMap(), ProgressListener.NONE);
		int row = row(table, "Label " + LESION, "hu");
		assertEquals(-40, table.number(row, "Change in mean (HU)"), LESION_NOISE_HU,
			"lesion change, signed");
		assertEquals(-66.7, table.number(row, "Change in mean (%)"), 2, "-40 of 60 HU");
		assertEquals(1341, table.number(row, "Voxels measured"), 0, "lesion voxels");
		assertEquals(91, table.number(row, "Days since baseline"), 0, "2026-01-05 to 04-06");
	}

	@Test
	void grownLesionLowersLiverMean() {
		ChangeTable table = comparison.changeTable(labelMap(), ProgressListener.NONE);
		// 2188 of the 30863 baseline liver voxels (lesion excluded) turn from 100 to 60 HU.
		double expected = -40.0 * 2188 / 30863;
		assertEquals(expected, table.number(row(table, "Label " + LIVER, "growth"),
			"Change in mean (HU)"), LIVER_NOISE_HU, "liver change");
		assertEquals(0, table.number(row(table, "Label " + LESION, "growth"),
			"Change in mean (HU)"), LESION_NOISE_HU, "lesion core unchanged");
	}

	@Test
	void roiRegionMeasuredAtEveryTimePoint() {
		int[] centre = PhantomGenerator.lesionCentreVoxel();
		Roi roi = new OvalRoi(centre[0] - 4, centre[1] - 4, 9, 9);
		roi.setName("lesion");
		roi.setPosition(centre[2] + 1);
		ImagePlus baseline = comparison.baselineVolume().image();
		ChangeTable table = comparison.changeTable(RoiRegions.group(Collections.singletonList(
			roi), VoxelGrid.of(baseline)), ProgressListener.NONE);
		assertEquals(3, table.rows().size(), "one row per time point");
		assertEquals("baseline", table.rows().get(0).get(1), "first time point");
		assertEquals(0, table.number(0, "Change in mean (HU)"), 0, "baseline change");
		assertEquals(-40, table.number(2, "Change in mean (HU)"), 2, "lesion ROI change");
	}

	@Test
	void differenceMapKeepsSign() {
		FollowUpComparison hu = comparison.followUps().get(1);
		byte[][] labels = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		double sum = 0;
		int count = 0;
		for (int k = 0; k < labels.length; k++) {
			for (int index = 0; index < labels[k].length; index++) {
				if (labels[k][index] != PhantomTissue.LESION.ordinal()) continue;
				sum += hu.maps().absolute().values().slices()[k][index];
				count++;
			}
		}
		assertEquals(-40, sum / count, LESION_NOISE_HU, "mean ΔHU in the lesion");
		assertEquals(0, hu.summary().all().median(), LESION_NOISE_HU, "median ΔHU in the body");
	}

	@Test
	void trendPlotSavesHeadless() throws IOException {
		ChangeTable table = comparison.changeTable(labelMap(), ProgressListener.NONE);
		ImagePlus plot = TrendPlot.plot(table, "Label " + LESION);
		assertTrue(plot.getWidth() > TrendPlot.WIDTH, "plot width " + plot.getWidth());
		Path png = folder.resolve("trend.png");
		assertTrue(new FileSaver(plot).saveAsPng(png.toString()), "saved");
		assertTrue(Files.size(png) > 1000, "PNG size " + Files.size(png));
		assertEquals(Arrays.toString(new double[] { 0, 91, 91 }), Arrays.toString(TrendPlot
			.xValues(table)), "days on the x axis");
	}

	/** Returns the baseline lesion as label 1 and the rest of the liver as label 2. */
	private static ImagePlus labelMap() {
		byte[][] tissues = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		ImageStack stack = new ImageStack(PhantomGenerator.WIDTH, PhantomGenerator.HEIGHT);
		for (byte[] plane : tissues) {
			byte[] labels = new byte[plane.length];
			for (int index = 0; index < plane.length; index++) {
				if (plane[index] == PhantomTissue.LESION.ordinal()) labels[index] = LESION;
				if (plane[index] == PhantomTissue.LIVER.ordinal()) labels[index] = LIVER;
			}
			stack.addSlice("", new ByteProcessor(PhantomGenerator.WIDTH, PhantomGenerator.HEIGHT,
				labels));
		}
		ImagePlus image = new ImagePlus("labels", stack);
		image.setCalibration(comparison.baselineVolume().image().getCalibration().copy());
		return image;
	}

	private static int row(ChangeTable table, String region, String timePoint) {
		List<List<Object>> rows = table.rows();
		for (int r = 0; r < rows.size(); r++) {
			if (rows.get(r).get(0).equals(region) && rows.get(r).get(1).equals(timePoint)) return r;
		}
		throw new AssertionError("No row for " + region + " at " + timePoint);
	}
}
