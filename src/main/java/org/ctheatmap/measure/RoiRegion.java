package org.ctheatmap.measure;

import ij.gui.Roi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * A named region made of one or more ImageJ ROIs, each on its own slice and
 * frame; see {@link RoiRegions} for how ROIs are grouped.
 */
public final class RoiRegion {

	private final String name;
	private final List<Roi> rois = new ArrayList<>();
	private final List<RoiPosition> positions = new ArrayList<>();

	RoiRegion(String name) {
		this.name = name;
	}

	void add(Roi roi, RoiPosition position) {
		rois.add(roi);
		positions.add(position);
	}

	public String name() {
		return name;
	}

	/** Returns the ROIs of the region in the order given; unmodifiable. */
	public List<Roi> rois() {
		return Collections.unmodifiableList(rois);
	}

	/** Returns the position of each ROI, parallel to {@link #rois()}; unmodifiable. */
	public List<RoiPosition> positions() {
		return Collections.unmodifiableList(positions);
	}

	/** Returns whether any ROI of the region lies on a 1-based frame. */
	public boolean coversFrame(int frame) {
		for (RoiPosition position : positions) {
			if (position.coversFrame(frame)) return true;
		}
		return false;
	}

	/**
	 * Returns the region's pixels on every slice of a 1-based frame: element
	 * {@code z - 1} contains the pixel indices {@code y * width + x} of slice
	 * {@code z}, the union of the ROIs on that slice (overlaps count once),
	 * or null when no ROI covers the slice.
	 */
	public BitSet[] sliceMasks(int frame, VoxelGrid grid) {
		BitSet[] masks = new BitSet[grid.slices()];
		for (int r = 0; r < rois.size(); r++) {
			RoiPosition position = positions.get(r);
			if (!position.coversFrame(frame)) continue;
			BitSet pixels = RoiMasks.pixels(rois.get(r), grid.width(), grid.height());
			for (int z = 1; z <= grid.slices(); z++) {
				if (!position.coversSlice(z)) continue;
				if (masks[z - 1] == null) masks[z - 1] = new BitSet();
				masks[z - 1].or(pixels);
			}
		}
		return masks;
	}
}
