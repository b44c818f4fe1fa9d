package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.Callable;

import org.ctheatmap.phantom.PhantomWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code phantom} subcommand: writes the synthetic test phantom and its ground truth. */
@Command(name = "phantom", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class,
	description = { "Writes a synthetic trunk CT at three time points (baseline, lesion" +
		" grown by 3 mm, lesion 40 HU lower) as DICOM series folders and int16 NIfTI files," +
		" with ground-truth.json.", "Outputs appear only when all of them are complete." })
final class PhantomCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--out", required = true, paramLabel = "DIR",
		description = "Output folder; created if missing.")
	private Path out;

	@Option(names = "--overwrite",
		description = "Replace phantom files and folders that exist already in the output" +
			" folder.")
	private boolean overwrite;

	@Override
	public Integer call() throws Exception {
		StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
		try (OutputStaging staging = OutputStaging.begin(out, PhantomWriter.outputNames(),
			overwrite, Collections.emptyList()))
		{
			PhantomWriter.write(staging.stagingFolder(), progress);
			staging.commit();
		}
		return CtHeatMapCli.EXIT_OK;
	}
}
