package org.ctheatmap.io.dicom;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ctheatmap.core.ProgressListener;

/**
 * Runs a task per file or slice on several threads and returns the results
 * in input order. Header parsing and pixel decoding of one file do not
 * depend on any other, so they spread over all cores.
 */
final class ParallelTasks {

	/** A task on one input, such as parsing a file or decoding a slice. */
	interface Task<I, T> {
		T apply(I input) throws IOException;
	}

	private ParallelTasks() {}

	/**
	 * Applies a task to every input on up to {@code threads} threads.
	 * Progress is reported in input order, once per finished input.
	 *
	 * @param threads number of threads; 1 runs the tasks on the calling thread
	 * @return the results in the order of {@code inputs}
	 * @throws IOException the exception of the first input, in input order,
	 *           whose task failed; the remaining tasks are cancelled
	 */
	static <I, T> List<T> map(List<I> inputs, Task<I, T> task, int threads,
		ProgressListener progress, String step) throws IOException
	{
		int total = inputs.size();
		List<T> results = new ArrayList<>(total);
		if (threads <= 1 || total <= 1) {
			for (int i = 0; i < total; i++) {
				progress.progress(step, i, total);
				results.add(task.apply(inputs.get(i)));
			}
			progress.progress(step, total, total);
			return results;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), runnable -> {
			Thread thread = new Thread(runnable, "CT Heat Map DICOM reader");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<T>> futures = new ArrayList<>(total);
			for (I input : inputs) {
				futures.add(pool.submit(() -> task.apply(input)));
			}
			for (int i = 0; i < total; i++) {
				progress.progress(step, i, total);
				results.add(await(futures.get(i)));
			}
			progress.progress(step, total, total);
			return results;
		} finally {
			pool.shutdownNow();
		}
	}

	private static <T> T await(Future<T> future) throws IOException {
		try {
			return future.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("reading DICOM files was interrupted");
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof IOException) throw (IOException) cause;
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IOException(cause);
		}
	}
}
