package org.ctheatmap.cli;

import ij.ImagePlus;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.CtFilter;
import org.ctheatmap.core.filter.FilterSettings;
import org.ctheatmap.core.filter.FilterType;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code filter} subcommand: smooths or filters a CT in HU and writes a 32-bit TIFF. */
@Command(name = "filter", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class, sortOptions = false,
	description = { "Filters a CT in Hounsfield units (HU) and writes a 32-bit HU TIFF stack" +
		" and a JSON sidecar (same name, .json) with the parameters.",
		"Only voxels inside the volume count at the border; NaN voxels stay NaN." },
	footer = { "", "Exit codes: 0 success, 2 invalid option or input, 1 other failure." })
final class FilterCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "INPUT",
		description = "DICOM folder or file, NIfTI file (.nii, .nii.gz) or TIFF stack.")
	private Path input;

	@Option(names = "--out", required = true, paramLabel = "FILE",
		description = "Output TIFF file (.tif or .tiff).")
	private Path out;

	@Option(names = "--filter", required = true, paramLabel = "NAME",
		description = "gaussian, median, mean, variance or bilateral.")
	private String filter;

	@Option(names = "--sigma-mm", paramLabel = "MM",
		description = "Gaussian sigma, or bilateral spatial sigma, in mm.")
	private Double sigmaMm;

	@Option(names = "--radius-mm", paramLabel = "MM",
		description = "Neighbourhood radius of median, mean and variance in mm: voxels whose" +
			" centres lie within this distance count.")
	private Double radiusMm;

	@Option(names = "--range-sigma-hu", paramLabel = "HU",
		description = "Bilateral range sigma in HU.")
	private Double rangeSigmaHu;

	@Option(names = "--2d", description = "Filter each slice on its own (default: 3-D).")
	private boolean twoD;

	@Option(names = "--series", paramLabel = "UID",
		description = "DICOM Series Instance UID to read from a folder with several series.")
	private String seriesUid;

	@Option(names = "--overwrite", description = "Replace outputs that exist already.")
	private boolean overwrite;

	@Override
	public Integer call() throws Exception {
		FilterSettings settings;
		try {
			settings = settings();
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage(), e);
		}
		ProgressListener progress = ProcessedOutput.serialized(new StderrProgress(spec
			.commandLine().getErr()));
		ProcessedOutput.sidecarOf(out);
		CtVolume volume = CtReaders.open(input, new ReadOptions(seriesUid, progress));
		ImagePlus image = CtFilter.apply(volume.image(), settings, true, progress);
		ProcessedOutput.sanitize(image, "filtered", PatientGeometry.PROPERTY_KEY,
			CtFilter.PROPERTY_KEY);
		Map<String, Object> sidecar = new LinkedHashMap<>();
		sidecar.put("software", ProcessedOutput.software("filter"));
		sidecar.put("input", ProcessedOutput.input(input, volume));
		sidecar.put("filter", settings.toMap());
		sidecar.put("description", settings.describe());
		sidecar.put("boundary", "only voxels inside the volume and not NaN contribute;" +
			" weights are renormalised over them");
		sidecar.put("output", out.getFileName().toString());
		ProcessedOutput.write(image, sidecar, out, overwrite, Collections.singletonList(input));
		return CtHeatMapCli.EXIT_OK;
	}

	/**
	 * Builds the settings from the options.
	 *
	 * @throws IllegalArgumentException naming the missing or invalid option
	 */
	FilterSettings settings() {
		FilterType type = FilterType.fromName(filter);
		Double size = type.sizeIsSigma() ? sigmaMm : radiusMm;
		String option = type.sizeIsSigma() ? "--sigma-mm" : "--radius-mm";
		if (size == null) {
			throw new IllegalArgumentException("--filter " + type.cliName() + " needs " + option);
		}
		if (type == FilterType.BILATERAL && rangeSigmaHu == null) {
			throw new IllegalArgumentException("--filter bilateral needs --range-sigma-hu");
		}
		return new FilterSettings(type, size, rangeSigmaHu == null ? Double.NaN : rangeSigmaHu,
			!twoD);
	}
}
