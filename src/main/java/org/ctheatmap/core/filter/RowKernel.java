package org.ctheatmap.core.filter;

/**
 * A filter that computes a run of voxels in one row at once, for voxels whose
 * whole neighbourhood lies inside the volume.
 */
interface RowKernel {

	/** Returns a worker with its own buffers, for one thread. */
	Worker newWorker(int width);

	/** Computes output rows; not thread-safe. */
	@FunctionalInterface
	interface Worker {

		/**
		 * Writes the results for x in [from, to) of row y in slice z to
		 * {@code out[outOffset + x]}.
		 */
		void run(NeighbourRows rows, int y, int z, int from, int to, float[] out, int outOffset);
	}
}
