package org.ctheatmap.cli;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.JsonWriter;
import org.ctheatmap.io.SoftwareVersion;

/**
 * Writes the output of the {@code filter} and {@code normalize} subcommands:
 * a 32-bit TIFF stack and, beside it, a JSON sidecar with the same name and
 * the extension ".json". Both appear together or not at all (see
 * {@link OutputStaging}).
 */
final class ProcessedOutput {

	private ProcessedOutput() {}

	/**
	 * Returns the sidecar path of an output TIFF: "out.tif" gives "out.json".
	 *
	 * @throws InvalidInputException unless the file name ends in .tif or .tiff
	 */
	static Path sidecarOf(Path tiff) throws InvalidInputException {
		String name = tiff.getFileName().toString();
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		int cut = lower.endsWith(".tiff") ? 5 : lower.endsWith(".tif") ? 4 : -1;
		if (cut < 0) {
			throw new InvalidInputException(tiff, "the output must be a .tif or .tiff file");
		}
		return tiff.resolveSibling(name.substring(0, name.length() - cut) + ".json");
	}

	/**
	 * Saves the image as a TIFF and the sidecar beside it.
	 *
	 * @param inputs files the run read; neither output may replace one
	 * @throws InvalidInputException if an output exists and overwrite is false
	 * @throws IOException if writing fails
	 */
	static void write(ImagePlus image, Map<String, Object> sidecar, Path tiff,
		boolean overwrite, List<Path> inputs) throws IOException
	{
		Path json = sidecarOf(tiff);
		Path folder = tiff.toAbsolutePath().getParent();
		String tiffName = tiff.getFileName().toString();
		String jsonName = json.getFileName().toString();
		try (OutputStaging staging = OutputStaging.begin(folder, Arrays.asList(tiffName,
			jsonName), overwrite, inputs))
		{
			FileSaver saver = new FileSaver(image);
			String path = staging.stagedFile(tiffName).toString();
			boolean saved = image.getStackSize() > 1 ? saver.saveAsTiffStack(path) : saver
				.saveAsTiff(path);
			if (!saved) throw new IOException("Failed to write " + tiff);
			JsonWriter.write(sidecar, staging.stagedFile(jsonName));
			staging.commit();
		}
	}

	/** Returns the software block of a sidecar. */
	static Map<String, Object> software(String subcommand) {
		Map<String, Object> software = new LinkedHashMap<>();
		software.put("name", SoftwareVersion.NAME);
		software.put("version", SoftwareVersion.version());
		software.put("command", CtHeatMapCli.PROGRAM + " " + subcommand);
		return software;
	}

	/** Returns non-identifying facts about the input volume. */
	static Map<String, Object> input(Path path, CtVolume volume) {
		PatientGeometry geometry = volume.geometry();
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("path", path.toString());
		input.put("format", volume.metadata().get("Format"));
		input.put("seriesInstanceUid", volume.metadata().get("SeriesInstanceUID"));
		input.put("dimensions", new int[] { volume.width(), volume.height(), volume.depth(),
			volume.frames() });
		input.put("dimensionsOrder", "columns, rows, slices, time points");
		input.put("spacingMm", geometry.spacing());
		input.put("originMm", geometry.origin());
		input.put("huConversion", volume.huConversion());
		input.put("warnings", new ArrayList<>(volume.warnings()));
		return input;
	}

	/**
	 * Returns a listener that passes reports on one at a time, because the
	 * filters report from several threads.
	 */
	static ProgressListener serialized(ProgressListener progress) {
		return new ProgressListener() {

			@Override
			public synchronized void progress(String step, int done, int total) {
				progress.progress(step, done, total);
			}
		};
	}

	/**
	 * Sets the title, removes slice labels, the "Info" text and every image
	 * property except {@code keptKeys}, so that no source file name or header,
	 * which might name the patient, reaches the TIFF.
	 */
	static void sanitize(ImagePlus image, String title, String... keptKeys) {
		image.setTitle(title);
		for (int n = 1; n <= image.getStackSize(); n++) {
			image.getStack().setSliceLabel(null, n);
		}
		image.setProperty("Info", null);
		String[] pairs = image.getPropertiesAsArray();
		List<String> kept = Arrays.asList(keptKeys);
		if (pairs == null) return;
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (!kept.contains(pairs[i])) image.setProp(pairs[i], null);
		}
	}
}
