package org.ctheatmap.core;

/**
 * Receives progress from long-running steps. Core code reports through this
 * interface only; commands adapt it to Fiji's status bar and the command line
 * to stderr.
 */
@FunctionalInterface
public interface ProgressListener {

	/** A listener that ignores every report. */
	ProgressListener NONE = (step, done, total) -> {};

	/**
	 * Reports that {@code done} of {@code total} units of {@code step} are
	 * finished; {@code done == total} ends the step.
	 */
	void progress(String step, int done, int total);
}
