package org.ctheatmap.core.filter;

import org.ctheatmap.core.ProgressListener;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Median over a {@link Neighbourhood}, the rule of ImageJ 1.54's
 * {@code Filters3D}: only neighbours inside the volume count, and an even
 * count gives the mean of the two middle values. NaN voxels stay NaN and are
 * left out of their neighbours' medians.
 * <p>
 * Speed: voxels whose whole neighbourhood lies inside the volume and contains no
 * NaN go through a sorting network evaluated on whole rows with vectorised
 * min and max (a pruned Batcher network; for the 3 x 3 x 3 box, the
 * {@link Box27Median} scheme). The other voxels collect their valid
 * neighbours and sort them. Slices run in parallel. Memory per thread is one
 * slice plus one row per network register, about the neighbourhood size.
 */
public final class MedianFilter {

	/** Neighbourhoods larger than this use sorting instead of a network. */
	static final int MAX_NETWORK_SIZE = 64;

	private MedianFilter() {}

	/**
	 * Computes the median of every voxel of {@code source}.
	 *
	 * @param source values, e.g. HU; not modified, and must not be the array
	 *          that {@code sink} writes to
	 * @param neighbourhood voxel offsets that take part
	 * @param sink receives each output slice
	 * @param progress receives one report per finished slice
	 */
	public static void apply(FloatVolume source, Neighbourhood neighbourhood, SliceSink sink,
		ProgressListener progress)
	{
		RowKernel kernel = kernelFor(neighbourhood);
		run(source, neighbourhood, kernel, sink, progress);
	}

	/** Computes the median with the sorting path only, for tests and timing. */
	static void applySorting(FloatVolume source, Neighbourhood neighbourhood, SliceSink sink) {
		run(source, neighbourhood, null, sink, ProgressListener.NONE);
	}

	private static RowKernel kernelFor(Neighbourhood neighbourhood) {
		if (neighbourhood.isBox27()) return new Box27Median();
		if (neighbourhood.size() > MAX_NETWORK_SIZE) return null;
		SelectionProgram program = new SelectionProgram(neighbourhood.size());
		int[] inputs = new int[neighbourhood.size()];
		for (int i = 0; i < inputs.length; i++) {
			inputs[i] = i;
		}
		return new NetworkKernel(neighbourhood, program.compile(program.median(inputs)));
	}

	private static void run(FloatVolume source, Neighbourhood neighbourhood, RowKernel kernel,
		SliceSink sink, ProgressListener progress)
	{
		NeighbourRows rows = new NeighbourRows(source, neighbourhood);
		int w = source.width();
		int h = source.height();
		int d = source.depth();
		int edge = rows.extent(0);
		AtomicInteger done = new AtomicInteger();
		Parallel.forRange(d, (from, to) -> {
			float[] slice = new float[w * h];
			float[] gathered = new float[neighbourhood.size()];
			float[] probe = new float[w];
			float[] row = new float[w];
			RowKernel.Worker worker = kernel == null ? null : kernel.newWorker(w);
			for (int z = from; z < to; z++) {
				for (int y = 0; y < h; y++) {
					boolean fast = worker != null && rows.isInterior(y, z) && edge < w - edge;
					if (!fast) {
						sortRange(rows, y, z, 0, w, slice, gathered);
						continue;
					}
					worker.run(rows, y, z, edge, w - edge, slice, y * w);
					sortRange(rows, y, z, 0, edge, slice, gathered);
					sortRange(rows, y, z, w - edge, w, slice, gathered);
					if (rows.windowHasNaN(y, z)) {
						repairNaN(rows, y, z, edge, w - edge, slice, gathered, probe, row);
					}
				}
				sink.accept(z, slice);
				progress.progress("Median", done.incrementAndGet(), d);
			}
		});
	}

	private static void sortRange(NeighbourRows rows, int y, int z, int from, int to,
		float[] slice, float[] gathered)
	{
		int base = y * rows.width();
		for (int x = from; x < to; x++) {
			slice[base + x] = sortedMedian(rows, x, y, z, gathered);
		}
	}

	/**
	 * Recomputes, by sorting, the voxels in [from, to) of row (y, z) whose
	 * neighbourhood contains a NaN. A NaN anywhere in the window makes the sum of
	 * the neighbours NaN, which is how they are found.
	 */
	private static void repairNaN(NeighbourRows rows, int y, int z, int from, int to,
		float[] slice, float[] gathered, float[] probe, float[] row)
	{
		rows.sumWindow(y, z, from, to, probe, row);
		int base = y * rows.width();
		for (int x = from; x < to; x++) {
			float sum = probe[x - from];
			if (sum != sum) slice[base + x] = sortedMedian(rows, x, y, z, gathered);
		}
	}

	/** Returns the median of the valid neighbours of (x, y, z), or NaN. */
	static float sortedMedian(NeighbourRows rows, int x, int y, int z, float[] gathered) {
		int n = rows.gather(x, y, z, gathered);
		if (n == 0) return Float.NaN;
		Arrays.sort(gathered, 0, n);
		return n % 2 == 1 ? gathered[n / 2] : 0.5f * (gathered[n / 2 - 1] + gathered[n / 2]);
	}

	/** Runs a compiled median network on rows of the neighbourhood's offsets. */
	private static final class NetworkKernel implements RowKernel {

		private final Neighbourhood neighbourhood;
		private final SelectionProgram.Compiled program;

		NetworkKernel(Neighbourhood neighbourhood, SelectionProgram.Compiled program) {
			this.neighbourhood = neighbourhood;
			this.program = program;
		}

		@Override
		public Worker newWorker(int width) {
			float[][] registers = program.newRegisters(width);
			return (rows, y, z, from, to, out, outOffset) -> {
				for (int i = 0; i < neighbourhood.size(); i++) {
					rows.load(i, y, z, from, to, registers[i]);
				}
				program.run(registers, to - from);
				System.arraycopy(registers[program.outputs[0]], 0, out, outOffset + from, to - from);
			};
		}
	}
}
