package org.ctheatmap.io.dicom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;

/**
 * Runs a per-slice task on several threads and returns the results in slice
 * order. Decoding compressed slices is CPU-bound, so using every core speeds
 * it up nearly in proportion; reading uncompressed slices gains less.
 */
final class ParallelSlices {

	/** A task on one slice, such as reading and decoding its pixels. */
	interface SliceTask<T> {
		T apply(DicomHeader slice) throws IOException;
	}

	private ParallelSlices() {}

	/**
	 * Applies a task to every slice on up to {@code threads} threads.
	 * Progress is reported in slice order, once per finished slice.
	 *
	 * @param threads number of threads; 1 runs the tasks on the calling thread
	 * @return the results in the order of {@code slices}
	 * @throws IOException the exception of the first slice, in slice order,
	 *           whose task failed; the remaining tasks are cancelled
	 */
	static <T> List<T> map(List<DicomHeader> slices, SliceTask<T> task, int threads,
		ProgressListener progress, String step) throws IOException
	{
		int total = slices.size();
		List<T> results = new ArrayList<>(total);
		if (threads <= 1 || total <= 1) {
			for (int i = 0; i < total; i++) {
				progress.progress(step, i, total);
				results.add(task.apply(slices.get(i)));
			}
			progress.progress(step, total, total);
			return results;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), runnable -> {
			Thread thread = new Thread(runnable, "DICOM slice decoder");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<T>> futures = new ArrayList<>(total);
			for (DicomHeader slice : slices) {
				futures.add(pool.submit(() -> task.apply(slice)));
			}
			for (int i = 0; i < total; i++) {
				progress.progress(step, i, total);
				results.add(await(futures.get(i), slices.get(i)));
			}
			progress.progress(step, total, total);
			return results;
		} finally {
			pool.shutdownNow();
		}
	}

	private static <T> T await(Future<T> future, DicomHeader slice) throws IOException {
		try {
			return future.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InvalidInputException(slice.file(), "reading was interrupted", e);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof IOException) throw (IOException) cause;
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IOException(cause);
		}
	}
}
