package org.ctheatmap.measure;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.ctheatmap.core.ProgressListener;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Measures ROI regions in one or more images on one voxel grid. Neither the
 * regions nor the images are modified. Not thread-safe: give each thread its
 * own calls.
 * <p>
 * Limitations: the percentiles need every value of a region, so measuring
 * keeps 4 bytes per region voxel and image in memory until the region is
 * done. {@link LabelMeasurer} keeps them for all labels of a frame at once.
 */
public final class RegionMeasurer {

	/** Progress step name reported while measuring ROI regions. */
	public static final String STEP = "Measuring regions";

	private RegionMeasurer() {}

	/**
	 * Measures every region in every image.
	 * <p>
	 * The first image sets the grid. The others must have the same width,
	 * height, slices and voxel size, and either one frame or as many frames
	 * as the first. Each region gives one measurement per frame in which at
	 * least one of its ROIs lies, even when the ROIs contain no pixel of the
	 * image. A ROI on frame 0 lies in every frame (see {@link RoiPosition}).
	 * Voxels are counted once where ROIs of one region overlap.
	 *
	 * @param images images to measure, at least one; values are read through
	 *          their calibration as ImageJ's Measure reads them
	 * @param threshold value for the fraction above threshold of the first
	 *          image, in its value unit; NaN for none
	 * @param progress receives one report per region
	 * @return measurements ordered by region, then frame
	 * @throws IllegalArgumentException if the images do not share a grid or a
	 *           ROI lies outside the grid's slices or frames
	 */
	public static List<RegionMeasurement> measureRois(List<RoiRegion> regions,
		List<ImagePlus> images, double threshold, ProgressListener progress)
	{
		VoxelGrid grid = commonGrid(images);
		List<ImageValues> values = valuesOf(images);
		List<RegionMeasurement> measurements = new ArrayList<>();
		for (int r = 0; r < regions.size(); r++) {
			RoiRegion region = regions.get(r);
			progress.progress(STEP, r, regions.size());
			for (int frame = 1; frame <= grid.frames(); frame++) {
				if (!region.coversFrame(frame)) continue;
				BitSet[] masks = region.sliceMasks(frame, grid);
				RegionSample sample = new RegionSample(region.name(), frame, values.size());
				for (int z = 1; z <= grid.slices(); z++) {
					if (masks[z - 1] != null) collect(sample, masks[z - 1], z, frame, values);
				}
				measurements.add(sample.toMeasurement(threshold));
			}
		}
		progress.progress(STEP, regions.size(), regions.size());
		return measurements;
	}

	private static void collect(RegionSample sample, BitSet mask, int slice, int frame,
		List<ImageValues> values)
	{
		ImageProcessor[] planes = new ImageProcessor[values.size()];
		for (int i = 0; i < planes.length; i++) {
			planes[i] = values.get(i).plane(slice, frame);
		}
		for (int index = mask.nextSetBit(0); index >= 0; index = mask.nextSetBit(index + 1)) {
			sample.addVoxel(slice);
			for (int i = 0; i < planes.length; i++) {
				sample.addValue(i, values.get(i).value(planes[i], index));
			}
		}
	}

	/**
	 * Returns the grid of the first image after checking that the others
	 * share it.
	 *
	 * @throws IllegalArgumentException if the list is empty or the grids differ
	 */
	static VoxelGrid commonGrid(List<ImagePlus> images) {
		if (images.isEmpty()) {
			throw new IllegalArgumentException("No image given to measure; pass at least one");
		}
		VoxelGrid grid = VoxelGrid.of(images.get(0));
		for (int i = 1; i < images.size(); i++) {
			grid.requireSameGrid(images.get(i), "Image");
		}
		return grid;
	}

	static List<ImageValues> valuesOf(List<ImagePlus> images) {
		List<ImageValues> values = new ArrayList<>();
		for (ImagePlus image : images) {
			values.add(new ImageValues(image));
		}
		return values;
	}
}
