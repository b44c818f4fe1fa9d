package org.ctheatmap.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The measurement of one region in one frame: its size and the statistics of
 * every measured image inside it. Instances are immutable.
 */
public final class RegionMeasurement {

	private final String name;
	private final int frame;
	private final long voxels;
	private final int slices;
	private final List<ValueStatistics> statistics;

	/**
	 * @param frame 1-based frame
	 * @param voxels number of voxels in the region, NaN-valued ones included
	 * @param slices number of slices that hold at least one voxel
	 * @param statistics per image, in the order the images were given
	 */
	public RegionMeasurement(String name, int frame, long voxels, int slices,
		List<ValueStatistics> statistics)
	{
		this.name = name;
		this.frame = frame;
		this.voxels = voxels;
		this.slices = slices;
		this.statistics = Collections.unmodifiableList(new ArrayList<>(statistics));
	}

	public String name() {
		return name;
	}

	/** Returns the 1-based frame. */
	public int frame() {
		return frame;
	}

	/** Returns the number of voxels, including those whose value is NaN. */
	public long voxels() {
		return voxels;
	}

	/** Returns the number of slices that hold at least one voxel of the region. */
	public int slices() {
		return slices;
	}

	/** Returns the statistics of the image at a 0-based index in the measured list. */
	public ValueStatistics statistics(int image) {
		return statistics.get(image);
	}

	/** Returns the statistics per image; unmodifiable. */
	public List<ValueStatistics> statistics() {
		return statistics;
	}
}
