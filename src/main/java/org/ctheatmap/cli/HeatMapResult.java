package org.ctheatmap.cli;

import java.nio.file.Path;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuStatistics;

/**
 * Outcome of a {@link HeatMapJob}: the volume read, its statistics and the
 * files written. Instances are immutable.
 */
public final class HeatMapResult {

	private final CtVolume volume;
	private final HuStatistics wholeVolume;
	private final HuStatistics body;
	private final int[] montageSlices;
	private final Path tiff;
	private final Path png;
	private final Path sidecar;

	HeatMapResult(CtVolume volume, HuStatistics wholeVolume, HuStatistics body,
		int[] montageSlices, Path tiff, Path png, Path sidecar)
	{
		this.volume = volume;
		this.wholeVolume = wholeVolume;
		this.body = body;
		this.montageSlices = montageSlices.clone();
		this.tiff = tiff;
		this.png = png;
		this.sidecar = sidecar;
	}

	/** Returns the CT as read, in HU, before smoothing. */
	public CtVolume volume() {
		return volume;
	}

	/** Returns the statistics of every voxel of the unsmoothed HU. */
	public HuStatistics wholeVolume() {
		return wholeVolume;
	}

	/** Returns the statistics inside the body mask of the unsmoothed HU. */
	public HuStatistics body() {
		return body;
	}

	/** Returns the 1-based slices shown in the montage, in tile order. */
	public int[] montageSlices() {
		return montageSlices.clone();
	}

	public Path tiff() {
		return tiff;
	}

	public Path png() {
		return png;
	}

	public Path sidecar() {
		return sidecar;
	}
}
