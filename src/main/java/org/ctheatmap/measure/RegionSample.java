package org.ctheatmap.measure;

import java.util.ArrayList;
import java.util.List;

/** Collects the voxels of one region in one frame and their values in every image. */
final class RegionSample {

	private final String name;
	private final int frame;
	private final FloatSamples[] values;
	private long voxels;
	private int slices;
	private int lastSlice = -1;

	/**
	 * @param frame 1-based frame
	 * @param images number of images measured
	 */
	RegionSample(String name, int frame, int images) {
		this.name = name;
		this.frame = frame;
		this.values = new FloatSamples[images];
		for (int i = 0; i < images; i++) {
			values[i] = new FloatSamples();
		}
	}

	/**
	 * Adds one voxel on a 1-based slice; voxels must arrive slice by slice in
	 * ascending order for the slice count to be right.
	 */
	void addVoxel(int slice) {
		voxels++;
		if (slice != lastSlice) {
			slices++;
			lastSlice = slice;
		}
	}

	void addValue(int image, float value) {
		values[image].add(value);
	}

	RegionMeasurement toMeasurement(double threshold) {
		List<ValueStatistics> statistics = new ArrayList<>(values.length);
		for (int i = 0; i < values.length; i++) {
			// Only the first image's values are compared with the threshold.
			double limit = i == 0 ? threshold : Double.NaN;
			statistics.add(ValueStatistics.of(values[i].values(), values[i].size(), limit));
		}
		return new RegionMeasurement(name, frame, voxels, slices, statistics);
	}
}
