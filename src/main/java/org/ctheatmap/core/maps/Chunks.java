package org.ctheatmap.core.maps;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** Splits a range of slices into chunks that run on the common fork-join pool. */
final class Chunks {

	/** Receives one chunk [from, to) of slice indices. */
	@FunctionalInterface
	interface Task {

		void run(int from, int to);
	}

	private Chunks() {}

	/**
	 * Runs {@code task} over [0, count) in one chunk per worker thread; the
	 * calling thread works too. Few chunks suit the running sums, which
	 * recompute the planes two chunks share.
	 */
	static void run(int count, Task task) {
		int workers = ForkJoinPool.getCommonPoolParallelism() + 1;
		int chunks = Math.min(count, workers);
		if (chunks <= 1) {
			task.run(0, count);
			return;
		}
		IntStream.range(0, chunks).parallel().forEach(c -> task.run((int) ((long) count * c /
			chunks), (int) ((long) count * (c + 1) / chunks)));
	}
}
