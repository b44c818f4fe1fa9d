package org.ctheatmap.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

class LabelMeasurerTest {

	/** Volumes are voxel counts times a product of three doubles. */
	private static final double VOLUME_TOL_MM3 = 1e-9;

	private static final double[] ANISOTROPIC = { 0.7, 0.7, 2.5 };

	@Test
	void labelsMeasuredFromVoxels() {
		ImagePlus labels = labelMap();
		ImagePlus ct = TestImages.sliceNumbers(12, 10, 4, ANISOTROPIC);
		MeasurementTable table = measureLabels(labels, ct);

		assertEquals(2, table.rows().size(), "labels 3 and 9 are present");
		int cube = table.rowOf("Label 3");
		assertEquals(100L, table.value(cube, "Voxels"), "5 x 5 x 4 cube");
		assertEquals(100 * 0.7 * 0.7 * 2.5, table.number(cube, "Volume (mm³)"), VOLUME_TOL_MM3,
			"cube volume");
		assertEquals(2.5, table.number(cube, "Mean (HU)"), 1e-12, "mean of slices 1 to 4");
		int ring = table.rowOf("Label 9");
		assertEquals(1, table.value(ring, "Slices"), "ring on slice 2 only");
		assertEquals(16L - 4L, table.value(ring, "Voxels"), "4 x 4 square minus 2 x 2 hole");
		assertEquals(12 * 0.49, table.number(ring, "Area (mm²)"), VOLUME_TOL_MM3, "ring area");
	}

	@Test
	void tracedRoisContainTheLabelVoxels() {
		ImagePlus labels = labelMap();
		ImagePlus ct = TestImages.huFloat(12, 10, 4, ANISOTROPIC, 5);
		List<Roi> rois = LabelTracer.trace(labels, ProgressListener.NONE);
		assertEquals(5, rois.size(), "label 3 on 4 slices and label 9 on 1 slice");

		List<ImagePlus> images = Collections.singletonList(ct);
		MeasurementTable fromVoxels = measureLabels(labels, ct);
		MeasurementTable fromRois = MeasurementTable.of(RegionMeasurer.measureRois(RoiRegions
			.group(rois, VoxelGrid.of(ct)), images, Double.NaN, ProgressListener.NONE), images,
			Double.NaN);
		for (String region : new String[] { "Label 3", "Label 9" }) {
			int a = fromVoxels.rowOf(region);
			int b = fromRois.rowOf(region);
			for (String column : new String[] { "Voxels", "Slices", "Mean (HU)", "SD (HU)",
				"P95 (HU)" })
			{
				assertEquals(fromVoxels.value(a, column), fromRois.value(b, column), region + " " +
					column + " from traced ROIs");
			}
		}
	}

	@Test
	void fractionalLabelIsRejected() {
		ImagePlus labels = new ImagePlus("bad", new FloatProcessor(2, 2, new float[] { 0, 1.5f,
			0, 0 }));
		ImagePlus ct = new ImagePlus("ct", new FloatProcessor(2, 2));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> LabelMeasurer.measure(labels, Collections.singletonList(ct), Double.NaN,
				ProgressListener.NONE));
		assertTrue(e.getMessage().contains("1.5"), e.getMessage());
	}

	@Test
	void labelMapOnOtherGridIsRejected() {
		ImagePlus labels = labelMap();
		ImagePlus ct = TestImages.sliceNumbers(12, 10, 5, ANISOTROPIC);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> measureLabels(labels, ct));
		assertTrue(e.getMessage().startsWith("The label map 'labels'"), e.getMessage());
	}

	/**
	 * Returns a 12 x 10 x 4 label map. Label 3 is a 5 x 5 square at (1, 1) on
	 * every slice. Label 9 is a 4 x 4 square at (7, 4) on slice 2, with a
	 * 2 x 2 hole.
	 */
	static ImagePlus labelMap() {
		ImageStack stack = new ImageStack(12, 10);
		for (int z = 1; z <= 4; z++) {
			ByteProcessor plane = new ByteProcessor(12, 10);
			plane.setValue(3);
			plane.setRoi(1, 1, 5, 5);
			plane.fill();
			if (z == 2) {
				plane.setValue(9);
				plane.setRoi(7, 4, 4, 4);
				plane.fill();
				plane.setValue(0);
				plane.setRoi(8, 5, 2, 2);
				plane.fill();
			}
			plane.resetRoi();
			stack.addSlice(plane);
		}
		ImagePlus labels = new ImagePlus("labels", stack);
		TestImages.calibrate(labels, ANISOTROPIC);
		return labels;
	}

	private static MeasurementTable measureLabels(ImagePlus labels, ImagePlus ct) {
		List<ImagePlus> images = Collections.singletonList(ct);
		return MeasurementTable.of(LabelMeasurer.measure(labels, images, Double.NaN,
			ProgressListener.NONE), images, Double.NaN);
	}
}
