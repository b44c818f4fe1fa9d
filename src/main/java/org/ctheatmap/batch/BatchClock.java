package org.ctheatmap.batch;

import java.util.Locale;

/**
 * Measures a batch and estimates its remaining time: the mean time of the
 * studies processed so far times the number of studies still to process.
 * Skipped studies take no time and do not count. Not thread-safe.
 */
final class BatchClock {

	private final long startNanos = System.nanoTime();
	private double processedSeconds;
	private int processed;
	private int remaining;

	/** @param toProcess number of studies this run will process, skipped ones excluded */
	BatchClock(int toProcess) {
		remaining = toProcess;
	}

	/** Returns the line reported when a study starts, e.g. "3/10 p03, elapsed 00:01:23, ETA 00:04:10". */
	String startLine(int number, int total, String study) {
		double eta = eta(processedSeconds, processed, remaining);
		return number + "/" + total + " " + study + ", elapsed " + hms(elapsedSeconds()) +
			", ETA " + (Double.isNaN(eta) ? "unknown" : hms(eta));
	}

	/** Records that a study was processed in the given time. */
	void studyProcessed(double seconds) {
		processedSeconds += seconds;
		processed++;
		remaining--;
	}

	/** Returns the seconds since the clock was created. */
	double elapsedSeconds() {
		return secondsSince(startNanos);
	}

	/**
	 * Returns the estimated seconds to process {@code remaining} more studies
	 * when {@code processed} studies took {@code processedSeconds} in all, or
	 * NaN before the first study has ended.
	 */
	static double eta(double processedSeconds, int processed, int remaining) {
		if (processed == 0) return Double.NaN;
		return processedSeconds / processed * remaining;
	}

	/** Returns seconds as "HH:MM:SS", rounded to whole seconds; hours may exceed 99. */
	static String hms(double seconds) {
		long total = Math.round(Math.max(0, seconds));
		return String.format(Locale.ROOT, "%02d:%02d:%02d", total / 3600, total / 60 % 60,
			total % 60);
	}

	/** Returns the seconds since a {@link System#nanoTime()} reading. */
	static double secondsSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}
}
