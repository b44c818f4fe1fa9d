package org.ctheatmap.core;

import ij.ImageStack;
import ij.process.FloatProcessor;

import java.util.Arrays;

/**
 * Local mean over a cuboid box whose half-widths come from a radius in mm,
 * computed with separable running sums.
 * <p>
 * The box around voxel (x, y, z) covers x - rx..x + rx, y - ry..y + ry and
 * z - rz..z + rz, all 0-based voxel indices, with the half-widths from
 * {@link #halfWidths(double, double[])}. Only voxels inside the volume count,
 * so the box shrinks at the borders and nothing is padded. NaN and infinite
 * voxels are ignored: the result is the mean of the finite voxels in the box,
 * or NaN when the box contains none. Time points of a 4-D stack are smoothed
 * separately, never mixed.
 * <p>
 * Cost: two passes over the volume, independent of the radius. Memory: the
 * result plus one float volume of partial means, and a second one of counts
 * when the input contains non-finite values; about 8 or 12 bytes per voxel.
 */
public final class LocalMean {

	private static final String STEP = "Local mean";

	private LocalMean() {}

	/**
	 * Returns the half-widths in voxels along x, y and z:
	 * {@code round(radiusMm / spacingMm[axis])}, rounding halves up.
	 *
	 * @param radiusMm box radius in mm, 0 or more; 0 gives {0, 0, 0}
	 * @param spacingMm voxel size along x, y, z in mm, all positive
	 * @throws IllegalArgumentException if the radius is negative or not finite,
	 *           or a spacing is not positive
	 */
	public static int[] halfWidths(double radiusMm, double[] spacingMm) {
		if (!(radiusMm >= 0) || Double.isInfinite(radiusMm)) {
			throw new IllegalArgumentException("Smoothing radius must be 0 mm or more, got " +
				radiusMm + " mm");
		}
		if (spacingMm.length != 3) {
			throw new IllegalArgumentException("Voxel spacing needs 3 values, got " + Arrays
				.toString(spacingMm));
		}
		int[] half = new int[3];
		for (int axis = 0; axis < 3; axis++) {
			if (!(spacingMm[axis] > 0)) {
				throw new IllegalArgumentException("Voxel spacing must be positive, got " + Arrays
					.toString(spacingMm) + " mm");
			}
			half[axis] = (int) Math.round(radiusMm / spacingMm[axis]);
		}
		return half;
	}

	/**
	 * Smooths a CT volume, or any map of the same size, with a box of the
	 * given radius; the input is not modified.
	 *
	 * @param stack 32-bit stack of {@code volume}'s size: width x height x
	 *          (depth x frames) in ImageJ's slice-then-frame order
	 * @param volume source of the voxel spacing (mm) and the depth
	 * @param radiusMm box radius in mm; 0 returns a copy
	 * @param progress receives one report per slice and pass
	 * @return a new 32-bit stack with the same layout and slice labels
	 */
	public static ImageStack smooth(ImageStack stack, CtVolume volume, double radiusMm,
		ProgressListener progress)
	{
		int[] half = halfWidths(radiusMm, volume.geometry().spacing());
		return smooth(stack, volume.depth(), half, progress);
	}

	/**
	 * Smooths each time point of a 32-bit stack with a box of the given
	 * half-widths in voxels; the input is not modified.
	 *
	 * @param stack 32-bit stack whose size is a multiple of {@code depth},
	 *          slices of one time point consecutive
	 * @param depth slices per time point
	 * @param halfWidths half-widths along x, y, z in voxels, each 0 or more
	 * @param progress receives one report per slice and pass
	 * @return a new 32-bit stack with the same layout and slice labels
	 * @throws IllegalArgumentException if the stack is not 32-bit, its size is
	 *           not a multiple of {@code depth} or a half-width is negative
	 */
	public static ImageStack smooth(ImageStack stack, int depth, int[] halfWidths,
		ProgressListener progress)
	{
		check(stack, depth, halfWidths);
		int width = stack.getWidth();
		int height = stack.getHeight();
		int frames = stack.getSize() / depth;
		int total = 2 * stack.getSize();
		int[] done = { 0 };
		Runnable tick = () -> progress.progress(STEP, ++done[0], total);

		ImageStack result = new ImageStack(width, height);
		for (int t = 0; t < frames; t++) {
			float[][] slices = new float[depth][];
			for (int z = 0; z < depth; z++) {
				slices[z] = (float[]) stack.getPixels(t * depth + z + 1);
			}
			float[][] means = smoothFrame(slices, width, height, halfWidths, tick);
			for (int z = 0; z < depth; z++) {
				result.addSlice(stack.getSliceLabel(t * depth + z + 1), new FloatProcessor(width,
					height, means[z]));
			}
		}
		return result;
	}

