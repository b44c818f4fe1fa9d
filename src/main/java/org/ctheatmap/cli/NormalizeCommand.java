package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.normalize.NormalizationMethod;
import org.ctheatmap.core.normalize.NormalizationScope;
import org.ctheatmap.core.normalize.NormalizationSettings;
import org.ctheatmap.core.normalize.NormalizedStudy;
import org.ctheatmap.core.normalize.OutsideMask;
import org.ctheatmap.core.normalize.VoxelMask;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.lut.CtWindow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code normalize} subcommand: normalizes a CT in HU and writes a 32-bit
 * TIFF and a JSON sidecar with the settings and the statistics used.
 */
@Command(name = "normalize", mixinStandardHelpOptions = true,
	versionProvider = CtHeatMapCli.Version.class, sortOptions = false,
	description = { "Normalizes a CT in Hounsfield units (HU) and writes a 32-bit TIFF stack" +
		" and a JSON sidecar (same name, .json) with the settings and the statistics used." },
	footer = { "", "Exit codes: 0 success, 2 invalid option or input, 1 other failure." })
final class NormalizeCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "INPUT",
		description = "DICOM folder or file, NIfTI file (.nii, .nii.gz) or TIFF stack.")
	private Path input;

	@Option(names = "--out", required = true, paramLabel = "FILE",
		description = "Output TIFF file (.tif or .tiff).")
	private Path out;

	@Option(names = "--method", paramLabel = "NAME", defaultValue = "window",
		description = "window, min-max, z-score, percentile or histogram-matching" +
			" (default: ${DEFAULT-VALUE}).")
	private String method;

	@Option(names = "--window", paramLabel = "NAME",
		description = "Window preset: lung, mediastinum, soft-tissue, bone, brain, liver," +
			" stroke, subdural (default: soft-tissue).")
	private String window;

	@Option(names = "--window-center", paramLabel = "HU",
		description = "Custom window centre in HU; needs --window-width.")
	private Double windowCenterHu;

	@Option(names = "--window-width", paramLabel = "HU",
		description = "Custom window width in HU, above 0; needs --window-center.")
	private Double windowWidthHu;

	@Option(names = "--window-output", paramLabel = "KIND", defaultValue = "normalized",
		description = "normalized: (HU - bottom) / width clamped to 0..1; display-range: HU" +
			" kept, window stored as the display range (default: ${DEFAULT-VALUE}).")
	private String windowOutput;

	@Option(names = "--percentiles", paramLabel = "LOW,HIGH", split = ",",
		defaultValue = "1,99",
		description = "Percentiles in percent for --method percentile (default: 1,99).")
	private double[] percentiles;

	@Option(names = "--no-clamp",
		description = "Keep percentile-normalized values outside 0..1.")
	private boolean noClamp;

	@Option(names = "--reference", paramLabel = "FILE",
		description = "Reference study for --method histogram-matching.")
	private Path reference;

	@Option(names = "--quantiles", paramLabel = "N", defaultValue = "1024",
		description = "Quantiles matched by histogram matching (default: ${DEFAULT-VALUE}).")
	private int quantiles;

	@Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "stack",
		description = "stack: one set of statistics per time point; slice: per slice" +
			" (default: ${DEFAULT-VALUE}).")
	private String scope;

	@Option(names = "--mask", paramLabel = "MASK", defaultValue = "none",
		description = "Voxels whose statistics count: none, body (automatic body mask; also" +
			" applied to the reference) or a mask file whose non-zero voxels count" +
			" (default: ${DEFAULT-VALUE}).")
	private String mask;

	@Option(names = "--outside", paramLabel = "POLICY", defaultValue = "nan",
		description = "Voxels outside the mask: nan, unchanged (input HU) or mapped" +
			" (default: ${DEFAULT-VALUE}).")
	private String outside;

	@Option(names = "--series", paramLabel = "UID",
		description = "DICOM Series Instance UID to read from a folder with several series.")
	private String seriesUid;

	@Option(names = "--overwrite", description = "Replace outputs that exist already.")
	private boolean overwrite;

	@Override
	public Integer call() throws Exception {
		NormalizationSettings settings;
		try {
			settings = settings();
			if (settings.method() == NormalizationMethod.HISTOGRAM_MATCHING && reference == null) {
				throw new IllegalArgumentException("--method histogram-matching needs --reference");
			}
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage(), e);
		}
		ProgressListener progress = ProcessedOutput.serialized(new StderrProgress(spec
			.commandLine().getErr()));
		ProcessedOutput.sidecarOf(out);
		List<Path> inputs = new ArrayList<>();
		inputs.add(input);
		CtVolume volume = CtReaders.open(input, new ReadOptions(seriesUid, progress));
		FloatVolume referenceValues = null;
		VoxelMask referenceMask = null;
		if (settings.method() == NormalizationMethod.HISTOGRAM_MATCHING) {
			inputs.add(reference);
			referenceValues = frameOne(CtReaders.open(reference, new ReadOptions(null, progress)));
			if ("body".equalsIgnoreCase(mask)) {
				referenceMask = VoxelMask.body(referenceValues, progress);
			}
		}
		NormalizedStudy.MaskSupplier masks = masks(volume, inputs, progress);
		NormalizedStudy study = NormalizedStudy.run(volume, masks, mask, settings,
			referenceValues, referenceMask, progress);

		ProcessedOutput.sanitize(study.image(), "normalized", PatientGeometry.PROPERTY_KEY,
			NormalizedStudy.PROPERTY_KEY);
		ProcessedOutput.write(study.image(), sidecar(volume, study), out, overwrite, inputs);
		return CtHeatMapCli.EXIT_OK;
	}

	private Map<String, Object> sidecar(CtVolume volume, NormalizedStudy study) {
		Map<String, Object> sidecar = new LinkedHashMap<>();
		sidecar.put("software", ProcessedOutput.software("normalize"));
		sidecar.put("input", ProcessedOutput.input(input, volume));
		if (reference != null) sidecar.put("reference", reference.toString());
		sidecar.putAll(study.toMap());
		sidecar.put("notes", "HU statistics leave out NaN voxels; sdHu is the population SD" +
			" (divisor N); percentiles interpolate linearly between ranks; output = (HU - offsetHu)" +
			" / scaleHu, clamped where the method says so");
		sidecar.put("output", out.getFileName().toString());
		return sidecar;
	}

	private NormalizedStudy.MaskSupplier masks(CtVolume volume, List<Path> inputs,
		ProgressListener progress) throws java.io.IOException
	{
		if ("none".equalsIgnoreCase(mask)) return null;
		if ("body".equalsIgnoreCase(mask)) return (frame, hu) -> VoxelMask.body(hu, progress);
		Path file = Path.of(mask);
		inputs.add(file);
		CtVolume maskVolume = CtReaders.open(file, new ReadOptions(null, progress));
		if (maskVolume.width() != volume.width() || maskVolume.height() != volume.height() ||
			maskVolume.depth() != volume.depth())
		{
			throw new InvalidInputException(file, "is " + maskVolume.width() + " x " + maskVolume
				.height() + " x " + maskVolume.depth() + " but the CT is " + volume.width() + " x " +
				volume.height() + " x " + volume.depth());
		}
		VoxelMask fileMask = VoxelMask.nonZero(maskVolume.image().getStack());
		return (frame, hu) -> fileMask;
	}

	private static FloatVolume frameOne(CtVolume volume) {
		float[][] planes = new float[volume.depth()][];
		for (int z = 1; z <= volume.depth(); z++) {
			planes[z - 1] = (float[]) volume.image().getStack().getPixels(volume.image()
				.getStackIndex(1, z, 1));
		}
		return new FloatVolume(volume.width(), volume.height(), planes);
	}

	/**
	 * Builds the settings from the options.
	 *
	 * @throws IllegalArgumentException naming the first invalid option
	 */
	NormalizationSettings settings() {
		NormalizationMethod m = NormalizationMethod.fromName(method);
		NormalizationSettings.Builder builder = new NormalizationSettings.Builder(m).scope(
			NormalizationScope.fromName(scope)).outside(OutsideMask.fromName(outside)).quantiles(
				quantiles);
		if (m == NormalizationMethod.WINDOW) {
			CtWindow w = window();
			boolean display = "display-range".equalsIgnoreCase(windowOutput);
			if (!display && !"normalized".equalsIgnoreCase(windowOutput)) {
				throw new IllegalArgumentException("--window-output must be normalized or" +
					" display-range, got '" + windowOutput + "'");
			}
			builder.window(w.name(), w.centerHu(), w.widthHu(), display);
		}
		if (m == NormalizationMethod.PERCENTILE) {
			if (percentiles.length != 2) {
				throw new IllegalArgumentException("--percentiles needs two values, LOW,HIGH");
			}
			builder.percentiles(percentiles[0], percentiles[1], !noClamp);
		}
		return builder.build();
	}

	private CtWindow window() {
		if (windowCenterHu == null && windowWidthHu == null) {
			return CtWindow.preset(window == null ? CtWindow.SOFT_TISSUE : window.replace('-', ' ')
				.replace('_', ' '));
		}
		if (window != null) {
			throw new IllegalArgumentException("Use either --window or --window-center with" +
				" --window-width, not both");
		}
		if (windowCenterHu == null || windowWidthHu == null) {
			throw new IllegalArgumentException("A custom window needs both --window-center and" +
				" --window-width");
		}
		return CtWindow.custom(windowCenterHu, windowWidthHu);
	}
}
