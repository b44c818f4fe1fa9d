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
 * The {@code map} subcommand: turns its options into a {@link MapRequest}
 * and runs {@link MapJob}.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class, sortOptions = false,
	description = { "Computes a parameter map of a CT (or reads one made elsewhere on the" +
		" CT's grid), colours it over the grey CT and writes into the output folder:", "  " +
			MapJob.NIFTI_NAME + "   map values, float32 NIfTI on the CT's grid,", "  " +
				MapJob.PNG_NAME + "      montage of chosen slices with the colour bar,", "  " +
					MapJob.VIEWS_NAME + " axial, coronal, sagittal views and maximum projection,",
		"  " + MapJob.SIDECAR_NAME + "     parameters, colour range used, map statistics.",
		"Outputs appear only when all of them are complete." },
	footer = { "", "Exit codes: 0 success, 2 invalid option or input, 1 other failure." })
final class MapCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "INPUT",
		description = "CT: DICOM folder or file, NIfTI file (.nii, .nii.gz) or TIFF stack.")
	private Path input;

	@Option(names = "--out", required = true, paramLabel = "DIR",
		description = "Output folder; created if missing.")
	private Path out;

	@Option(names = "--series", paramLabel = "UID",
		description = "DICOM Series Instance UID to read from a folder with several series.")
	private String seriesUid;

	@Option(names = "--map", paramLabel = "NAME", defaultValue = "sd",
		description = "Map to compute: mean, sd (HU), gradient (HU/mm), entropy (bits) or" +
			" range (%% of voxels in --hu-range) (default: ${DEFAULT-VALUE}).")
	private String map;

	@Option(names = "--external", paramLabel = "FILE",
		description = "Colour this map instead (NIfTI, TIFF or DICOM on the CT's voxel grid)," +
			" e.g. a probability map from another tool.")
	private Path external;

	@Option(names = "--radius", paramLabel = "MM", defaultValue = "2",
		description = "Half-size of the box in mm along each axis (default: ${DEFAULT-VALUE}).")
	private double radiusMm;

	@Option(names = "--hu-range", paramLabel = "LOW,HIGH", split = ",",
		description = "HU counted by the range map, inclusive (default: -1024,-950," +
			" emphysema; fat is -190,-30).")
	private double[] huRange;

	@Option(names = "--bin-width", paramLabel = "HU", defaultValue = "16",
		description = "HU per histogram bin of the entropy map (default: ${DEFAULT-VALUE}).")
	private double binWidthHu;

	@Option(names = "--mask", paramLabel = "NAME|FILE", defaultValue = MapRequest.MASK_NONE,
		description = "none, body, or a label map on the CT's grid (e.g. a TotalSegmentator" +
			" NIfTI): only voxels inside take part, the rest stays grey (default:" +
			" ${DEFAULT-VALUE}).")
	private String mask;

	@Option(names = "--mask-label", paramLabel = "N",
		description = "With a label map as --mask: only this label forms the mask (default:" +
			" every label above 0).")
	private Integer maskLabel;

	@Option(names = "--colormap", paramLabel = "NAME", defaultValue = Colormaps.VIRIDIS,
		description = "Colour table: viridis, inferno, magma, plasma, cividis, turbo, hot," +
			" fire, grays, coolwarm, RdBu, jet (legacy) (default: ${DEFAULT-VALUE}).")
	private String colormap;

	@Option(names = "--window", paramLabel = "NAME", defaultValue = "soft-tissue",
		description = "Grey window of the CT: lung, mediastinum, soft-tissue, bone, brain," +
			" liver, stroke, subdural (default: ${DEFAULT-VALUE}).")
	private String window;

	@Option(names = "--min", paramLabel = "VALUE",
		description = "Map value of the first colour; needs --max (default: --percentiles).")
	private Double min;

	@Option(names = "--max", paramLabel = "VALUE",
		description = "Map value of the last colour; needs --min.")
	private Double max;

	@Option(names = "--percentiles", paramLabel = "LOW,HIGH", split = ",",
		description = "Colour range from these percentiles of the map (inside the mask) when" +
			" --min and --max are not given (default: 2,98).")
	private double[] percentiles;

	@Option(names = "--threshold", paramLabel = "VALUE",
		description = "Map values below it get no colour (default: none).")
	private Double threshold;

	@Option(names = "--upper-threshold", paramLabel = "VALUE",
		description = "Map values above it get no colour (default: none).")
	private Double upperThreshold;

	@Option(names = "--opacity", paramLabel = "0..1", defaultValue = "0.5",
		description = "Opacity of the colour over the grey CT (default: ${DEFAULT-VALUE}).")
	private double opacity;

	@Option(names = "--ramp", paramLabel = "FROM,TO", split = ",",
		description = "Opacity ramp: 0 at map value FROM, full at TO (default: none).")
	private double[] ramp;

	@Option(names = "--unit", paramLabel = "TEXT",
		description = "Unit on the colour bar, e.g. HU, ΔHU, %%, a.u. (default: the map's" +
			" unit; a.u. for --external).")
	private String unit;

	@Option(names = "--slices", paramLabel = "LIST", split = ",",
		description = "1-based slices of the montage (default: evenly spaced).")
	private int[] slices;

	@Option(names = "--montage", paramLabel = "COLUMNS", defaultValue = "4",
		description = "Tiles per montage row (default: ${DEFAULT-VALUE}).")
	private int montageColumns;

	@Option(names = "--montage-slices", paramLabel = "N", defaultValue = "12",
		description = "Evenly spaced montage slices (default: ${DEFAULT-VALUE}).")
	private int montageSlices;

	@Option(names = "--view-point", paramLabel = "X,Y,SLICE", split = ",",
		description = "Crossing point of the views: 0-based pixel x and y, 1-based slice" +
			" (default: the centre).")
	private int[] viewPoint;

	@Option(names = "--overwrite", description = "Replace existing outputs.")
	private boolean overwrite;

	@Override
	public Integer call() throws Exception {
		MapRequest request;
		try {
			request = request();
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage(), e);
		}
		MapJob.run(request, new StderrProgress(spec.commandLine().getErr()));
		spec.commandLine().getOut().println("Wrote " + MapJob.outputNames() + " into " + out);
		return CtHeatMapCli.EXIT_OK;
	}

	/**
	 * Builds the request from the parsed options.
	 *
	 * @throws IllegalArgumentException naming the first invalid option
	 */
	MapRequest request() {
		String windowName = window.replace('-', ' ').replace('_', ' ');
		MapRequest.Builder builder = new MapRequest.Builder(input, out).seriesUid(seriesUid)
			.map(map).external(external).radiusMm(radiusMm).binWidthHu(binWidthHu);
		builder.mask(mask).maskLabel(maskLabel).colormap(colormap).window(CtWindow.preset(
			windowName));
		builder.range(min, max).thresholds(threshold, upperThreshold).opacity(opacity).ramp(
			ramp).unit(unit);
		builder.slices(slices).montage(montageColumns, montageSlices).viewPoint(viewPoint)
			.overwrite(overwrite);
		if (huRange != null) {
			require(huRange.length == 2, "--hu-range needs LOW,HIGH");
			builder.huRange(huRange[0], huRange[1]);
		}
		if (percentiles != null) {
			require(percentiles.length == 2, "--percentiles needs LOW,HIGH");
			builder.percentiles(percentiles[0], percentiles[1]);
		}
		return builder.build();
	}

	private static void require(boolean condition, String message) {
		if (!condition) throw new IllegalArgumentException(message);
	}
}
