package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;

import picocli.CommandLine.Command;
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

	@Option(names = "--window", paramLabel = "NAME",
		description = "Grey window preset of the background: lung, mediastinum, soft-tissue," +
			" bone, brain, liver, stroke, subdural (default: soft-tissue, centre 50 HU," +
			" width 400 HU).")
	private String window;

	@Option(names = "--window-center", paramLabel = "HU",
		description = "Custom window centre in HU; needs --window-width.")
	private Double windowCenterHu;

	@Option(names = "--window-width", paramLabel = "HU",
		description = "Custom window width in HU, above 0; needs --window-center.")
	private Double windowWidthHu;

	@Option(names = "--colormap", paramLabel = "NAME", defaultValue = Colormaps.VIRIDIS,
		description = "Colour table: viridis, inferno, magma, plasma, cividis, turbo, fire," +
			" grays, coolwarm, RdBu (default: ${DEFAULT-VALUE}).")
	private String colormap;

	@Option(names = "--min", paramLabel = "HU", defaultValue = "-100",
		description = "HU shown with the first colour of the table (default: ${DEFAULT-VALUE}).")
	private double minHu;

	@Option(names = "--max", paramLabel = "HU", defaultValue = "200",
		description = "HU shown with the last colour of the table (default: ${DEFAULT-VALUE})." +
			" Values outside min..max get the end colours.")
	private double maxHu;

	@Option(names = "--threshold", paramLabel = "HU",
		description = "Voxels below this HU get no colour, so the grey CT shows through" +
			" (default: the --min value).")
	private Double thresholdHu;

	@Option(names = "--opacity", paramLabel = "0..1", defaultValue = "0.5",
		description = "Opacity of the colour over the grey CT, 0 to 1" +
			" (default: ${DEFAULT-VALUE}).")
	private double opacity;

	@Option(names = "--smooth", paramLabel = "MM", defaultValue = "0",
		description = "Radius in mm of a local mean applied to the HU before colouring;" +
			" 0 for none (default: ${DEFAULT-VALUE}). Statistics use the unsmoothed HU.")
	private double smoothingRadiusMm;

	@Option(names = "--slices", paramLabel = "LIST", split = ",",
		description = "Comma-separated 1-based slice numbers for the PNG montage, e.g." +
			" 5,12,20 (default: evenly spaced slices).")
	private int[] slices;

	@Option(names = "--montage", paramLabel = "COLUMNS", defaultValue = "4",
		description = "Tiles per row of the PNG montage (default: ${DEFAULT-VALUE}).")
	private int montageColumns;

	@Option(names = "--montage-slices", paramLabel = "N", defaultValue = "12",
		description = "Number of evenly spaced slices in the montage when --slices is not" +
			" given (default: ${DEFAULT-VALUE}).")
	private int montageSlices;

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
		HeatMapJob.run(request, new StderrProgress(spec.commandLine().getErr()));
		return CtHeatMapCli.EXIT_OK;
	}

	/**
	 * Builds the request from the parsed options.
	 *
	 * @throws IllegalArgumentException naming the first invalid option
	 */
	HeatMapRequest request() {
		return new HeatMapRequest.Builder(input, out).seriesUid(seriesUid).window(window())
			.colormap(colormap).range(minHu, maxHu).thresholdHu(thresholdHu).opacity(opacity)
			.smoothingRadiusMm(smoothingRadiusMm).slices(slices).montage(montageColumns,
				montageSlices).overwrite(overwrite).build();
	}

	private CtWindow window() {
		boolean custom = windowCenterHu != null || windowWidthHu != null;
		if (!custom) {
			return CtWindow.preset(window == null ? CtWindow.SOFT_TISSUE : presetName(window));
		}
		if (window != null && !presetName(window).equalsIgnoreCase(CtWindow.CUSTOM)) {
			throw new IllegalArgumentException("Use either --window or --window-center with" +
				" --window-width, not both");
		}
		if (windowCenterHu == null || windowWidthHu == null) {
			throw new IllegalArgumentException("A custom window needs both --window-center and" +
				" --window-width");
		}
		return CtWindow.custom(windowCenterHu, windowWidthHu);
	}

	/** Accepts "soft-tissue" and "soft_tissue" for the preset "Soft tissue". */
	private static String presetName(String text) {
		return text.replace('-', ' ').replace('_', ' ');
	}
}