	private static float[][] smoothFrame(float[][] slices, int width, int height, int[] half,
		Runnable tick)
	{
		int depth = slices.length;
		boolean allFinite = allFinite(slices);
		float[][] planeMeans = new float[depth][];
		float[][] planeCounts = allFinite ? null : new float[depth][];
		BoxSums plane = new BoxSums(width, height);
		for (int z = 0; z < depth; z++) {
			plane.compute(slices[z], half[0], half[1]);
			planeMeans[z] = plane.means();
			if (!allFinite) planeCounts[z] = plane.counts();
			tick.run();
		}
		return meanAlongZ(planeMeans, planeCounts, width * height, half[2], tick);
	}

	/**
	 * Combines the in-plane box means of each slice along z with a sliding
	 * window, weighting each slice by its count of finite voxels. Without
	 * counts every in-plane box has the same count at a given (x, y) on all
	 * slices, so the weights cancel and equal weights are exact.
	 */
	private static float[][] meanAlongZ(float[][] means, float[][] counts, int size, int rz,
		Runnable tick)
	{
		int depth = means.length;
		double[] sum = new double[size];
		double[] count = new double[size];
		for (int z = 0; z < Math.min(rz, depth); z++) {
			accumulate(means[z], counts == null ? null : counts[z], sum, count, 1);
		}
		float[][] out = new float[depth][];
		for (int z = 0; z < depth; z++) {
			int entering = z + rz;
			int leaving = z - rz - 1;
			if (entering < depth) {
				accumulate(means[entering], counts == null ? null : counts[entering], sum, count, 1);
			}
			if (leaving >= 0) {
				accumulate(means[leaving], counts == null ? null : counts[leaving], sum, count, -1);
			}
			out[z] = new float[size];
			for (int i = 0; i < size; i++) {
				// Counts are whole numbers, so the running count is exact.
				out[z][i] = count[i] > 0 ? (float) (sum[i] / count[i]) : Float.NaN;
			}
			tick.run();
		}
		return out;
	}

	private static void accumulate(float[] means, float[] counts, double[] sum, double[] count,
		int sign)
	{
		for (int i = 0; i < sum.length; i++) {
			double n = counts == null ? 1 : counts[i];
			if (n == 0) continue;
			sum[i] += sign * means[i] * n;
			count[i] += sign * n;
		}
	}

	private static boolean allFinite(float[][] slices) {
		for (float[] slice : slices) {
			for (float v : slice) {
				if (!Float.isFinite(v)) return false;
			}
		}
		return true;
	}

	private static void check(ImageStack stack, int depth, int[] halfWidths) {
		if (stack.getBitDepth() != 32) {
			throw new IllegalArgumentException("Local mean needs a 32-bit stack, got " + stack
				.getBitDepth() + "-bit");
		}
		if (depth < 1 || stack.getSize() % depth != 0) {
			throw new IllegalArgumentException("Stack of " + stack.getSize() +
				" slices does not split into time points of " + depth + " slices");
		}
		if (halfWidths.length != 3 || halfWidths[0] < 0 || halfWidths[1] < 0 ||
			halfWidths[2] < 0)
		{
			throw new IllegalArgumentException("Half-widths must be 3 values of 0 or more, got " +
				Arrays.toString(halfWidths));
		}
	}
}
