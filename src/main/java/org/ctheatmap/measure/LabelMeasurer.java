package org.ctheatmap.measure;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.ctheatmap.core.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the regions of a label map directly from its voxels: every voxel
 * whose label is {@code L > 0} belongs to region {@code L}, named
 * {@link #labelName(int)}. Neither the label map nor the images are modified.
 * <p>
 * Labels are the stored pixel values (no calibration is applied) and must be
 * whole numbers from 0 to {@link #MAX_LABEL}; 0 is background.
 */
public final class LabelMeasurer {

	/** Largest label accepted; the label table is an array indexed by label. */
	public static final int MAX_LABEL = 1 << 24;

	/** Progress step name; one unit per slice and frame. */
	public static final String STEP = "Measuring labels";

	private LabelMeasurer() {}

	/** Returns the region name of a label, e.g. "Label 5". */
	public static String labelName(int label) {
		return "Label " + label;
	}

	/**
	 * Measures every label present in the label map in every image.
	 * <p>
	 * The first image sets the grid (see
	 * {@link RegionMeasurer#measureRois}). The label map must lie on it; a
	 * label map with one frame applies to every frame. Each label gives one
	 * measurement per frame in which it has voxels.
	 *
	 * @param labels label map; 8-, 16- or 32-bit
	 * @param images images to measure, at least one
	 * @param threshold value for the fraction above threshold of the first
	 *          image, in its value unit; NaN for none
	 * @param progress receives one report per slice and frame
	 * @return measurements ordered by frame, then label
	 * @throws IllegalArgumentException if the grids differ or a label is not
	 *           a whole number from 0 to {@link #MAX_LABEL}
	 */
	public static List<RegionMeasurement> measure(ImagePlus labels, List<ImagePlus> images,
		double threshold, ProgressListener progress)
	{
		VoxelGrid grid = RegionMeasurer.commonGrid(images);
		grid.requireSameGrid(labels, "The label map");
		ImageValues labelValues = new ImageValues(labels);
		List<ImageValues> values = RegionMeasurer.valuesOf(images);
		int total = grid.frames() * grid.slices();
		List<RegionMeasurement> measurements = new ArrayList<>();
		for (int frame = 1; frame <= grid.frames(); frame++) {
			RegionSample[][] samples = { new RegionSample[256] };
			for (int z = 1; z <= grid.slices(); z++) {
				progress.progress(STEP, (frame - 1) * grid.slices() + z - 1, total);
				ImageProcessor labelPlane = labelValues.plane(z, frame);
				ImageProcessor[] planes = new ImageProcessor[values.size()];
				for (int i = 0; i < planes.length; i++) {
					planes[i] = values.get(i).plane(z, frame);
				}
				for (int index = 0; index < grid.width() * grid.height(); index++) {
					int label = label(labels, labelPlane.getf(index));
					if (label == 0) continue;
					RegionSample sample = sampleOf(samples, label, frame, planes.length);
					sample.addVoxel(z);
					for (int i = 0; i < planes.length; i++) {
						sample.addValue(i, values.get(i).value(planes[i], index));
					}
				}
			}
			for (RegionSample sample : samples[0]) {
				if (sample != null) measurements.add(sample.toMeasurement(threshold));
			}
		}
		progress.progress(STEP, total, total);
		return measurements;
	}

	/**
	 * Returns the sample of a label, creating it as needed. {@code samples[0]}
	 * is indexed by label and replaced by a larger copy when too short.
	 */
	private static RegionSample sampleOf(RegionSample[][] samples, int label, int frame,
		int images)
	{
		if (label >= samples[0].length) {
			samples[0] = Arrays.copyOf(samples[0], Math.max(label + 1, 2 * samples[0].length));
		}
		RegionSample sample = samples[0][label];
		if (sample == null) {
			sample = new RegionSample(labelName(label), frame, images);
			samples[0][label] = sample;
		}
		return sample;
	}

	/** Returns a label value as int after checking that it is a valid label. */
	static int label(ImagePlus labels, float value) {
		if (value >= 0 && value <= MAX_LABEL && value == Math.rint(value)) return (int) value;
		throw new IllegalArgumentException("The label map '" + labels.getTitle() +
			"' holds the value " + value + "; labels must be whole numbers from 0 to " +
			MAX_LABEL);
	}
}
