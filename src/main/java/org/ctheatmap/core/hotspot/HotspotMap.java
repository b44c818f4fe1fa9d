package org.ctheatmap.core.hotspot;

import java.util.Collections;
import java.util.List;

/**
 * The hotspots of one time point and a label per voxel: the hotspot's
 * number, or 0 for voxels in none. Labels are indexed
 * {@code labels[k][j * width + i]} with 0-based column i, row j and slice k.
 */
public final class HotspotMap {

	private final List<Hotspot> hotspots;
	private final int[][] labels;
	private final int width;
	private final int height;

	HotspotMap(List<Hotspot> hotspots, int[][] labels, int width, int height) {
		this.hotspots = Collections.unmodifiableList(hotspots);
		this.labels = labels;
		this.width = width;
		this.height = height;
	}

	/** Returns the hotspots in number order; unmodifiable. */
	public List<Hotspot> hotspots() {
		return hotspots;
	}

	/** Returns the live label planes; callers must not modify them. */
	public int[][] labels() {
		return labels;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Returns the number of slices. */
	public int depth() {
		return labels.length;
	}
}
