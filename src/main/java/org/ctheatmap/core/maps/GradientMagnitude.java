package org.ctheatmap.core.maps;

import org.ctheatmap.core.ProgressListener;

/**
 * Gradient magnitude of a 3-D volume from central differences, in the
 * value unit per mm (HU/mm for CT).
 * <p>
 * Along each axis the derivative at voxel v is
 * {@code (value[v + 1] - value[v - 1]) / (2 * spacing)}. A neighbour is
 * missing when it lies outside the volume or the mask or is not finite.
 * With one neighbour missing, the derivative is the one-sided difference
 * with the other over one spacing. With both missing it is 0, so a single
 * slice has no z component. The magnitude is
 * {@code sqrt(gx^2 + gy^2 + gz^2)}. A voxel outside the mask, or whose own
 * value is not finite, gets NaN.
 */
public final class GradientMagnitude {

	private static final String STEP = "Gradient magnitude";

	private GradientMagnitude() {}

	/**
	 * Computes the gradient magnitude of every voxel; the input is not
	 * modified.
	 *
	 * @param slices {@code slices[z][y * width + x]}
	 * @param spacingMm voxel size along x, y and z in mm, all positive
	 * @param mask {@code mask[z][y * width + x]}, or null for every voxel
	 * @param progress receives one report per finished slice
	 * @return new planes in value unit per mm
	 */
	public static float[][] compute(float[][] slices, int width, int height,
		double[] spacingMm, boolean[][] mask, ProgressListener progress)
	{
		int depth = slices.length;
		boolean full = mask == null && allFinite(slices);
		float[][] out = new float[depth][];
		Runnable tick = Chunks.counter(progress, STEP, depth);
		Chunks.run(depth, (from, to) -> {
			for (int z = from; z < to; z++) {
				out[z] = full ? fullSlice(slices, width, height, spacingMm, z) : slice(slices, width,
					height, spacingMm, mask, z);
				tick.run();
			}
		});
		return out;
	}

	private static float[] slice(float[][] slices, int width, int height, double[] spacing,
		boolean[][] mask, int z)
	{
		float[] values = slices[z];
		float[] out = new float[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int i = y * width + x;
				if (!valid(slices, mask, z, i)) {
					out[i] = Float.NaN;
					continue;
				}
				double v = values[i];
				double gx = derivative(v, x > 0 && valid(slices, mask, z, i - 1) ? values[i - 1]
					: Double.NaN, x < width - 1 && valid(slices, mask, z, i + 1) ? values[i + 1]
						: Double.NaN, spacing[0]);
				double gy = derivative(v, y > 0 && valid(slices, mask, z, i - width) ? values[i -
					width] : Double.NaN, y < height - 1 && valid(slices, mask, z, i + width)
						? values[i + width] : Double.NaN, spacing[1]);
				double gz = derivative(v, z > 0 && valid(slices, mask, z - 1, i) ? slices[z -
					1][i] : Double.NaN, z < slices.length - 1 && valid(slices, mask, z + 1, i)
						? slices[z + 1][i] : Double.NaN, spacing[2]);
				out[i] = (float) Math.sqrt(gx * gx + gy * gy + gz * gz);
			}
		}
		return out;
	}

	/**
	 * Returns the gradient magnitudes of one slice when no voxel is masked or
	 * missing, so every neighbour inside the volume exists. Each derivative is
	 * then a difference of two neighbours times a factor: central inside,
	 * one-sided at an edge, 0 along an axis of one voxel. Columns 1 to
	 * width - 2 run in a loop without branches, which the JIT compiler can
	 * vectorise.
	 */
	private static float[] fullSlice(float[][] slices, int width, int height,
		double[] spacing, int z)
	{
		int depth = slices.length;
		float[] centre = slices[z];
		float[] below = z > 0 ? slices[z - 1] : centre;
		float[] above = z < depth - 1 ? slices[z + 1] : centre;
		double fz = factor(z, depth, spacing[2]);
		float[] out = new float[width * height];
		for (int y = 0; y < height; y++) {
			int row = y * width;
			int up = y > 0 ? row - width : row;
			int down = y < height - 1 ? row + width : row;
			double fy = factor(y, height, spacing[1]);
			double fx = 1 / (2 * spacing[0]);
			for (int x = 1; x < width - 1; x++) {
				double gx = ((double) centre[row + x + 1] - centre[row + x - 1]) * fx;
				double gy = ((double) centre[down + x] - centre[up + x]) * fy;
				double gz = ((double) above[row + x] - below[row + x]) * fz;
				out[row + x] = (float) Math.sqrt(gx * gx + gy * gy + gz * gz);
			}
			edgeColumn(centre, below, above, width, row, up, down, 0, spacing[0], fy, fz, out);
			if (width > 1) {
				edgeColumn(centre, below, above, width, row, up, down, width - 1, spacing[0], fy,
					fz, out);
			}
		}
		return out;
	}

	/** Writes the magnitude at column 0 or width - 1, one-sided along x. */
	private static void edgeColumn(float[] centre, float[] below, float[] above, int width,
		int row, int up, int down, int x, double spacingX, double fy, double fz, float[] out)
	{
		int left = x > 0 ? x - 1 : x;
		int right = x < width - 1 ? x + 1 : x;
		double gx = ((double) centre[row + right] - centre[row + left]) * factor(x, width,
			spacingX);
		double gy = ((double) centre[down + x] - centre[up + x]) * fy;
		double gz = ((double) above[row + x] - below[row + x]) * fz;
		out[row + x] = (float) Math.sqrt(gx * gx + gy * gy + gz * gz);
	}

	/**
	 * Returns the factor that turns a difference of neighbours at index i of n
	 * into a derivative: 1 / (2 spacing) inside, 1 / spacing at an edge, 0 for
	 * n = 1.
	 */
	private static double factor(int i, int n, double spacing) {
		if (n == 1) return 0;
		return i > 0 && i < n - 1 ? 1 / (2 * spacing) : 1 / spacing;
	}

	private static boolean allFinite(float[][] slices) {
		for (float[] slice : slices) {
			for (float v : slice) {
				if (!Float.isFinite(v)) return false;
			}
		}
		return true;
	}

	/** Returns the derivative from the neighbours before and after; NaN means missing. */
	private static double derivative(double centre, double before, double after,
		double spacing)
	{
		boolean hasBefore = !Double.isNaN(before);
		boolean hasAfter = !Double.isNaN(after);
		if (hasBefore && hasAfter) return (after - before) / (2 * spacing);
		if (hasAfter) return (after - centre) / spacing;
		if (hasBefore) return (centre - before) / spacing;
		return 0;
	}

	private static boolean valid(float[][] slices, boolean[][] mask, int z, int i) {
		return Float.isFinite(slices[z][i]) && (mask == null || mask[z][i]);
	}
}
