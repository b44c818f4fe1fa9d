package org.ctheatmap.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.ctheatmap.core.ProgressListener;

/**
 * The log of one study: a header, the first and last report of every step
 * with the time since the study started, warnings and the result. Lines are
 * flushed as they are written, so a study that hangs can be inspected in its
 * staging folder.
 */
final class StudyLog implements ProgressListener, Closeable {

	private final PrintWriter out;
	private final long startNanos = System.nanoTime();
	private String lastStep;

	private StudyLog(PrintWriter out) {
		this.out = out;
	}

	/** Creates the log file, which must not exist yet. */
	static StudyLog create(Path file) throws IOException {
		return new StudyLog(new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
			StandardOpenOption.CREATE_NEW), true));
	}

	/** Writes one line. */
	void line(String text) {
		out.println(text);
	}

	/** Writes the start time, truncated to seconds, with the local UTC offset. */
	void started() {
		line("Started: " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
	}

	@Override
	public void progress(String step, int done, int total) {
		boolean first = !step.equals(lastStep);
		lastStep = step;
		if (first || done == total) {
			line("+" + BatchClock.hms(seconds()) + " " + step + " " + done + "/" + total);
		}
	}

	/** Returns the seconds since the log was created. */
	double seconds() {
		return BatchClock.secondsSince(startNanos);
	}

	/** Writes the stack trace of an error that is not a known input problem. */
	void stackTrace(Throwable error) {
		StringWriter text = new StringWriter();
		error.printStackTrace(new PrintWriter(text));
		out.print(text);
		out.flush();
	}

	@Override
	public void close() throws IOException {
		boolean failed = out.checkError();
		out.close();
		if (failed) throw new IOException("Failed to write the study log");
	}
}
