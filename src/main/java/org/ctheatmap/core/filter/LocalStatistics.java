package org.ctheatmap.core.filter;

import org.ctheatmap.core.ProgressListener;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mean and variance over a {@link Neighbourhood}, with the rule of ImageJ
 * 1.54's {@code Filters3D}: only neighbours inside the volume count, and the
 * variance is the sample variance (divided by n - 1; 0 for n = 1). NaN voxels
 * stay NaN and are left out of their neighbours' statistics.
 * <p>
 * Each neighbour offset is added as a whole shifted row with vectorised
 * loops. Sums run in float on differences from the centre voxel, which keeps
 * the rounding error of the variance at about 1e-6 of the squared spread of
 * the window rather than of the squared HU values. Slices run in parallel;
 * memory is five rows per thread.
 */
public final class LocalStatistics {

	/** The statistic to compute. */
	public enum Statistic {
		MEAN, VARIANCE
	}

	private LocalStatistics() {}

	/**
	 * Computes the statistic for every voxel of {@code source}.
	 *
	 * @param source values, e.g. HU; not modified, and must not be the array
	 *          that {@code sink} writes to
	 * @param neighbourhood voxel offsets that take part
	 * @param statistic mean (in the input unit) or variance (unit squared)
	 * @param sink receives each output slice
	 * @param progress receives one report per finished slice
	 */
	public static void apply(FloatVolume source, Neighbourhood neighbourhood,
		Statistic statistic, SliceSink sink, ProgressListener progress)
	{
		NeighbourRows rows = new NeighbourRows(source, neighbourhood);
		int w = source.width();
		int h = source.height();
		int d = source.depth();
		AtomicInteger done = new AtomicInteger();
		Parallel.forRange(d, (from, to) -> {
			float[] slice = new float[w * h];
			RowSums sums = new RowSums(w);
			for (int z = from; z < to; z++) {
				for (int y = 0; y < h; y++) {
					sums.accumulate(rows, source.slices()[z], y, z);
					sums.finish(statistic, slice, y * w);
				}
				sink.accept(z, slice);
				progress.progress(statistic == Statistic.MEAN ? "Mean" : "Variance", done
					.incrementAndGet(), d);
			}
		});
	}

	/** Per-row sums of differences from the centre, their squares and counts. */
	private static final class RowSums {

		private final int width;
		private final float[] centre;
		private final float[] row;
		private final float[] sum;
		private final float[] squares;
		private final float[] count;
		private final int[] range = new int[2];

		RowSums(int width) {
			this.width = width;
			centre = new float[width];
			row = new float[width];
			sum = new float[width];
			squares = new float[width];
			count = new float[width];
		}

		void accumulate(NeighbourRows rows, float[] slice, int y, int z) {
			System.arraycopy(slice, y * width, centre, 0, width);
			Arrays.fill(sum, 0f);
			Arrays.fill(squares, 0f);
			Arrays.fill(count, 0f);
			for (int i = 0; i < rows.size(); i++) {
				if (!rows.loadClipped(i, y, z, row, range)) continue;
				if (rows.neighbourRowHasNaN(i, y, z)) {
					addSkippingNaN(range[0], range[1]);
				} else {
					add(range[0], range[1]);
				}
			}
		}

		private void add(int from, int to) {
			for (int x = from; x < to; x++) {
				float delta = row[x] - centre[x];
				sum[x] += delta;
				squares[x] += delta * delta;
				count[x] += 1;
			}
		}

		private void addSkippingNaN(int from, int to) {
			for (int x = from; x < to; x++) {
				float delta = row[x] - centre[x];
				if (delta != delta) continue;
				sum[x] += delta;
				squares[x] += delta * delta;
				count[x] += 1;
			}
		}

		/** Writes the statistic of each voxel; NaN where the centre is NaN. */
		void finish(Statistic statistic, float[] out, int offset) {
			for (int x = 0; x < width; x++) {
				float n = count[x];
				float value;
				if (statistic == Statistic.MEAN) {
					value = centre[x] + sum[x] / n;
				} else if (n > 1) {
					value = Math.max(0f, (squares[x] - sum[x] * sum[x] / n) / (n - 1));
				} else {
					value = 0;
				}
				out[offset + x] = centre[x] != centre[x] ? Float.NaN : value;
			}
		}
	}
}
