package org.ctheatmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.ctheatmap.batch.BatchJob;
import org.ctheatmap.batch.Study;
import org.ctheatmap.batch.StudyFinder;
import org.ctheatmap.batch.StudyList;
import org.ctheatmap.batch.StudyOutcome;
import org.ctheatmap.batch.StudyRequests;
import org.ctheatmap.batch.StudyStatus;
import org.ctheatmap.io.InvalidInputException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code batch} subcommand: finds the studies of a folder with
 * {@link StudyFinder} and runs {@link BatchJob} on all of them, or on one
 * chosen by name or index for an array job on a cluster.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class, sortOptions = false,
	description = { "Draws the heat map of every study in IN_DIR with the same options.",
		"A study is a sub-folder that contains DICOM files, or a file ending in",
		"  .nii, .nii.gz, .tif, .tiff, .nrrd, .nhdr, .mha, .mhd or .dcm.",
		"Writes into OUT_DIR:",
		"  STUDY/             " + HeatMapJob.TIFF_NAME + ", " + HeatMapJob.PNG_NAME + ", " +
			HeatMapJob.SIDECAR_NAME + ", " + BatchJob.LOG_NAME,
		"  " + BatchJob.SUMMARY_NAME + "  status of every study: ok, failed, skipped or pending",
		"A failed study is reported and the batch goes on. Studies finished earlier",
		"are skipped unless --overwrite is given." },
	footer = { "", "Exit codes: 0 every study ok or skipped, 1 a study failed, 2 invalid" +
		" option or input folder." })
final class BatchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "IN_DIR",
		description = "Folder of studies; only read.")
	private Path inputFolder;

	@Option(names = "--out", required = true, paramLabel = "OUT_DIR",
		description = "Batch output folder; created if missing. It may lie inside IN_DIR.")
	private Path out;

	@Mixin
	private HeatMapOptions options;

	@Option(names = "--overwrite",
		description = "Process finished studies again and replace their folders.")
	private boolean overwrite;

	@ArgGroup(exclusive = true)
	private Selection selection;

	@Option(names = "--list",
		description = "Print the studies with their 0-based index and state, then exit" +
			" without processing.")
	private boolean list;

	/** Chooses one study, as one task of an array job does. */
	static final class Selection {

		@Option(names = "--study", paramLabel = "NAME",
			description = "Process only the study of this name (see --list); writes no summary.")
		String name;

		@Option(names = "--index", paramLabel = "N",
			description = "Process only the study at this 0-based index of the sorted list," +
				" e.g. $SLURM_ARRAY_TASK_ID; writes no summary.")
		Integer index;

		Study pick(StudyList studies) {
			return name != null ? studies.byName(name) : studies.byIndex(index);
		}
	}

	@Override
	public Integer call() throws Exception {
		StudyRequests requests = (input, folder) -> options.builder(input, folder).overwrite(
			overwrite).build();
		Study chosen;
		StudyList studies;
		try {
			requests.request(inputFolder, out);
			studies = StudyFinder.find(inputFolder, out);
			chosen = selection == null ? null : selection.pick(studies);
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage(), e);
		}
		PrintWriter err = spec.commandLine().getErr();
		for (String note : studies.notes()) {
			err.println(note);
		}
		err.flush();
		if (list) {
			printList(studies);
			return CtHeatMapCli.EXIT_OK;
		}
		if (studies.studies().isEmpty()) {
			throw new InvalidInputException(inputFolder, "contains no studies: no sub-folder with" +
				" DICOM files and no file ending in " + String.join(", ",
					StudyFinder.IMAGE_EXTENSIONS));
		}
		return run(new BatchJob(out, requests, overwrite, (done, total, line) -> {
			err.println(line);
			err.flush();
		}), studies, chosen);
	}

	/** Runs the batch; a shutdown hook abandons it on Ctrl-C or a scheduler's SIGTERM. */
	private static int run(BatchJob job, StudyList studies, Study chosen) throws Exception {
		Thread hook = new Thread(job::abandon, "ct-heatmap batch shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		List<StudyOutcome> outcomes;
		try {
			outcomes = chosen == null ? job.runAll(studies.studies()) : Collections.singletonList(
				job.runOne(chosen));
		} finally {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// The JVM is shutting down already, and the hook is running.
			}
		}
		for (StudyOutcome outcome : outcomes) {
			if (outcome.status() == StudyStatus.FAILED) return CtHeatMapCli.EXIT_FAILURE;
		}
		return CtHeatMapCli.EXIT_OK;
	}

	/** Prints "index, study, state, input" tab-separated, one study per line, after a header. */
	private void printList(StudyList studies) throws Exception {
		PrintWriter stdout = spec.commandLine().getOut();
		stdout.println("index\tstudy\tstate\tinput");
		List<Study> all = studies.studies();
		for (int i = 0; i < all.size(); i++) {
			Study study = all.get(i);
			String state = BatchJob.isFinished(out, study) ? "finished" : "pending";
			stdout.println(i + "\t" + study.name() + "\t" + state + "\t" + study.input());
		}
		stdout.flush();
	}
}
