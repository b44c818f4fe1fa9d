package org.ctheatmap.batch;

import java.util.Locale;

/** State of a study in a batch summary; {@link #label()} is the CSV text. */
public enum StudyStatus {

	/** Processed by this run; its outputs are complete. */
	OK,
	/** Processed by this run and failed; its folder contains only the log. */
	FAILED,
	/** Finished earlier (complete sidecar and outputs) and left as it was. */
	SKIPPED,
	/** Not processed yet: the run is still going on or was interrupted. */
	PENDING;

	/** Returns the lower-case name written to the summary, e.g. "ok". */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
