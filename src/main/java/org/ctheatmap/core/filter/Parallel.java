package org.ctheatmap.core.filter;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** Splits index ranges into chunks that run on the common fork-join pool. */
final class Parallel {

	/** Receives one chunk [from, to) of indices. */
	@FunctionalInterface
	interface RangeTask {

		void run(int from, int to);
	}

	private Parallel() {}

	/**
	 * Runs {@code task} over [0, count) in about four chunks per worker
	 * thread, so that one slow chunk does not leave a core idle. Each chunk
	 * can allocate its own line buffers.
	 */
	static void forRange(int count, RangeTask task) {
		// The calling thread works too, so a pool of p threads gives p + 1 workers.
		int workers = ForkJoinPool.getCommonPoolParallelism() + 1;
		int chunks = Math.min(count, workers * 4);
		if (chunks <= 1) {
			task.run(0, count);
			return;
		}
		IntStream.range(0, chunks).parallel().forEach(c -> task.run((int) ((long) count * c /
			chunks), (int) ((long) count * (c + 1) / chunks)));
	}
}
