package org.ctheatmap.compare;

import org.ctheatmap.core.filter.FloatVolume;

/**
 * Reads a volume at fractional voxel indices (i, j, k), 0-based, by linear
 * or nearest-neighbour interpolation.
 * <p>
 * Extent rule: a voxel covers half a voxel on each side of its centre, so a
 * position is inside when every index lies in {@code -0.5 .. n - 0.5} (with
 * a tolerance of {@value #EDGE_TOLERANCE} voxels for rounding). Inside but
 * beyond the outermost centres the index is clamped to that centre, and
 * outside the result is NaN. A single slice thus has a thickness of one
 * slice spacing. In planar mode the slice index is ignored, so a single
 * slice is read as if it extended along its normal: the 2-D comparison of
 * two slices taken at different table positions.
 * <p>
 * Linear interpolation uses only the neighbours with a non-zero weight, so a
 * NaN voxel makes NaN only the positions whose value depends on it.
 */
final class VolumeSampler {

	/** Rounding tolerance of the extent test, in voxels. */
	static final double EDGE_TOLERANCE = 1e-6;

	private final float[][] slices;
	private final int width;
	private final int height;
	private final int depth;
	private final boolean planar;

	VolumeSampler(FloatVolume volume, boolean planar) {
		this.slices = volume.slices();
		this.width = volume.width();
		this.height = volume.height();
		this.depth = volume.depth();
		this.planar = planar;
	}

	boolean planar() {
		return planar;
	}

	/** Returns whether a fractional index lies inside the volume's extent. */
	boolean inside(double i, double j, double k) {
		return within(i, width) && within(j, height) && (planar || within(k, depth));
	}

	/** Returns the interpolated value, or NaN outside the extent. */
	double sample(double i, double j, double k, Interpolation interpolation) {
		if (!inside(i, j, k)) return Double.NaN;
		if (interpolation == Interpolation.NEAREST) {
			int x = clamp((int) Math.floor(i + 0.5), width);
			int y = clamp((int) Math.floor(j + 0.5), height);
			int z = planar ? 0 : clamp((int) Math.floor(k + 0.5), depth);
			return slices[z][y * width + x];
		}
		return linear(i, j, planar ? 0 : k);
	}

	/**
	 * Returns the linearly interpolated value and writes its derivatives with
	 * respect to i, j and k into {@code gradient}; NaN outside. The derivative
	 * along an axis is 0 where the index is clamped or the axis has one voxel.
	 * Unlike {@link #sample}, a NaN among the 8 neighbours gives NaN even when
	 * its weight is 0.
	 */
	double linearWithGradient(double i, double j, double k, double[] gradient) {
		if (!inside(i, j, k)) return Double.NaN;
		double ci = clampIndex(i, width);
		double cj = clampIndex(j, height);
		double ck = planar ? 0 : clampIndex(k, depth);
		int x0 = Math.min((int) ci, width - 1);
		int y0 = Math.min((int) cj, height - 1);
		int z0 = Math.min((int) ck, depth - 1);
		int x1 = Math.min(x0 + 1, width - 1);
		int y1 = Math.min(y0 + 1, height - 1);
		int z1 = Math.min(z0 + 1, depth - 1);
		double fx = ci - x0;
		double fy = cj - y0;
		double fz = ck - z0;
		float[] s0 = slices[z0];
		float[] s1 = slices[z1];
		double v000 = s0[y0 * width + x0];
		double v100 = s0[y0 * width + x1];
		double v010 = s0[y1 * width + x0];
		double v110 = s0[y1 * width + x1];
		double v001 = s1[y0 * width + x0];
		double v101 = s1[y0 * width + x1];
		double v011 = s1[y1 * width + x0];
		double v111 = s1[y1 * width + x1];
		double a00 = v000 + fx * (v100 - v000);
		double a10 = v010 + fx * (v110 - v010);
		double a01 = v001 + fx * (v101 - v001);
		double a11 = v011 + fx * (v111 - v011);
		double b0 = a00 + fy * (a10 - a00);
		double b1 = a01 + fy * (a11 - a01);
		double dx0 = (1 - fy) * (v100 - v000) + fy * (v110 - v010);
		double dx1 = (1 - fy) * (v101 - v001) + fy * (v111 - v011);
		gradient[0] = x1 == x0 || ci != i ? 0 : (1 - fz) * dx0 + fz * dx1;
		gradient[1] = y1 == y0 || cj != j ? 0 : (1 - fz) * (a10 - a00) + fz * (a11 - a01);
		gradient[2] = planar || z1 == z0 || ck != k ? 0 : b1 - b0;
		return b0 + fz * (b1 - b0);
	}

	private double linear(double i, double j, double k) {
		double ci = clampIndex(i, width);
		double cj = clampIndex(j, height);
		double ck = clampIndex(k, depth);
		int x0 = (int) ci;
		int y0 = (int) cj;
		int z0 = (int) ck;
		double fx = ci - x0;
		double fy = cj - y0;
		double fz = ck - z0;
		double plane0 = bilinear(slices[z0], x0, y0, fx, fy);
		if (fz == 0) return plane0;
		return plane0 + fz * (bilinear(slices[z0 + 1], x0, y0, fx, fy) - plane0);
	}

	private double bilinear(float[] plane, int x0, int y0, double fx, double fy) {
		int row = y0 * width;
		double top = fx == 0 ? plane[row + x0] : plane[row + x0] + fx * (plane[row + x0 + 1] -
			plane[row + x0]);
		if (fy == 0) return top;
		row += width;
		double bottom = fx == 0 ? plane[row + x0] : plane[row + x0] + fx * (plane[row + x0 + 1] -
			plane[row + x0]);
		return top + fy * (bottom - top);
	}

	private static boolean within(double index, int size) {
		return index >= -0.5 - EDGE_TOLERANCE && index <= size - 0.5 + EDGE_TOLERANCE;
	}

	/** Clamps a fractional index to 0 .. size - 1. */
	private static double clampIndex(double index, int size) {
		return index < 0 ? 0 : index > size - 1 ? size - 1 : index;
	}

	private static int clamp(int index, int size) {
		return index < 0 ? 0 : index >= size ? size - 1 : index;
	}
}
