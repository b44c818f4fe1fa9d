package org.ctheatmap.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;

import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

class RegionMeasurerTest {

	/** Volumes are voxel counts times a product of three doubles. */
	private static final double VOLUME_TOL_MM3 = 1e-9;

	/** Means of a few hundred exact small integers summed in double. */
	private static final double MEAN_TOL_HU = 1e-9;

	private static final double[] ANISOTROPIC = { 0.7, 0.7, 2.5 };

	@Test
	void cubeOnAnisotropicVoxels() {
		ImagePlus image = TestImages.sliceNumbers(32, 32, 8, ANISOTROPIC);
		List<Roi> rois = new ArrayList<>();
		for (int z = 3; z <= 6; z++) {
			rois.add(named(new Roi(5, 7, 10, 10), "cube", z));
		}
		MeasurementTable table = measure(rois, image);

		assertEquals(1, table.rows().size(), "four ROIs of one name form one region");
		assertEquals("cube", table.value(0, "Region"), "region name");
		assertEquals(400L, table.value(0, "Voxels"), "10 x 10 x 4 voxels");
		assertEquals(4, table.value(0, "Slices"), "slices covered");
		assertEquals(490.0, table.number(0, "Volume (mm³)"), VOLUME_TOL_MM3,
			"10 x 10 x 4 voxels of 0.7 x 0.7 x 2.5 mm");
		assertTrue(Double.isNaN(table.number(0, "Area (mm²)")),
			"area is undefined for a region on several slices");
		assertEquals(4.5, table.number(0, "Mean (HU)"), MEAN_TOL_HU,
			"mean of slice numbers 3 to 6");
		assertEquals(3.0, table.number(0, "Min (HU)"), 0, "first slice");
		assertEquals(6.0, table.number(0, "Max (HU)"), 0, "last slice");
	}

	@Test
	void roisMeasuredOnTheirOwnSlice() {
		ImagePlus image = TestImages.sliceNumbers(20, 20, 6, ANISOTROPIC);
		List<Roi> rois = Arrays.asList(named(new Roi(0, 0, 4, 5), "a", 2), named(new Roi(0, 0,
			4, 5), "b", 5));
		MeasurementTable table = measure(rois, image);

		assertEquals(2.0, table.number(table.rowOf("a"), "Mean (HU)"), 0, "ROI a on slice 2");
		assertEquals(5.0, table.number(table.rowOf("b"), "Mean (HU)"), 0, "ROI b on slice 5");
		assertEquals(20 * 0.49, table.number(table.rowOf("a"), "Area (mm²)"), VOLUME_TOL_MM3,
			"4 x 5 pixels of 0.7 x 0.7 mm");
		assertEquals(20 * 0.49 * 2.5, table.number(table.rowOf("a"), "Volume (mm³)"),
			VOLUME_TOL_MM3, "a one-slice region has the volume of its slab");
	}

	@Test
	void positionZeroCoversEverySlice() {
		ImagePlus image = TestImages.sliceNumbers(20, 20, 6, ANISOTROPIC);
		Roi roi = named(new Roi(2, 2, 3, 3), "all", 0);
		MeasurementTable table = measure(Collections.singletonList(roi), image);

		assertEquals(6, table.value(0, "Slices"), "position 0 means every slice");
		assertEquals(54L, table.value(0, "Voxels"), "9 pixels on 6 slices");
		assertEquals(3.5, table.number(0, "Mean (HU)"), MEAN_TOL_HU, "mean of 1 to 6");
	}

	@Test
	void overlappingRoisCountOnce() {
		ImagePlus image = TestImages.sliceNumbers(20, 20, 3, ANISOTROPIC);
		List<Roi> rois = Arrays.asList(named(new Roi(0, 0, 10, 10), "r", 2), named(new Roi(5, 5,
			10, 10), "r", 2));
		MeasurementTable table = measure(rois, image);

		assertEquals(175L, table.value(0, "Voxels"), "100 + 100 - 25 overlapping pixels");
		assertEquals(1, table.value(0, "Slices"), "both ROIs on slice 2");
	}

	@Test
	void groupsAndUnnamedRois() {
		ImagePlus image = TestImages.sliceNumbers(20, 20, 4, ANISOTROPIC);
		Roi first = named(new Roi(0, 0, 2, 2), "lesion top", 1);
		Roi second = named(new Roi(0, 0, 2, 2), "lesion bottom", 2);
		first.setGroup(7);
		second.setGroup(7);
		Roi unnamed = new Roi(0, 0, 1, 1);
		unnamed.setPosition(3);
		MeasurementTable table = measure(Arrays.asList(first, second, unnamed), image);

		assertEquals(2, table.rows().size(), "one group and one unnamed ROI");
		int group = table.rowOf("Group 7");
		assertTrue(group >= 0, "group without a name is called 'Group 7'");
		assertEquals(8L, table.value(group, "Voxels"), "group joins ROIs of different names");
		assertEquals(1L, table.value(table.rowOf("ROI 3"), "Voxels"),
			"an unnamed ROI is named after its place in the list");
	}

