package org.ctheatmap.batch;

/**
 * Receives the progress of a {@link BatchJob}: one line when a study starts,
 * is skipped or ends, and a last line when the batch ends.
 */
public interface BatchListener {

	/** A listener that ignores every report. */
	BatchListener NONE = (done, total, line) -> {};

	/**
	 * Reports a line such as "3/10 p03, elapsed 00:01:23, ETA 00:04:10".
	 *
	 * @param done studies ended so far, skipped ones included
	 * @param total studies of the batch
	 */
	void progress(int done, int total, String line);

	/** Receives the outcome of a study that this run processed, when it ends. */
	default void studyEnded(StudyOutcome outcome) {}
}
