package org.ctheatmap.cli;

import java.io.PrintWriter;

import org.ctheatmap.core.ProgressListener;

/**
 * Prints progress to a stream as lines such as "Rendering slice 20/48". A step
 * prints its first report, then one line each time it passes another tenth,
 * and its last report, so long series do not flood the terminal.
 */
final class StderrProgress implements ProgressListener {

	private final PrintWriter out;
	private String lastStep;
	private int lastTenth = -1;

	StderrProgress(PrintWriter out) {
		this.out = out;
	}

	@Override
	public void progress(String step, int done, int total) {
		if (!step.equals(lastStep)) {
			lastStep = step;
			lastTenth = -1;
		}
		int tenth = total <= 0 ? 10 : (int) (10L * done / total);
		if (tenth == lastTenth && done != total) return;
		lastTenth = tenth;
		out.println(format(step, done, total));
		out.flush();
	}

	/** Returns e.g. "Rendering slice 20/48" for the step "Rendering slice". */
	static String format(String step, int done, int total) {
		return step + " " + done + "/" + total;
	}
}
