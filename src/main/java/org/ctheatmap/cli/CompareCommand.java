package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.ctheatmap.compare.Alignment;
import org.ctheatmap.compare.ComparisonSettings;
import org.ctheatmap.compare.DifferenceSettings;
import org.ctheatmap.compare.FollowUpComparison;
import org.ctheatmap.compare.RegistrationMetric;
import org.ctheatmap.compare.RegistrationSettings;
import org.ctheatmap.compare.report.ComparisonReport;
import org.ctheatmap.compare.report.ReportOptions;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code compare} subcommand: turns its options into a
 * {@link CompareRequest} and runs {@link CompareJob}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class, sortOptions = false,
	description = { "Compares a baseline CT with follow-ups: aligns each follow-up onto the" +
		" baseline grid, maps the change in HU and %%, measures regions at every time point and" +
		" writes a report folder:",
		"  change-NAME-hu.png, change-NAME-percent.png  montages with a colour bar,",
		"  change-NAME-*.nii.gz, aligned-NAME.nii.gz    float32 maps on the baseline grid,",
		"  " + ComparisonReport.SUMMARY_NAME + "    alignment and change statistics per" +
			" follow-up,",
		"  " + ComparisonReport.CHANGES_NAME + ", trend-REGION.png  region table and plots" +
			" (with --labels or --rois),",
		"  " + ComparisonReport.SIDECAR_NAME + " inputs, parameters, transforms, ranges.",
		"The folder appears only when complete." },
	footer = { "", "Exit codes: 0 success, 2 invalid option or input, 1 other failure." })
final class CompareCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "BASELINE",
		description = "Baseline CT: DICOM folder or file, NIfTI file or TIFF stack. Its grid is" +
			" the grid of every output.")
	private Path baseline;

	@Parameters(index = "1..*", arity = "1..*", paramLabel = "FOLLOWUP",
		description = "One or more follow-up CTs, in time order.")
	private List<Path> followUps;

	@Option(names = "--out", required = true, paramLabel = "DIR",
		description = "Report folder; must not exist unless --overwrite is given.")
	private Path out;

	@Option(names = "--names", split = ",", paramLabel = "LIST",
		description = "Comma-separated time point names, the baseline's first (default:" +
			" baseline, follow-up 1, follow-up 2...).")
	private List<String> names;

	@Option(names = "--alignment", paramLabel = "MODE", defaultValue = "automatic",
		description = "automatic (patient coordinates when the scans share a DICOM frame of" +
			" reference, else registration), patient-coordinates or registration (default:" +
			" ${DEFAULT-VALUE}).")
	private String alignment;

	@Option(names = "--metric", paramLabel = "NAME", defaultValue = "ncc",
		description = "Similarity measure of the registration: ncc (normalized" +
			" cross-correlation, same scanner type) or mattes-mi (mutual information, other" +
			" scanners or kernels) (default: ${DEFAULT-VALUE}).")
	private String metric;

	@Option(names = "--labels", paramLabel = "LABELMAP",
		description = "Label map in the baseline's patient space; every label L > 0 is the" +
			" region 'Label L', measured at every time point.")
	private Path labels;

	@Option(names = "--rois", paramLabel = "SET.zip",
		description = "ImageJ ROI set drawn on the baseline, measured at every time point.")
	private Path rois;

	@Option(names = "--smooth", paramLabel = "MM", defaultValue = "0",
		description = "Sigma in mm of a Gaussian applied to both scans before subtracting; 0 for" +
			" none (default: ${DEFAULT-VALUE}).")
	private double smoothingSigmaMm;

	@Option(names = "--min-baseline", paramLabel = "HU", defaultValue = "10",
		description = "The %% change is left empty where |baseline| is below this HU (default:" +
			" ${DEFAULT-VALUE}).")
	private double minBaselineHu;

	@Option(names = "--all-voxels",
		description = "Map changes everywhere, not only inside the baseline body mask.")
	private boolean allVoxels;

	@Option(names = "--range", paramLabel = "HU",
		description = "Colour range -HU..+HU of the change maps (default: the 99th percentile" +
			" of |change| in the body, rounded up).")
	private Double rangeHu;

	@Option(names = "--percent-range", paramLabel = "PERCENT",
		description = "Colour range of the %% maps (default: automatic as for --range).")
	private Double rangePercent;

	@Option(names = "--colormap", paramLabel = "NAME", defaultValue = Colormaps.COOLWARM,
		description = "Diverging colour table: coolwarm or RdBu (default: ${DEFAULT-VALUE}).")
	private String colormap;

	@Option(names = "--window", paramLabel = "NAME", defaultValue = "soft-tissue",
		description = "Grey window of the background: lung, mediastinum, soft-tissue, bone," +
			" brain, liver, stroke, subdural (default: ${DEFAULT-VALUE}).")
	private String window;

	@Option(names = "--no-nifti", description = "Do not write the NIfTI maps.")
	private boolean noNifti;

	@Option(names = "--overwrite", description = "Replace an existing report folder.")
	private boolean overwrite;

	@Override
	public Integer call() throws Exception {
		CompareRequest request;
		try {
			request = request();
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage(), e);
		}
		CompareResult result = CompareJob.run(request, new StderrProgress(spec.commandLine()
			.getErr()));
		for (FollowUpComparison followUp : result.comparison().followUps()) {
			spec.commandLine().getOut().println(String.format(Locale.ROOT,
				"%s: %s, mean change %.2f HU (SD %.2f) over %d voxels", followUp.timePoint().name(),
				followUp.alignment().label().toLowerCase(Locale.ROOT), followUp.summary().all()
					.mean(), followUp.summary().all().sd(), followUp.summary().all().count()));
			for (String warning : followUp.warnings()) {
				spec.commandLine().getErr().println(CtHeatMapCli.PROGRAM + ": warning: " + warning);
			}
		}
		spec.commandLine().getOut().println("Report written to " + result.folder());
		return CtHeatMapCli.EXIT_OK;
	}

	/**
	 * Builds the request from the parsed options.
	 *
	 * @throws IllegalArgumentException naming the first invalid option
	 */
	CompareRequest request() {
		// Inside the report options NaN means "automatic", so a typed NaN must not pass.
		if (rangeHu != null && rangeHu.isNaN() || rangePercent != null && rangePercent.isNaN()) {
			throw new IllegalArgumentException("--range and --percent-range must be numbers above" +
				" 0; leave them out for an automatic range");
		}
		if (!Colormaps.COOLWARM.equalsIgnoreCase(colormap) && !Colormaps.RDBU.equalsIgnoreCase(
			colormap))
		{
			throw new IllegalArgumentException("--colormap must be a diverging table, coolwarm or" +
				" RdBu, so that no change shows in the neutral middle colour; got " + colormap);
		}
		ComparisonSettings settings = new ComparisonSettings(Alignment.fromLabel(alignment),
			RegistrationSettings.DEFAULT.withMetric(RegistrationMetric.fromLabel(metric)),
			new DifferenceSettings(smoothingSigmaMm, minBaselineHu),
			!allVoxels);
		ReportOptions report = new ReportOptions(colormap, rangeHu == null ? Double.NaN
			: rangeHu, rangePercent == null ? Double.NaN : rangePercent, CtWindow.preset(window
				.replace('-', ' ').replace('_', ' ')), ReportOptions.DEFAULT.opacity(),
			ReportOptions.DEFAULT.montageSlices(), ReportOptions.DEFAULT.montageColumns(),
			!noNifti);
		return new CompareRequest(baseline, followUps, names, labels, rois, out, settings,
			report, overwrite);
	}
}
