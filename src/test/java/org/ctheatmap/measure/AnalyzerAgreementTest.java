package org.ctheatmap.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.measure.Measurements;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.process.FloatPolygon;

import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Checks that a single 2-D ROI gives the same mean, SD, min, max and area as
 * ImageJ's own Measure (Analyzer) on the same calibrated image.
 */
class AnalyzerAgreementTest {

	/**
	 * Both sides sum in double precision but in different orders, and ImageJ
	 * takes the SD from sums of squares; 1e-6 HU is far below any CT
	 * difference and far above that rounding.
	 */
	private static final double ROUNDING_TOL_HU = 1e-6;

	/** Areas are pixel counts times the same pixel area; only rounding differs. */
	private static final double AREA_TOL_MM2 = 1e-9;

	private static final double[] SPACING = { 0.7, 0.8, 2.5 };

	private static final int SLICE = 3;

	static Stream<Object[]> cases() {
		List<Supplier<ImagePlus>> images = Arrays.asList(
			// 32-bit HU.
			() -> TestImages.huFloat(64, 48, 5, SPACING, 11),
			// Signed 16-bit as ImageJ stores it: raw + 32768, HU = raw - 32768.
			() -> TestImages.huShort(64, 48, 5, SPACING, -32768, 1, 32768 - 1000, 12),
			// Unsigned storage with DICOM rescale slope 0.5 and intercept -1024.
			() -> TestImages.huShort(64, 48, 5, SPACING, -1024, 0.5, 0, 13));
		List<Supplier<Roi>> rois = Arrays.asList(
			() -> new OvalRoi(10.3, 7.6, 21.4, 15.2),
			() -> new OvalRoi(3, 4, 7, 5),
			() -> new PolygonRoi(new FloatPolygon(new float[] { 5.2f, 40.7f, 33.1f, 12.9f,
				20.5f }, new float[] { 3.3f, 8.1f, 37.6f, 30.2f, 18.4f }), Roi.POLYGON),
			() -> new PolygonRoi(new int[] { 50, 70, 60 }, new int[] { 30, 35, 55 }, 3,
				Roi.POLYGON),
			() -> new Roi(20, 10, 13, 9),
			() -> new ShapeRoi(new OvalRoi(5, 5, 20, 20)).not(new ShapeRoi(new OvalRoi(10, 10,
				8, 8))));
		String[] imageNames = { "32-bit", "16-bit signed", "16-bit rescaled" };
		String[] roiNames = { "oval sub-pixel", "small oval", "float polygon",
			"polygon past edge", "rectangle", "ring" };
		return Stream.of(0, 1, 2).flatMap(i -> Stream.iterate(0, r -> r + 1).limit(rois
			.size()).map(r -> new Object[] { imageNames[i] + ", " + roiNames[r], images.get(i),
				rois.get(r) }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void singleRoiMatchesImageJMeasure(String name, Supplier<ImagePlus> imageSupplier,
		Supplier<Roi> roiSupplier)
	{
		ImagePlus image = imageSupplier.get();
		Roi roi = roiSupplier.get();
		roi.setPosition(SLICE);
		ResultsTable imageJ = imageJMeasure(image, (Roi) roi.clone());

		List<ImagePlus> images = Collections.singletonList(image);
		List<RoiRegion> regions = RoiRegions.group(Collections.singletonList(roi), VoxelGrid.of(
			image));
		MeasurementTable table = MeasurementTable.of(RegionMeasurer.measureRois(regions, images,
			Double.NaN, ProgressListener.NONE), images, Double.NaN);

		assertEquals(imageJ.getValue("Area", 0), table.number(0, "Area (mm²)"), AREA_TOL_MM2,
			name + ": area");
		assertEquals(imageJ.getValue("Mean", 0), table.number(0, "Mean (HU)"),
			ROUNDING_TOL_HU, name + ": mean");
		assertEquals(imageJ.getValue("StdDev", 0), table.number(0, "SD (HU)"),
			ROUNDING_TOL_HU, name + ": SD");
		assertEquals(imageJ.getValue("Min", 0), table.number(0, "Min (HU)"), ROUNDING_TOL_HU,
			name + ": min");
		assertEquals(imageJ.getValue("Max", 0), table.number(0, "Max (HU)"), ROUNDING_TOL_HU,
			name + ": max");
	}

	private static ResultsTable imageJMeasure(ImagePlus image, Roi roi) {
		image.setSlice(SLICE);
		image.setRoi(roi);
		ResultsTable table = new ResultsTable();
		int measurements = Measurements.AREA | Measurements.MEAN | Measurements.STD_DEV |
			Measurements.MIN_MAX;
		new Analyzer(image, measurements, table).measure();
		return table;
	}
}
