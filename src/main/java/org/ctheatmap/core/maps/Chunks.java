package org.ctheatmap.core.maps;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.ctheatmap.core.ProgressListener;

/** Splits a range of slices into chunks that run on the common fork-join pool. */
final class Chunks {

	/** Receives one chunk [from, to) of slice indices. */
	@FunctionalInterface
	interface Task {

		void run(int from, int to);
	}

	private Chunks() {}

	/**
	 * Runs {@code task} over [0, count) in one chunk per worker thread, so
	 * each thread allocates its buffers once. The calling thread works too.
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

	/**
	 * Returns a tick that counts one finished slice and reports it. Worker
	 * threads call it, so reports go one at a time and in increasing order,
	 * because listeners such as the command-line printer are not thread-safe.
	 */
	static Runnable counter(ProgressListener progress, String step, int total) {
		AtomicInteger done = new AtomicInteger();
		return () -> {
			synchronized (done) {
				progress.progress(step, done.incrementAndGet(), total);
			}
		};
	}
}
