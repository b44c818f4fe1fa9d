package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ctheatmap.measure.MeasurementTable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code measure} subcommand: turns its options into a
 * {@link MeasureRequest} and runs {@link MeasureJob}. Errors propagate to
 * {@link CtHeatMapCli}, which prints them and picks the exit code.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class, sortOptions = false,
	description = { "Measures the regions of a label map or an ImageJ ROI set in a CT:" +
		" voxels, area (mm²), volume (mm³), mean, SD, min, max, median and percentiles in" +
		" HU, and the fraction of voxels above a threshold. Writes into the output folder:",
		"  " + MeasureJob.CSV_NAME + "   one row per region, units in the headers,", "  " +
			MeasureJob.SIDECAR_NAME + "  inputs, spacing, statistics definitions, version.",
		"Outputs appear only when both are complete." },
	footer = { "", "Exit codes: 0 success, 2 invalid option or input, 1 other failure." })
final class MeasureCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "CT",
		description = "CT to measure: DICOM folder or file, NIfTI file (.nii, .nii.gz) or TIFF" +
			" stack.")
	private Path ct;

	@ArgGroup(exclusive = true, multiplicity = "1")
	private Regions regions;

	@Option(names = "--out", required = true, paramLabel = "DIR",
		description = "Output folder; created if missing.")
	private Path out;

	@Option(names = "--threshold", paramLabel = "HU", defaultValue = "0",
		description = "Reports the fraction of voxels strictly above this HU (default:" +
			" ${DEFAULT-VALUE}).")
	private double thresholdHu;

	@Option(names = "--series", paramLabel = "UID",
		description = "DICOM Series Instance UID to read from a folder with several series" +
			" (default: the largest CT series).")
	private String seriesUid;

	@Option(names = "--overwrite", description = "Replace existing output files.")
	private boolean overwrite;

	/** The two ways to give regions; exactly one is required. */
	static final class Regions {

		@Option(names = "--labels", paramLabel = "LABELMAP", required = true,
			description = "Label map on the CT's voxel grid (NIfTI, TIFF or DICOM); every" +
				" label L > 0 is the region 'Label L'.")
		Path labels;

		@Option(names = "--rois", paramLabel = "SET.zip", required = true,
			description = "ImageJ ROI set (.zip saved by the ROI Manager, or one .roi file);" +
				" ROIs of one name or group form one region.")
		Path rois;
	}

	@Override
	public Integer call() throws Exception {
		MeasureRequest request = regions.labels != null ? MeasureRequest.withLabels(ct,
			regions.labels, out) : MeasureRequest.withRois(ct, regions.rois, out);
		request = request.thresholdHu(thresholdHu).seriesUid(seriesUid).overwrite(overwrite);
		MeasurementTable table = MeasureJob.run(request, new StderrProgress(spec.commandLine()
			.getErr()));
		spec.commandLine().getOut().println("Measured " + table.rows().size() +
			" regions into " + out.resolve(MeasureJob.CSV_NAME));
		return CtHeatMapCli.EXIT_OK;
	}
}
