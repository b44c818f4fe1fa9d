package org.ctheatmap.commands;

import org.ctheatmap.core.ProgressListener;
import org.scijava.app.StatusService;

/**
 * Forwards core progress to Fiji's status bar as "COMMAND: step". The core's
 * last report of a step has {@code done == total}, which clears the bar.
 */
final class StatusProgress implements ProgressListener {

	private final StatusService status;
	private final String command;

	/** @param status the status service, or null to report nothing */
	StatusProgress(StatusService status, String command) {
		this.status = status;
		this.command = command;
	}

	@Override
	public void progress(String step, int done, int total) {
		if (status == null) return;
		status.showStatus(done, total, command + ": " + step);
	}
}
