package org.ctheatmap.core;

import ij.ImagePlus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Minimum, maximum, mean and population standard deviation of HU values.
 * NaN voxels are left out of every figure and of the count. The standard
 * deviation divides by N, not N - 1, because it describes the voxels measured
 * rather than estimating the spread of a larger population. It is computed in
 * two passes in double precision. Instances are immutable.
 */
public final class HuStatistics {

	private final long count;
	private final double min;
	private final double max;
	private final double mean;
	private final double standardDeviation;

	private HuStatistics(long count, double min, double max, double mean,
		double standardDeviation)
	{
		this.count = count;
		this.min = min;
		this.max = max;
		this.mean = mean;
		this.standardDeviation = standardDeviation;
	}

	/**
	 * Measures every voxel of every time point of a volume; the volume is not
	 * modified.
	 */
	public static HuStatistics of(CtVolume volume) {
		return of(planes(volume), null);
	}

	/**
	 * Measures the voxels inside the {@link BodyMask} of each time point; the
	 * volume is not modified.
	 */
	public static HuStatistics ofBody(CtVolume volume, ProgressListener progress) {
		float[][] planes = planes(volume);
		boolean[][] mask = new boolean[planes.length][];
		for (int frame = 1; frame <= volume.frames(); frame++) {
			boolean[][] frameMask = BodyMask.compute(volume, frame, progress);
			System.arraycopy(frameMask, 0, mask, (frame - 1) * volume.depth(), volume.depth());
		}
		return of(planes, mask);
	}

	/**
	 * Measures HU planes, optionally inside a mask.
	 *
	 * @param planes {@code planes[n][j * width + i]} in HU; not modified
	 * @param mask same shape as {@code planes}, or null for every voxel
	 * @return statistics; with no voxel measured the count is 0 and the other
	 *         figures are NaN
	 */
	public static HuStatistics of(float[][] planes, boolean[][] mask) {
		long count = 0;
		double sum = 0;
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int n = 0; n < planes.length; n++) {
			float[] plane = planes[n];
			for (int index = 0; index < plane.length; index++) {
				float value = plane[index];
				if (Float.isNaN(value) || mask != null && !mask[n][index]) continue;
				count++;
				sum += value;
				if (value < min) min = value;
				if (value > max) max = value;
			}
		}
		if (count == 0) {
			return new HuStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		}
		double mean = sum / count;
		double squares = 0;
		for (int n = 0; n < planes.length; n++) {
			float[] plane = planes[n];
			for (int index = 0; index < plane.length; index++) {
				float value = plane[index];
				if (Float.isNaN(value) || mask != null && !mask[n][index]) continue;
				squares += (value - mean) * (value - mean);
			}
		}
		return new HuStatistics(count, min, max, mean, Math.sqrt(squares / count));
	}

	/** Returns the number of voxels measured (NaN voxels excluded). */
	public long count() {
		return count;
	}

	/** Returns the minimum in HU. */
	public double min() {
		return min;
	}

	/** Returns the maximum in HU. */
	public double max() {
		return max;
	}

	/** Returns the mean in HU. */
	public double mean() {
		return mean;
	}

	/** Returns the population standard deviation (divisor N) in HU. */
	public double standardDeviation() {
		return standardDeviation;
	}

	/**
	 * Returns the figures for a sidecar: voxelCount, minHu, maxHu, meanHu and
	 * sdHu (population), in that order.
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("voxelCount", count);
		map.put("minHu", min);
		map.put("maxHu", max);
		map.put("meanHu", mean);
		map.put("sdHu", standardDeviation);
		return map;
	}

	@Override
	public String toString() {
		return String.format("n=%d min=%.1f max=%.1f mean=%.3f sd=%.3f HU", count, min, max, mean,
			standardDeviation);
	}

	/** Returns the pixel arrays of every plane of the stack, in stack order. */
	private static float[][] planes(CtVolume volume) {
		ImagePlus image = volume.image();
		float[][] planes = new float[image.getStackSize()][];
		for (int n = 0; n < planes.length; n++) {
			planes[n] = (float[]) image.getStack().getPixels(n + 1);
		}
		return planes;
	}
}
