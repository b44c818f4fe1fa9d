package org.ctheatmap.core.hotspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;

/**
 * Finds hotspots: connected regions of a 3-D map whose voxels are at or
 * above a threshold (NaN never is), with a minimum volume in mm³.
 * <p>
 * Regions are grown breadth-first from each unvisited voxel in slice, row,
 * column order. Hotspots are numbered from 1 by decreasing peak value, then
 * decreasing voxel count, then the order in which they were found, so the
 * numbering does not depend on threads or hash order. Regions below the
 * minimum volume are dropped and their voxels get label 0.
 * <p>
 * Memory: 4 bytes per voxel for the labels plus the frontier of the region
 * being grown.
 */
public final class HotspotFinder {

	private static final String STEP = "Finding hotspots";

	private HotspotFinder() {}

	/**
	 * Finds the hotspots of one time point; the map is not modified.
	 *
	 * @param slices {@code slices[k][j * width + i]}, map values in any unit
	 * @param geometry voxel spacing and patient position of the grid
	 * @param threshold lowest value that belongs to a hotspot, in the map's
	 *          unit
	 * @param minVolumeMm3 smallest volume kept, in mm³; 0 keeps every region
	 * @param frame 1-based time point, recorded in each hotspot
	 * @param progress receives one report per slice scanned
	 * @throws IllegalArgumentException if the threshold is NaN or the minimum
	 *           volume is negative or not finite
	 */
	public static HotspotMap find(float[][] slices, int width, int height,
		PatientGeometry geometry, double threshold, Connectivity connectivity,
		double minVolumeMm3, int frame, ProgressListener progress)
	{
		if (Double.isNaN(threshold)) {
			throw new IllegalArgumentException("Hotspot threshold must be a number, got NaN");
		}
		if (!(minVolumeMm3 >= 0) || Double.isInfinite(minVolumeMm3)) {
			throw new IllegalArgumentException("Minimum volume must be 0 mm³ or more, got " +
				minVolumeMm3);
		}
		double[] spacing = geometry.spacing();
		double voxelMm3 = spacing[0] * spacing[1] * spacing[2];
		Grower grower = new Grower(slices, width, height, threshold, connectivity);
		List<Region> regions = new ArrayList<>();
		for (int k = 0; k < slices.length; k++) {
			for (int index = 0; index < width * height; index++) {
				if (grower.isSeed(k, index)) {
					Region region = grower.grow(k, index, regions.size() + 1);
					if (region.count * voxelMm3 >= minVolumeMm3) {
						regions.add(region);
					} else {
						grower.erase(region);
					}
				}
			}
			progress.progress(STEP, k + 1, slices.length);
		}
		regions.sort(Comparator.comparingDouble((Region r) -> -r.peak).thenComparingLong(
			r -> -r.count).thenComparingInt(r -> r.label));
		int[] newId = new int[regions.size() + 2];
		List<Hotspot> hotspots = new ArrayList<>();
		for (int n = 0; n < regions.size(); n++) {
			Region r = regions.get(n);
			newId[r.label] = n + 1;
			hotspots.add(r.toHotspot(n + 1, frame, voxelMm3, geometry));
		}
		int[][] labels = grower.relabel(newId);
		return new HotspotMap(hotspots, labels, width, height);
	}

	/** Size and value sums of one region while it grows. */
	static final class Region {

		final int label;
		long count;
		double sum;
		double peak = Double.NEGATIVE_INFINITY;
		int[] peakVoxel;
		final double[] indexSums = new double[3];
		int firstSlice = Integer.MAX_VALUE;
		int lastSlice = -1;
		int seedSlice;
		int seedIndex;

		Region(int label) {
			this.label = label;
		}

		void add(int i, int j, int k, float value) {
			count++;
			sum += value;
			if (value > peak) {
				peak = value;
				peakVoxel = new int[] { i, j, k };
			}
			indexSums[0] += i;
			indexSums[1] += j;
			indexSums[2] += k;
			firstSlice = Math.min(firstSlice, k);
			lastSlice = Math.max(lastSlice, k);
		}

		Hotspot toHotspot(int id, int frame, double voxelMm3, PatientGeometry geometry) {
			double[] centroid = { indexSums[0] / count, indexSums[1] / count, indexSums[2] /
				count };
			return new Hotspot(id, frame, count, count * voxelMm3, peak, peakVoxel, geometry
				.voxelToPatient(peakVoxel[0], peakVoxel[1], peakVoxel[2]), sum / count, centroid,
				geometry.voxelToPatient(centroid[0], centroid[1], centroid[2]), firstSlice + 1,
				lastSlice + 1);
		}
	}
}
