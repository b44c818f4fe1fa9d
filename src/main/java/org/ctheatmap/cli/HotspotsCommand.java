package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.ctheatmap.core.hotspot.Connectivity;
import org.ctheatmap.core.hotspot.Hotspot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code hotspots} subcommand: runs {@link HotspotsJob}. */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class, sortOptions = false,
	description = { "Finds hotspots, 3-D connected regions at or above a threshold, in a map" +
		" or CT and writes into the output folder:", "  " + HotspotsJob.CSV_NAME +
			"       volume (mm³), voxels, peak, mean, peak and centroid positions (mm),", "  " +
				HotspotsJob.ROIS_NAME + "  ImageJ ROI set: one outline per hotspot and slice,",
		"  " + HotspotsJob.SIDECAR_NAME + "      parameters and the same facts as JSON." },
	footer = { "", "Exit codes: 0 success, 2 invalid option or input, 1 other failure." })
final class HotspotsCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "INPUT",
		description = "Map or CT: NIfTI (.nii, .nii.gz), TIFF stack or DICOM, e.g. the" +
			" map.nii.gz of 'map'.")
	private Path input;

	@Option(names = "--out", required = true, paramLabel = "DIR",
		description = "Output folder; created if missing.")
	private Path out;

	@Option(names = "--threshold", required = true, paramLabel = "VALUE",
		description = "Voxels at or above this value (in the input's unit) form hotspots.")
	private double threshold;

	@Option(names = "--connectivity", paramLabel = "6|18|26", defaultValue = "26",
		description = "Neighbours that join voxels: faces (6), edges (18) or corners (26)" +
			" (default: ${DEFAULT-VALUE}).")
	private String connectivity;

	@Option(names = "--min-volume", paramLabel = "MM3", defaultValue = "10",
		description = "Drop hotspots smaller than this volume in mm³ (default:" +
			" ${DEFAULT-VALUE}).")
	private double minVolumeMm3;

	@Option(names = "--series", paramLabel = "UID",
		description = "DICOM Series Instance UID to read from a folder with several series.")
	private String seriesUid;

	@Option(names = "--overwrite", description = "Replace existing outputs.")
	private boolean overwrite;

	@Override
	public Integer call() throws Exception {
		Connectivity neighbours;
		try {
			neighbours = Connectivity.fromLabel(connectivity);
			if (!(minVolumeMm3 >= 0) || Double.isInfinite(minVolumeMm3)) {
				throw new IllegalArgumentException("--min-volume must be 0 mm³ or more, got " +
					minVolumeMm3);
			}
			if (!Double.isFinite(threshold)) {
				throw new IllegalArgumentException("--threshold must be a finite number");
			}
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage(), e);
		}
		List<Hotspot> hotspots = HotspotsJob.run(input, out, seriesUid, threshold, neighbours,
			minVolumeMm3, overwrite, new StderrProgress(spec.commandLine().getErr()));
		spec.commandLine().getOut().println("Found " + hotspots.size() + " hotspots; wrote " +
			out.resolve(HotspotsJob.CSV_NAME));
		return CtHeatMapCli.EXIT_OK;
	}
}
