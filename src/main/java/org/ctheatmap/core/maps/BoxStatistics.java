package org.ctheatmap.core.maps;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Sums of values and squared values are kept in double precision: each
 * slice's in-plane box sums are running sums along rows, then along
 * columns; the 3-D sums slide along z over a ring of 2 rz + 2 planes.
 * Chunks of slices run in parallel on the common fork-join pool, each
 * recomputing the 2 rz planes it shares with its neighbours. Memory per
 * chunk: about (2 rz + 6) x 24 bytes per pixel of a slice.
 */
public final class BoxStatistics {

	private static final String STEP = "Box statistics";

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
	 * @param progress receives one report per finished slice
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
		AtomicInteger done = new AtomicInteger();
		Chunks.run(depth, (from, to) -> {
			Sweep sweep = new Sweep(slices, width, height, halfWidths, mask, withSd);
			sweep.run(from, to, means, sds, () -> progress.progress(STEP, done.incrementAndGet(),
				depth));
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

	/** Running sums of one chunk of slices; one instance per thread. */
	private static final class Sweep {

		private final float[][] slices;
		private final int width;
		private final int height;
		private final int rx;
		private final int ry;
		private final int rz;
		private final boolean[][] mask;
		private final boolean withSd;
		private final PlaneSums[] ring;
		private final PlaneSums total;
		private final PlaneSums rows;

		Sweep(float[][] slices, int width, int height, int[] half, boolean[][] mask,
			boolean withSd)
		{
			this.slices = slices;
			this.width = width;
			this.height = height;
			this.rx = half[0];
			this.ry = half[1];
			this.rz = half[2];
			this.mask = mask;
			this.withSd = withSd;
			int planes = Math.min(2 * rz + 2, slices.length + 1);
			ring = new PlaneSums[planes];
			for (int i = 0; i < planes; i++) {
				ring[i] = new PlaneSums(width * height, withSd);
			}
			total = new PlaneSums(width * height, withSd);
			rows = new PlaneSums(width * height, withSd);
		}

		/** Writes the statistics of slices from..to - 1. */
		void run(int from, int to, float[][] means, float[][] sds, Runnable tick) {
			int depth = slices.length;
			total.clear();
			for (int z = Math.max(0, from - rz); z < Math.min(depth, from + rz); z++) {
				total.add(planeSums(z), 1);
			}
			for (int z = from; z < to; z++) {
				int entering = z + rz;
				int leaving = z - rz - 1;
				if (entering < depth) total.add(planeSums(entering), 1);
				// The chunk's first box was filled above, so nothing leaves it yet.
				if (leaving >= 0 && z > from) total.add(ring[leaving % ring.length], -1);
				means[z] = new float[width * height];
				if (withSd) sds[z] = new float[width * height];
				finish(z, means[z], withSd ? sds[z] : null);
				tick.run();
			}
		}

		/** Computes the in-plane box sums of slice z into its ring slot. */
		private PlaneSums planeSums(int z) {
			PlaneSums plane = ring[z % ring.length];
			float[] values = slices[z];
			boolean[] inside = mask == null ? null : mask[z];
			for (int y = 0; y < height; y++) {
				rowSums(values, inside, y * width);
			}
			plane.clear();
			for (int y = 0; y < Math.min(ry, height); y++) {
				plane.addRow(rows, y * width, 0, width);
			}
			for (int y = 0; y < height; y++) {
				int entering = y + ry;
				int leaving = y - ry - 1;
				int row = y * width;
				if (y > 0) plane.copyRow(row - width, row, width);
				if (entering < height) plane.addRow(rows, entering * width, row, width);
				if (leaving >= 0) plane.subtractRow(rows, leaving * width, row, width);
			}
			return plane;
		}

		/** Fills {@code rows} with the sums along x of one row. */
		private void rowSums(float[] values, boolean[] inside, int row) {
			double s1 = 0;
			double s2 = 0;
			int n = 0;
			for (int x = 0; x < Math.min(rx, width); x++) {
				float v = values[row + x];
				if (takesPart(v, inside, row + x)) {
					s1 += v;
					s2 += (double) v * v;
					n++;
				}
			}
			for (int x = 0; x < width; x++) {
				int entering = x + rx;
				int leaving = x - rx - 1;
				if (entering < width) {
					float v = values[row + entering];
					if (takesPart(v, inside, row + entering)) {
						s1 += v;
						s2 += (double) v * v;
						n++;
					}
				}
				if (leaving >= 0) {
					float v = values[row + leaving];
					if (takesPart(v, inside, row + leaving)) {
						s1 -= v;
						s2 -= (double) v * v;
						n--;
					}
				}
				rows.sum[row + x] = s1;
				if (withSd) rows.squares[row + x] = s2;
				rows.count[row + x] = n;
			}
		}

		private static boolean takesPart(float v, boolean[] inside, int index) {
			return Float.isFinite(v) && (inside == null || inside[index]);
		}

		private void finish(int z, float[] mean, float[] sd) {
			boolean[] inside = mask == null ? null : mask[z];
			for (int i = 0; i < mean.length; i++) {
				int n = total.count[i];
				if (n == 0 || inside != null && !inside[i]) {
					mean[i] = Float.NaN;
					if (sd != null) sd[i] = Float.NaN;
					continue;
				}
				double m = total.sum[i] / n;
				mean[i] = (float) m;
				if (sd == null) continue;
				double variance = n > 1 ? (total.squares[i] - m * total.sum[i]) / (n - 1) : 0;
				sd[i] = (float) Math.sqrt(Math.max(0, variance));
			}
		}
	}

	/** Sums of values, squared values and counts over one plane of pixels. */
	private static final class PlaneSums {

		final double[] sum;
		final double[] squares;
		final int[] count;

		PlaneSums(int size, boolean withSquares) {
			sum = new double[size];
			squares = withSquares ? new double[size] : null;
			count = new int[size];
		}

		void clear() {
			Arrays.fill(sum, 0);
			if (squares != null) Arrays.fill(squares, 0);
			Arrays.fill(count, 0);
		}

		/** Adds (sign 1) or subtracts (sign -1) another plane element by element. */
		void add(PlaneSums other, int sign) {
			for (int i = 0; i < sum.length; i++) {
				sum[i] += sign * other.sum[i];
				count[i] += sign * other.count[i];
			}
			if (squares == null) return;
			for (int i = 0; i < sum.length; i++) {
				squares[i] += sign * other.squares[i];
			}
		}

		void addRow(PlaneSums source, int from, int to, int length) {
			for (int x = 0; x < length; x++) {
				sum[to + x] += source.sum[from + x];
				count[to + x] += source.count[from + x];
			}
			if (squares == null) return;
			for (int x = 0; x < length; x++) {
				squares[to + x] += source.squares[from + x];
			}
		}

		void subtractRow(PlaneSums source, int from, int to, int length) {
			for (int x = 0; x < length; x++) {
				sum[to + x] -= source.sum[from + x];
				count[to + x] -= source.count[from + x];
			}
			if (squares == null) return;
			for (int x = 0; x < length; x++) {
				squares[to + x] -= source.squares[from + x];
			}
		}

		void copyRow(int from, int to, int length) {
			System.arraycopy(sum, from, sum, to, length);
			System.arraycopy(count, from, count, to, length);
			if (squares != null) System.arraycopy(squares, from, squares, to, length);
		}
	}
}
