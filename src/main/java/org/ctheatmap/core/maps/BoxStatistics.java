package org.ctheatmap.core.maps;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.ctheatmap.core.ProgressListener;

/**
 * Mean and standard deviation over a cuboid box around every voxel of one
 * 3-D volume, computed with running sums so the cost does not depend on the
 * box size.
 * <p>
 * The box around voxel (x, y, z) covers x - rx..x + rx, y - ry..y + ry and
 * z - rz..z + rz (0-based voxel indices). It is clipped to the volume, so it
 * shrinks at the borders and nothing is padded. A voxel takes part when its
 * value is finite and, if a mask is given, the mask contains it. The mean is
 * the mean of the voxels that take part; the standard deviation is the
 * sample SD (divisor n - 1, 0 for n = 1), the rule of ImageJ 1.54's
 * {@code Filters3D} variance. A voxel outside the mask gets NaN, and so does
 * one whose box has no voxel that takes part.
 * <p>
 * Sums of values and squared values are kept in double precision as running
 * sums along z, then x, then y (see {@link BoxSweep}). Bands of
 * {@value #BAND_ROWS} rows run in parallel on the common fork-join pool, each
 * summing the ry rows it shares with each neighbour once more. Memory per
 * band: about 24 bytes per pixel of the band and its shared rows, besides
 * the output.
 */
public final class BoxStatistics {

	private static final String STEP = "Box statistics";

	/**
	 * Rows per band. With 512 columns and 2 rows above and below, a band's sums
	 * take about 0.5 MB, which fits a typical L2 cache. More rows would repeat
	 * fewer shared rows, but their sums would spill to slower memory.
	 */
	private static final int BAND_ROWS = 32;

	private BoxStatistics() {}

	/**
	 * Computes the box mean, and optionally the box SD, of every voxel; the
	 * input is not modified.
	 *
	 * @param slices {@code slices[z][y * width + x]}, values in any unit (HU)
	 * @param width columns
	 * @param height rows
	 * @param halfWidths rx, ry, rz in voxels, each 0 or more
	 * @param mask {@code mask[z][y * width + x]}, or null for every voxel
	 * @param withSd whether to compute the SD as well
	 * @param progress receives one report per finished band of rows
	 * @return {means, sds}: new planes in the input unit; sds is null
	 *         unless {@code withSd}
	 * @throws IllegalArgumentException if a half-width is negative or the
	 *           mask does not have the volume's shape
	 */
	public static float[][][] compute(float[][] slices, int width, int height,
		int[] halfWidths, boolean[][] mask, boolean withSd, ProgressListener progress)
	{
		check(slices, width, height, halfWidths, mask);
		int depth = slices.length;
		float[][] means = new float[depth][];
		float[][] sds = withSd ? new float[depth][] : null;
		for (int z = 0; z < depth; z++) {
			means[z] = new float[width * height];
			if (withSd) sds[z] = new float[width * height];
		}
		boolean allFinite = mask == null && allFinite(slices);
		int bands = (height + BAND_ROWS - 1) / BAND_ROWS;
		Runnable tick = Chunks.counter(progress, STEP, bands);
		IntStream.range(0, bands).parallel().forEach(band -> {
			int first = band * BAND_ROWS;
			new BoxSweep(slices, width, height, halfWidths, mask, withSd, allFinite, first, Math
				.min(height, first + BAND_ROWS)).run(means, sds);
			tick.run();
		});
		return new float[][][] { means, sds };
	}

	private static void check(float[][] slices, int width, int height, int[] half,
		boolean[][] mask)
	{
		if (half.length != 3 || half[0] < 0 || half[1] < 0 || half[2] < 0) {
			throw new IllegalArgumentException("Half-widths must be 3 values of 0 or more, got " +
				Arrays.toString(half));
		}
		for (float[] slice : slices) {
			if (slice.length != width * height) {
				throw new IllegalArgumentException("Slice of " + slice.length +
					" values does not match " + width + " x " + height);
			}
		}
		if (mask == null) return;
		if (mask.length != slices.length) {
			throw new IllegalArgumentException("Mask of " + mask.length +
				" planes does not match " + slices.length + " slices");
		}
		for (boolean[] plane : mask) {
			if (plane.length != width * height) {
				throw new IllegalArgumentException("Mask plane of " + plane.length +
					" values does not match " + width + " x " + height);
			}
		}
	}

	/** Returns whether every value is finite. */
	private static boolean allFinite(float[][] slices) {
		for (float[] slice : slices) {
			for (float v : slice) {
				if (!Float.isFinite(v)) return false;
			}
		}
		return true;
	}
}
