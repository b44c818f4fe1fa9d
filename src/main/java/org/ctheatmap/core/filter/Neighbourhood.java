package org.ctheatmap.core.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of voxel offsets (dx, dy, dz) around a centre voxel, for median, mean,
 * variance and bilateral filters. Instances are immutable.
 * <p>
 * Offsets are sorted by dz, then dy, then dx, and always contain (0, 0, 0).
 */
public final class Neighbourhood {

	/** Allows for rounding when a voxel lies exactly on the ellipsoid surface. */
	private static final double SURFACE_TOLERANCE = 1e-9;

	private final int[][] offsets;

	private Neighbourhood(List<int[]> offsets) {
		this.offsets = offsets.toArray(new int[0][]);
	}

	/**
	 * Returns the voxels whose centre lies inside or on an ellipsoid with the
	 * given semi-axes in voxels: offset (dx, dy, dz) is included when
	 * {@code (dx/rx)^2 + (dy/ry)^2 + (dz/rz)^2 <= 1}. A semi-axis of 0 allows
	 * only offset 0 on that axis. This is the rule of ImageJ 1.54's
	 * {@code Filters3D} (StackProcessor.createKernelEllipsoid), so radius
	 * (1, 1, 1) is the 7-voxel cross: the centre and its six face neighbours.
	 *
	 * @throws IllegalArgumentException if a semi-axis is negative or not finite
	 */
	public static Neighbourhood ellipsoid(double rx, double ry, double rz) {
		double[] radii = { rx, ry, rz };
		for (double r : radii) {
			if (!(r >= 0) || Double.isInfinite(r)) {
				throw new IllegalArgumentException("Neighbourhood radii must be finite and >= 0," +
					" got " + Arrays.toString(radii));
			}
		}
		int ex = (int) Math.floor(rx);
		int ey = (int) Math.floor(ry);
		int ez = (int) Math.floor(rz);
		List<int[]> list = new ArrayList<>();
		for (int dz = -ez; dz <= ez; dz++) {
			for (int dy = -ey; dy <= ey; dy++) {
				for (int dx = -ex; dx <= ex; dx++) {
					double d = term(dx, rx) + term(dy, ry) + term(dz, rz);
					if (d <= 1 + SURFACE_TOLERANCE) list.add(new int[] { dx, dy, dz });
				}
			}
		}
		return new Neighbourhood(list);
	}

	/**
	 * Returns the voxels whose centre lies within {@code radiusMm} of the
	 * centre voxel's centre, measured in mm with the voxel spacing: the
	 * ellipsoid with semi-axes {@code radiusMm / spacing[axis]} voxels.
	 *
	 * @param radiusMm radius in mm, at least 0
	 * @param spacing voxel size along x, y and z in mm
	 * @param threeD false to stay in the slice (dz = 0 only)
	 */
	public static Neighbourhood sphereMm(double radiusMm, double[] spacing, boolean threeD) {
		return ellipsoid(radiusMm / spacing[0], radiusMm / spacing[1], threeD ? radiusMm /
			spacing[2] : 0);
	}

	/** Returns the box of (2 rx + 1) x (2 ry + 1) x (2 rz + 1) voxels. */
	public static Neighbourhood box(int rx, int ry, int rz) {
		List<int[]> list = new ArrayList<>();
		for (int dz = -rz; dz <= rz; dz++) {
			for (int dy = -ry; dy <= ry; dy++) {
				for (int dx = -rx; dx <= rx; dx++) {
					list.add(new int[] { dx, dy, dz });
				}
			}
		}
		return new Neighbourhood(list);
	}

	private static double term(int offset, double radius) {
		if (offset == 0) return 0;
		if (radius == 0) return Double.POSITIVE_INFINITY;
		return (offset / radius) * (offset / radius);
	}

	/** Returns the number of offsets, the centre included. */
	public int size() {
		return offsets.length;
	}

	/** Returns offset i as {dx, dy, dz}; a copy. */
	public int[] offset(int i) {
		return offsets[i].clone();
	}

	/** Returns the largest |offset| along an axis (0 = x, 1 = y, 2 = z). */
	public int extent(int axis) {
		int max = 0;
		for (int[] o : offsets) {
			max = Math.max(max, Math.abs(o[axis]));
		}
		return max;
	}

	/** Returns whether this is exactly the 3 x 3 x 3 box. */
	public boolean isBox27() {
		return equals(box(1, 1, 1));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Neighbourhood && Arrays.deepEquals(offsets,
			((Neighbourhood) other).offsets);
	}

	@Override
	public int hashCode() {
		return Arrays.deepHashCode(offsets);
	}

	@Override
	public String toString() {
		return size() + " voxels, extent " + extent(0) + "/" + extent(1) + "/" + extent(2);
	}
}
