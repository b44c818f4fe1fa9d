package org.ctheatmap.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.cli.HeatMapJob;
import org.ctheatmap.cli.HeatMapRequest;
import org.ctheatmap.cli.HeatMapResult;
import org.ctheatmap.io.CsvWriter;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.SoftwareVersion;

/**
 * Runs {@link HeatMapJob} on each study of a batch, one after the other,
 * with the same settings, into {@code OUTPUT/<study>/}.
 * <p>
 * Each study gets its own log ({@value #LOG_NAME}); a study that fails is
 * recorded and the batch goes on. A study that is finished already (see
 * {@link StudyFolder#isFinished}) is skipped unless the job overwrites.
 * Each study is staged in a hidden folder and renamed into place, and
 * {@link #runAll} rewrites the summary {@value #SUMMARY_NAME} (temporary file
 * and rename) after every study, so an interrupted batch leaves complete
 * study folders and a valid summary whose unprocessed rows are "pending".
 * Reprocessing a study replaces its folder, also when the new attempt fails.
 * <p>
 * {@link #abandon()} may be called from another thread, e.g. a shutdown hook.
 */
public final class BatchJob {

	/** Summary table in the batch output folder, one row per study. */
	public static final String SUMMARY_NAME = "batch-summary.csv";

	/** Log of one study, in its output folder. */
	public static final String LOG_NAME = "heatmap.log";

	private final Path outputFolder;
	private final StudyRequests requests;
	private final boolean overwrite;
	private final BatchListener listener;

	private volatile boolean abandoned;
	private volatile Path currentStaging;

	/**
	 * @param outputFolder batch output folder; created when a run starts
	 * @param requests builds each study's request; see {@link StudyRequests}
	 * @param overwrite whether finished studies are processed again
	 * @param listener receives progress lines and outcomes
	 */
	public BatchJob(Path outputFolder, StudyRequests requests, boolean overwrite,
		BatchListener listener) throws IOException
	{
		this.outputFolder = StudyFinder.canonical(outputFolder);
		this.requests = requests;
		this.overwrite = overwrite;
		this.listener = listener;
	}

	/**
	 * Processes the studies in list order and writes the summary after each.
	 *
	 * @return one outcome per study, in list order
	 * @throws IOException if the output folder or the summary cannot be
	 *           written; problems of a single study are outcomes, not
	 *           exceptions
	 */
	public List<StudyOutcome> runAll(List<Study> studies) throws IOException {
		return run(studies, true);
	}

	/**
	 * Processes one study, as one task of an array job does, and writes no
	 * summary, because tasks running at the same time would overwrite each
	 * other's.
	 *
	 * @throws IOException if the output folder cannot be created
	 */
	public StudyOutcome runOne(Study study) throws IOException {
		return run(Collections.singletonList(study), false).get(0);
	}

	/**
	 * Returns whether a study's folder in a batch output folder is finished:
	 * its heat-map outputs exist and its sidecar is complete.
	 */
	public static boolean isFinished(Path outputFolder, Study study) throws IOException {
		return StudyFolder.isFinished(outputFolder.resolve(study.name()));
	}

	/**
	 * Stops the run after the current step: the current study is not renamed
	 * into place, its staging folder is deleted, and neither outcomes nor the
	 * summary are written any more. Safe to call from any thread.
	 */
	public void abandon() {
		abandoned = true;
		Path staging = currentStaging;
		if (staging == null) return;
		try {
			StudyFolder.deleteRecursively(staging);
		} catch (IOException e) {
			// NOTE: the job thread may still be writing into it; the hidden folder then stays.
		}
	}

	private List<StudyOutcome> run(List<Study> studies, boolean summary) throws IOException {
		Files.createDirectories(outputFolder);
		int total = studies.size();
		StudyOutcome[] outcomes = new StudyOutcome[total];
		int toProcess = 0;
		for (int i = 0; i < total; i++) {
			outcomes[i] = initialOutcome(studies.get(i));
			if (outcomes[i].status() == StudyStatus.PENDING) toProcess++;
		}
		if (summary) writeSummary(outcomes);
		BatchClock clock = new BatchClock(toProcess);
		for (int i = 0; i < total && !abandoned; i++) {
			String name = studies.get(i).name();
			if (outcomes[i].status() == StudyStatus.SKIPPED) {
				listener.progress(i + 1, total, (i + 1) + "/" + total + " " + name +
					": skipped, finished earlier");
				continue;
			}
			listener.progress(i, total, clock.startLine(i + 1, total, name));
			StudyOutcome outcome = process(studies.get(i));
			if (abandoned) break;
			outcomes[i] = outcome;
			clock.studyProcessed(outcome.seconds());
			if (summary) writeSummary(outcomes);
			listener.studyEnded(outcome);
			listener.progress(i + 1, total, (i + 1) + "/" + total + " " + endText(outcome));
		}
		if (!abandoned) listener.progress(total, total, finalLine(outcomes, clock, summary));
		return Arrays.asList(outcomes);
	}

	/** Returns SKIPPED for a finished study that is not overwritten, PENDING otherwise. */
	private StudyOutcome initialOutcome(Study study) throws IOException {
		Path folder = outputFolder.resolve(study.name());
		if (overwrite || !StudyFolder.isFinished(folder)) return StudyOutcome.pending(study);
		return new StudyOutcome(study, StudyStatus.SKIPPED, null, null, StudyFolder.slices(folder),
			StudyFolder.presentFiles(folder, study.name()));
	}

