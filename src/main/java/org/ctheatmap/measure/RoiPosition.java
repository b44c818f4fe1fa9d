package org.ctheatmap.measure;

import ij.gui.Roi;

/**
 * The slice and frame an ImageJ ROI belongs to, following ImageJ's
 * conventions: both are 1-based, and 0 means "every slice" or "every frame".
 * <p>
 * A ROI carries either a hyperstack position, set by
 * {@link Roi#setPosition(int, int, int)} (channel, slice, frame), or a plain
 * stack position set by {@link Roi#setPosition(int)}: the 1-based index of
 * the image in the stack, 0 for none. A hyperstack position is used as it
 * is, and the channel is ignored because measured images have one channel. A
 * stack index {@code n} on a grid of {@code S} slices is converted as ImageJ's
 * {@code ImagePlus.convertIndexToPosition} does for one channel:
 * {@code slice = (n - 1) % S + 1}, {@code frame = (n - 1) / S + 1}. A stack
 * position of 0 means every slice of every frame, which is what ImageJ's
 * overlay and the ROI Manager's "Show All" do with such a ROI.
 * <p>
 * Instances are immutable.
 */
public final class RoiPosition {

	/** Slice or frame value meaning "all". */
	public static final int ALL = 0;

	private final int slice;
	private final int frame;

	private RoiPosition(int slice, int frame) {
		this.slice = slice;
		this.frame = frame;
	}

	/**
	 * Returns the position of a ROI on a grid.
	 *
	 * @throws IllegalArgumentException if the ROI lies on a slice or frame
	 *           beyond the grid
	 */
	public static RoiPosition of(Roi roi, VoxelGrid grid) {
		int slice;
		int frame;
		if (roi.hasHyperStackPosition()) {
			slice = roi.getZPosition();
			frame = roi.getTPosition();
		} else {
			int index = roi.getPosition();
			if (index <= 0) {
				slice = ALL;
				frame = ALL;
			} else {
				slice = (index - 1) % grid.slices() + 1;
				frame = (index - 1) / grid.slices() + 1;
			}
		}
		if (slice > grid.slices() || frame > grid.frames()) {
			throw new IllegalArgumentException("ROI '" + roi.getName() + "' is on slice " +
				slice + ", frame " + frame + " but the image has " + grid.slices() + " slices and " +
				grid.frames() + " frames");
		}
		return new RoiPosition(slice, frame);
	}

	/** Returns the 1-based slice, or {@link #ALL}. */
	public int slice() {
		return slice;
	}

	/** Returns the 1-based frame, or {@link #ALL}. */
	public int frame() {
		return frame;
	}

	/** Returns whether the ROI covers the given 1-based slice. */
	public boolean coversSlice(int oneBasedSlice) {
		return slice == ALL || slice == oneBasedSlice;
	}

	/** Returns whether the ROI covers the given 1-based frame. */
	public boolean coversFrame(int oneBasedFrame) {
		return frame == ALL || frame == oneBasedFrame;
	}

	@Override
	public String toString() {
		return "slice " + (slice == ALL ? "all" : slice) + ", frame " + (frame == ALL ? "all"
			: frame);
	}
}