	@Test
	void severalImagesGetPrefixedColumns() {
		ImagePlus ct = TestImages.sliceNumbers(16, 16, 3, ANISOTROPIC);
		ImagePlus map = TestImages.constant("perfusion", 16, 16, 3, ANISOTROPIC, 42.5f,
			"ml/100g/min");
		ImagePlus plain = TestImages.constant("plain", 16, 16, 3, ANISOTROPIC, -3f,
			"Gray Value");
		List<ImagePlus> images = Arrays.asList(ct, map, plain);
		List<Roi> rois = Collections.singletonList(named(new Roi(1, 1, 4, 4), "r", 2));
		List<RoiRegion> regions = RoiRegions.group(rois, VoxelGrid.of(ct));
		MeasurementTable table = MeasurementTable.of(RegionMeasurer.measureRois(regions,
			images, 1.5, ProgressListener.NONE), images, 1.5);

		assertEquals(2.0, table.number(0, "Mean (HU)"), 0, "CT on slice 2");
		assertEquals(42.5, table.number(0, "perfusion: Mean (ml/100g/min)"), 0,
			"map mean with the map's unit");
		assertEquals(-3.0, table.number(0, "plain: Mean"), 0,
			"an image without value unit has no unit in its headers");
		assertEquals(1.5, table.number(0, "Threshold (HU)"), 0, "threshold column");
		assertEquals(1.0, table.number(0, "Fraction above threshold"), 0, "2 > 1.5 everywhere");
	}

	@Test
	void framesAreMeasuredSeparately() {
		ImageStack stack = new ImageStack(10, 10);
		ImagePlus source = TestImages.sliceNumbers(10, 10, 6, ANISOTROPIC);
		for (int n = 1; n <= 6; n++) {
			stack.addSlice(source.getStack().getProcessor(n));
		}
		ImagePlus series = new ImagePlus("series", stack);
		series.setDimensions(1, 3, 2);
		TestImages.calibrate(series, ANISOTROPIC);
		Roi everyFrame = named(new Roi(0, 0, 2, 2), "all frames", 0);
		Roi secondFrame = named(new Roi(0, 0, 2, 2), "frame 2", 0);
		secondFrame.setPosition(0, 1, 2);
		MeasurementTable table = measure(Arrays.asList(everyFrame, secondFrame), series);

		assertEquals(3, table.rows().size(), "two frames of one region, one of the other");
		assertEquals(2.0, table.number(0, "Mean (HU)"), MEAN_TOL_HU, "frame 1 holds 1, 2, 3");
		assertEquals(5.0, table.number(1, "Mean (HU)"), MEAN_TOL_HU, "frame 2 holds 4, 5, 6");
		assertEquals(2, table.value(2, "Frame"), "hyperstack position frame 2");
		assertEquals(4.0, table.number(2, "Mean (HU)"), 0, "slice 1 of frame 2 is plane 4");
	}

	@Test
	void roiOutsideTheImageHasNoVoxels() {
		ImagePlus image = TestImages.sliceNumbers(10, 10, 2, ANISOTROPIC);
		Roi roi = named(new OvalRoi(40, 40, 5, 5), "outside", 1);
		MeasurementTable table = measure(Collections.singletonList(roi), image);

		assertEquals(0L, table.value(0, "Voxels"), "no pixel inside the image");
		assertTrue(Double.isNaN(table.number(0, "Mean (HU)")), "mean of no values");
	}

	@Test
	void differentGridsAreRejected() {
		ImagePlus ct = TestImages.sliceNumbers(16, 16, 3, ANISOTROPIC);
		ImagePlus other = TestImages.sliceNumbers(16, 16, 3, new double[] { 0.7, 0.7, 3.0 });
		List<RoiRegion> regions = RoiRegions.group(Collections.singletonList(new Roi(0, 0, 2,
			2)), VoxelGrid.of(ct));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> RegionMeasurer.measureRois(regions, Arrays.asList(ct, other), Double.NaN,
				ProgressListener.NONE));
		assertTrue(e.getMessage().contains("voxels of 0.7 x 0.7 x 3.0 mm"), e.getMessage());
	}

	@Test
	void lineRoiIsRejected() {
		ImagePlus image = TestImages.sliceNumbers(16, 16, 3, ANISOTROPIC);
		Roi line = new ij.gui.Line(0, 0, 5, 5);
		line.setName("ruler");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> RoiRegions.group(Collections.singletonList(line), VoxelGrid.of(image)));
		assertTrue(e.getMessage().contains("'ruler'"), e.getMessage());
	}

	private static Roi named(Roi roi, String name, int slice) {
		roi.setName(name);
		roi.setPosition(slice);
		return roi;
	}

	private static MeasurementTable measure(List<Roi> rois, ImagePlus image) {
		List<ImagePlus> images = Collections.singletonList(image);
		List<RoiRegion> regions = RoiRegions.group(rois, VoxelGrid.of(image));
		return MeasurementTable.of(RegionMeasurer.measureRois(regions, images, Double.NaN,
			ProgressListener.NONE), images, Double.NaN);
	}
}
