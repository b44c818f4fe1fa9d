package org.ctheatmap.io.raw;

import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.core.PatientGeometry;

/**
 * The axis permutation and flips that bring a stored voxel grid into display
 * order. New axis i (image x, left to right on screen) runs closest to +x LPS,
 * towards the patient's left. New axis j (image y, top to bottom) runs closest
 * to +y (posterior), and new axis k (slice number) closest to +z (superior).
 * An axial scan then shows like a DICOM axial series in radiological
 * convention: the patient's right on the left of the screen, anterior at the
 * top and slice 1 lowest.
 * <p>
 * The permutation is the one of the six whose axes have the largest summed
 * alignment with x, y and z; on an exact tie the stored order is kept. Sizes
 * and indices are 0-based and in (i, j, k) order. Instances are immutable.
 */
public final class Reorientation {

	/** For each new axis, the stored axis it is taken from. */
	private final int[] sourceAxis;
	/** For each new axis, whether it runs opposite to its stored axis. */
	private final boolean[] flipped;
	private final long[] storedSize;

	private Reorientation(int[] sourceAxis, boolean[] flipped, long[] storedSize) {
		this.sourceAxis = sourceAxis;
		this.flipped = flipped;
		this.storedSize = storedSize.clone();
	}

	/**
	 * Chooses the reorientation for a stored grid.
	 *
	 * @param lps voxel-to-patient affine in LPS mm (3 rows of 4), non-singular
	 * @param storedSize voxel counts along stored i, j, k
	 */
	public static Reorientation towardsLps(double[][] lps, long[] storedSize) {
		double[][] unit = new double[3][3];
		for (int a = 0; a < 3; a++) {
			double length = columnLength(lps, a);
			for (int r = 0; r < 3; r++) {
				unit[a][r] = lps[r][a] / length;
			}
		}
		int[] best = null;
		double bestScore = -1;
		for (int[] perm : permutations()) {
			double score = 0;
			for (int d = 0; d < 3; d++) {
				score += Math.abs(unit[perm[d]][d]);
			}
			// The margin keeps the stored order when rounding alone separates two choices.
			if (score > bestScore + 1e-9) {
				bestScore = score;
				best = perm;
			}
		}
		boolean[] flipped = new boolean[3];
		for (int d = 0; d < 3; d++) {
			flipped[d] = unit[best[d]][d] < 0;
		}
		return new Reorientation(best, flipped, storedSize);
	}

	/** Returns the voxel counts along new i, j, k. */
	public long[] newSize() {
		long[] size = new long[3];
		for (int d = 0; d < 3; d++) {
			size[d] = storedSize[sourceAxis[d]];
		}
		return size;
	}

	/**
	 * Returns the geometry of the new grid: its origin is the centre of new
	 * voxel (0, 0, 0), so that {@link PatientGeometry#voxelToPatient} of a new
	 * index gives the same point as the stored affine at the matching stored
	 * index.
	 */
	public PatientGeometry geometry(double[][] lps) {
		double[] origin = { lps[0][3], lps[1][3], lps[2][3] };
		double[][] direction = new double[3][3];
		double[] spacing = new double[3];
		for (int d = 0; d < 3; d++) {
			int a = sourceAxis[d];
			spacing[d] = columnLength(lps, a);
			double sign = flipped[d] ? -1 : 1;
			for (int r = 0; r < 3; r++) {
				// Adding 0.0 turns -0.0 into 0.0, which keeps the geometry text clean.
				direction[d][r] = sign * lps[r][a] / spacing[d] + 0.0;
				if (flipped[d]) origin[r] += lps[r][a] * (storedSize[a] - 1);
			}
		}
		return new PatientGeometry(origin, direction[0], direction[1], direction[2], spacing);
	}

	/**
	 * Returns the linear index offset of each stored axis in the new grid,
	 * where the linear index is {@code i + ni * (j + nj * k)} over new sizes.
	 * Stored voxel (i, j, k) lands at {@link #newStart()} plus the sum of each
	 * stored index times its step.
	 */
	public long[] stepsPerStoredAxis() {
		long[] newStride = newStrides();
		long[] step = new long[3];
		for (int d = 0; d < 3; d++) {
			step[sourceAxis[d]] = flipped[d] ? -newStride[d] : newStride[d];
		}
		return step;
	}

	/** Returns the new linear index of stored voxel (0, 0, 0). */
	public long newStart() {
		long[] newStride = newStrides();
		long start = 0;
		for (int d = 0; d < 3; d++) {
			if (flipped[d]) start += (storedSize[sourceAxis[d]] - 1) * newStride[d];
		}
		return start;
	}

	/** Returns true when the new grid is the stored grid. */
	public boolean isIdentity() {
		return describe().equals("none");
	}

	/**
	 * Describes the change for metadata. The text is "none" for no change, or
	 * "flipped i, j" when only flips apply. After a permutation it reads "i, j,
	 * k from stored k, i, j; flipped j", where the flipped axes are new axes
	 * that run opposite to the stored axes they come from.
	 */
	public String describe() {
		String names = "ijk";
		List<String> flips = new ArrayList<>();
		boolean permuted = false;
		StringBuilder from = new StringBuilder("i, j, k from stored ");
		for (int d = 0; d < 3; d++) {
			if (flipped[d]) flips.add(String.valueOf(names.charAt(d)));
			if (sourceAxis[d] != d) permuted = true;
			from.append(d > 0 ? ", " : "").append(names.charAt(sourceAxis[d]));
		}
		String flipText = flips.isEmpty() ? "" : "flipped " + String.join(", ", flips);
		if (!permuted) return flips.isEmpty() ? "none" : flipText;
		return flips.isEmpty() ? from.toString() : from + "; " + flipText;
	}

	/** Returns the new axis (0 to 2) that stored axis {@code storedAxis} becomes. */
	public int newAxisOf(int storedAxis) {
		for (int d = 0; d < 3; d++) {
			if (sourceAxis[d] == storedAxis) return d;
		}
		throw new IllegalArgumentException("No stored axis " + storedAxis);
	}

	private long[] newStrides() {
		long[] size = newSize();
		return new long[] { 1, size[0], size[0] * size[1] };
	}

	/** Returns the length of column c of an affine. */
	private static double columnLength(double[][] m, int c) {
		return Math.sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c]);
	}

	private static int[][] permutations() {
		return new int[][] { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, {
			2, 1, 0 } };
	}
}
