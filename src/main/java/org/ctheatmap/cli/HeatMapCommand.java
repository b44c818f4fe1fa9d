package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code heatmap} subcommand: turns its options into a
 * {@link HeatMapRequest} and runs {@link HeatMapJob}.
 */
@Command(name = "heatmap", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class, sortOptions = false,
	description = { "Colours a CT by its Hounsfield units (HU) over a grey CT window and" +
		" writes into the output folder:", "  " + HeatMapJob.TIFF_NAME +
			"  RGB stack of every slice with the colour burnt in,", "  " + HeatMapJob.PNG_NAME +
				"  montage of chosen slices with the colour bar,", "  " + HeatMapJob.SIDECAR_NAME +
					" parameters, input facts, HU statistics and warnings.",
		"Outputs appear only when all of them are complete." },
	footer = { "", "Exit codes: 0 success, 2 invalid option or input, 1 other failure." })
final class HeatMapCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "INPUT",
		description = "DICOM folder or file, NIfTI file (.nii, .nii.gz) or TIFF stack.")
	private Path input;

	@Option(names = "--out", required = true, paramLabel = "DIR",
		description = "Output folder; created if missing.")
	private Path out;

	@Option(names = "--series", paramLabel = "UID",
		description = "DICOM Series Instance UID to read from a folder with several series" +
			" (default: the largest CT series).")
	private String seriesUid;

	@Mixin
	private HeatMapOptions options;

	@Option(names = "--slices", paramLabel = "LIST", split = ",",
		description = "Comma-separated 1-based slice numbers for the PNG montage, e.g." +
			" 5,12,20 (default: evenly spaced slices).")
	private int[] slices;

	@Option(names = "--overwrite",
		description = "Replace outputs that exist already in the output folder.")
	private boolean overwrite;

	@Override
	public Integer call() throws Exception {
		HeatMapRequest request;
		try {
			request = request();
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage(), e);
		}
		HeatMapResult result = HeatMapJob.run(request, new StderrProgress(spec.commandLine()
			.getErr()));
		// Reader warnings (uneven spacing, tilt, skipped files) must be seen, not only
		// found later in the sidecar.
		for (String warning : result.volume().warnings()) {
			spec.commandLine().getErr().println(CtHeatMapCli.PROGRAM + ": warning: " + warning);
		}
		spec.commandLine().getErr().flush();
		return CtHeatMapCli.EXIT_OK;
	}

	/**
	 * Builds the request from the parsed options.
	 *
	 * @throws IllegalArgumentException naming the first invalid option
	 */
	HeatMapRequest request() {
		return options.builder(input, out).seriesUid(seriesUid).slices(slices).overwrite(overwrite)
			.build();
	}
}