	/** Processes one study; returns its outcome, which is meaningless once abandoned. */
	private StudyOutcome process(Study study) throws IOException {
		long start = System.nanoTime();
		Path target = outputFolder.resolve(study.name());
		String conflict = conflict(study, target);
		if (conflict != null) {
			return new StudyOutcome(study, StudyStatus.FAILED, conflict, BatchClock.secondsSince(
				start), null, Collections.emptyList());
		}
		Path staging = StudyFolder.stage(outputFolder);
		currentStaging = staging;
		try {
			StudyOutcome outcome;
			try (StudyLog log = StudyLog.create(staging.resolve(LOG_NAME))) {
				outcome = heatMap(study, staging, log);
			}
			if (!abandoned) StudyFolder.commit(staging, target);
			return outcome;
		} catch (IOException e) {
			return new StudyOutcome(study, StudyStatus.FAILED, "could not write the study folder " +
				target + ": " + oneLine(e), BatchClock.secondsSince(start), null, StudyFolder
					.presentFiles(target, study.name()));
		} finally {
			currentStaging = null;
			StudyFolder.deleteRecursively(staging);
		}
	}

	/**
	 * Returns why a study's folder cannot be written, or null: the folder
	 * would contain or lie inside the study's input, or contains files that the
	 * batch did not write.
	 */
	private static String conflict(Study study, Path target) throws IOException {
		Path input = StudyFinder.canonical(study.input());
		if (input.startsWith(target) || target.startsWith(input)) {
			return target + ": the study folder would overlap the input " + input +
				"; choose another output folder";
		}
		if (Files.exists(target) && !Files.isDirectory(target)) {
			return target + ": exists and is not a folder; move it or choose another output folder";
		}
		List<String> others = StudyFolder.otherEntries(target);
		if (!others.isEmpty()) {
			return target + ": contains files this batch did not write (" + String.join(", ",
				others) + "); move them or choose another output folder";
		}
		return null;
	}

	/** Runs the heat-map job of one study into the staging folder, logging as it goes. */
	private StudyOutcome heatMap(Study study, Path staging, StudyLog log) {
		log.line(SoftwareVersion.NAME + " " + SoftwareVersion.version() + ", batch study " +
			study.name());
		log.line("Input: " + study.input());
		log.started();
		try {
			HeatMapRequest request = requests.request(study.input(), staging);
			log.line("Settings: " + request.toMap());
			HeatMapResult result = HeatMapJob.run(request, log);
			for (String warning : result.volume().warnings()) {
				log.line("Warning: " + warning);
			}
			double seconds = log.seconds();
			int slices = result.volume().depth();
			log.line("Finished: ok in " + BatchClock.hms(seconds) + ", " + slices(slices));
			List<String> outputs = new ArrayList<>();
			for (String name : StudyFolder.fileNames()) {
				outputs.add(study.name() + "/" + name);
			}
			return new StudyOutcome(study, StudyStatus.OK, null, seconds, slices, outputs);
		} catch (IOException | RuntimeException e) {
			log.line("Failed after " + BatchClock.hms(log.seconds()) + ": " + oneLine(e));
			if (!(e instanceof InvalidInputException)) log.stackTrace(e);
			return failed(study, oneLine(e), log.seconds());
		} catch (OutOfMemoryError e) {
			String message = "out of memory while processing this study; give Java more memory" +
				" (-Xmx) or process it alone";
			log.line("Failed after " + BatchClock.hms(log.seconds()) + ": " + message);
			return failed(study, message, log.seconds());
		}
	}

	private static StudyOutcome failed(Study study, String message, double seconds) {
		return new StudyOutcome(study, StudyStatus.FAILED, message, seconds, null, Collections
			.singletonList(study.name() + "/" + LOG_NAME));
	}

	private void writeSummary(StudyOutcome[] outcomes) throws IOException {
		if (abandoned) return;
		List<List<Object>> rows = new ArrayList<>();
		for (StudyOutcome outcome : outcomes) {
			rows.add(outcome.cells());
		}
		CsvWriter.write(StudyOutcome.COLUMNS, rows, outputFolder.resolve(SUMMARY_NAME));
	}

	private static String endText(StudyOutcome outcome) {
		String name = outcome.study().name();
		if (outcome.status() == StudyStatus.FAILED) return name + ": failed: " + outcome.error();
		return name + ": ok in " + BatchClock.hms(outcome.seconds()) + ", " + slices(outcome
			.slices());
	}

	private String finalLine(StudyOutcome[] outcomes, BatchClock clock, boolean summary) {
		int[] counts = new int[StudyStatus.values().length];
		for (StudyOutcome outcome : outcomes) {
			counts[outcome.status().ordinal()]++;
		}
		return "Batch finished in " + BatchClock.hms(clock.elapsedSeconds()) + ": " +
			counts[StudyStatus.OK.ordinal()] + " ok, " + counts[StudyStatus.FAILED.ordinal()] +
			" failed, " + counts[StudyStatus.SKIPPED.ordinal()] + " skipped" + (summary
				? "; summary in " + outputFolder.resolve(SUMMARY_NAME) : "");
	}

	private static String slices(int count) {
		return count + (count == 1 ? " slice" : " slices");
	}

	/** Returns the message of an error on one line, or its class name when it has none. */
	static String oneLine(Throwable error) {
		String message = error.getMessage() == null ? error.getClass().getName() : error
			.getMessage();
		return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
	}
}
