package org.ctheatmap.measure;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.ctheatmap.core.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Traces the labels of a label map into ImageJ ROIs: one ROI per label and
 * slice (and frame), named {@link LabelMeasurer#labelName(int)}, so that
 * {@link RoiRegions} groups the ROIs of one label into one 3-D region.
 * <p>
 * Each ROI is traced along pixel edges by ImageJ's
 * {@link ThresholdToSelection}, so its mask contains exactly the pixels of
 * the label on that slice, holes and separate parts included. Labels follow
 * the rules of {@link LabelMeasurer}. A label map with one frame gives ROIs
 * with a stack position, which is the 1-based slice. A label map with several
 * frames gives ROIs with a hyperstack position (channel 0, slice, frame).
 */
public final class LabelTracer {

	/** Progress step name; one unit per slice and frame. */
	public static final String STEP = "Tracing labels";

	private LabelTracer() {}

	/**
	 * Traces every label on every slice; the label map is not modified.
	 *
	 * @return ROIs ordered by frame, slice, then label
	 * @throws IllegalArgumentException if a label is not a whole number from 0
	 *           to {@link LabelMeasurer#MAX_LABEL}
	 */
	public static List<Roi> trace(ImagePlus labels, ProgressListener progress) {
		VoxelGrid grid = VoxelGrid.of(labels);
		ImageValues planes = new ImageValues(labels);
		int total = grid.slices() * grid.frames();
		List<Roi> rois = new ArrayList<>();
		for (int frame = 1; frame <= grid.frames(); frame++) {
			for (int z = 1; z <= grid.slices(); z++) {
				progress.progress(STEP, (frame - 1) * grid.slices() + z - 1, total);
				ImageProcessor plane = planes.plane(z, frame);
				for (int[] box : boundingBoxes(labels, plane)) {
					Roi roi = traceLabel(plane, box);
					roi.setName(LabelMeasurer.labelName(box[4]));
					if (grid.frames() == 1) {
						roi.setPosition(z);
					} else {
						roi.setPosition(0, z, frame);
					}
					rois.add(roi);
				}
			}
		}
		progress.progress(STEP, total, total);
		return rois;
	}

	/**
	 * Returns {xMin, yMin, xMax, yMax, label} of every label on a plane,
	 * ordered by label; background 0 is left out.
	 */
	private static List<int[]> boundingBoxes(ImagePlus labels, ImageProcessor plane) {
		int[][] byLabel = new int[256][];
		int width = plane.getWidth();
		for (int y = 0; y < plane.getHeight(); y++) {
			for (int x = 0; x < width; x++) {
				int label = LabelMeasurer.label(labels, plane.getf(y * width + x));
				if (label == 0) continue;
				if (label >= byLabel.length) {
					byLabel = Arrays.copyOf(byLabel, Math.max(label + 1, 2 * byLabel.length));
				}
				int[] box = byLabel[label];
				if (box == null) {
					byLabel[label] = new int[] { x, y, x, y, label };
				} else {
					box[0] = Math.min(box[0], x);
					box[2] = Math.max(box[2], x);
					box[3] = y;
				}
			}
		}
		List<int[]> boxes = new ArrayList<>();
		for (int[] box : byLabel) {
			if (box != null) boxes.add(box);
		}
		return boxes;
	}

	/** Traces one label inside its bounding box and moves the ROI to image coordinates. */
	private static Roi traceLabel(ImageProcessor plane, int[] box) {
		int width = box[2] - box[0] + 1;
		int height = box[3] - box[1] + 1;
		ByteProcessor mask = new ByteProcessor(width, height);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if (plane.getf(box[0] + x, box[1] + y) == box[4]) mask.set(x, y, 255);
			}
		}
		mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		Roi roi = new ThresholdToSelection().convert(mask);
		roi.setLocation(roi.getXBase() + box[0], roi.getYBase() + box[1]);
		return roi;
	}
}
