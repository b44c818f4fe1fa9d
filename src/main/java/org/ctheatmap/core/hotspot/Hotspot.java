package org.ctheatmap.core.hotspot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connected region of a map at or above a threshold, with its size and
 * value statistics. Voxel positions are 0-based (column, row, slice); patient
 * positions are DICOM LPS in mm, where a voxel index is the centre of that
 * voxel. Instances are immutable.
 */
public final class Hotspot {

	private final int id;
	private final int frame;
	private final long voxelCount;
	private final double volumeMm3;
	private final double peak;
	private final int[] peakVoxel;
	private final double[] peakMm;
	private final double mean;
	private final double[] centroidVoxel;
	private final double[] centroidMm;
	private final int firstSlice;
	private final int lastSlice;

	Hotspot(int id, int frame, long voxelCount, double volumeMm3, double peak, int[] peakVoxel,
		double[] peakMm, double mean, double[] centroidVoxel, double[] centroidMm,
		int firstSlice, int lastSlice)
	{
		this.id = id;
		this.frame = frame;
		this.voxelCount = voxelCount;
		this.volumeMm3 = volumeMm3;
		this.peak = peak;
		this.peakVoxel = peakVoxel.clone();
		this.peakMm = peakMm.clone();
		this.mean = mean;
		this.centroidVoxel = centroidVoxel.clone();
		this.centroidMm = centroidMm.clone();
		this.firstSlice = firstSlice;
		this.lastSlice = lastSlice;
	}

	/** Returns the 1-based number; hotspot 1 has the highest peak. */
	public int id() {
		return id;
	}

	/** Returns the 1-based time point. */
	public int frame() {
		return frame;
	}

	public long voxelCount() {
		return voxelCount;
	}

	/** Returns the voxel count times the voxel volume, in mm³. */
	public double volumeMm3() {
		return volumeMm3;
	}

	/** Returns the highest map value, in the map's unit. */
	public double peak() {
		return peak;
	}

	/**
	 * Returns the 0-based voxel (i, j, k) of the peak; on ties, the first in
	 * slice, row, column order.
	 */
	public int[] peakVoxel() {
		return peakVoxel.clone();
	}

	/** Returns the patient position of the peak voxel's centre in mm. */
	public double[] peakMm() {
		return peakMm.clone();
	}

	/** Returns the mean map value, in the map's unit. */
	public double mean() {
		return mean;
	}

	/** Returns the mean 0-based voxel index (i, j, k) of the region's voxels. */
	public double[] centroidVoxel() {
		return centroidVoxel.clone();
	}

	/** Returns the patient position of the centroid in mm. */
	public double[] centroidMm() {
		return centroidMm.clone();
	}

	/** Returns the first 1-based slice the region touches. */
	public int firstSlice() {
		return firstSlice;
	}

	/** Returns the last 1-based slice the region touches. */
	public int lastSlice() {
		return lastSlice;
	}

	/** Returns the name used for ROIs and table rows, "Hotspot N". */
	public String name() {
		return "Hotspot " + id;
	}

	/** Returns the facts as a map with units in the keys, for sidecars. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", name());
		map.put("frame", frame);
		map.put("voxelCount", voxelCount);
		map.put("volumeMm3", volumeMm3);
		map.put("peak", peak);
		map.put("peakVoxel", peakVoxel.clone());
		map.put("peakMm", peakMm.clone());
		map.put("mean", mean);
		map.put("centroidVoxel", centroidVoxel.clone());
		map.put("centroidMm", centroidMm.clone());
		map.put("slices", new int[] { firstSlice, lastSlice });
		return map;
	}

	@Override
	public String toString() {
		return name() + " (" + voxelCount + " voxels, " + volumeMm3 + " mm³, peak " + peak + ")";
	}
}
