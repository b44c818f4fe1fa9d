package org.ctheatmap.cli;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ColorProcessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuStatistics;
import org.ctheatmap.core.LocalMean;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.JsonWriter;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.lut.ColourBar;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.HeatMapRenderer;
import org.ctheatmap.lut.HeatMapSettings;

/**
 * Runs one heat-map job: read the CT, optionally smooth the HU, colour them
 * over the grey window, and write the RGB TIFF stack, the PNG montage with
 * its colour bar and the JSON sidecar. The outputs appear together at the
 * end or not at all (see {@link OutputStaging}).
 */
public final class HeatMapJob {

	/** RGB stack of every slice with the colour burnt in. */
	public static final String TIFF_NAME = "heatmap.tif";

	/** Montage of the chosen slices with the colour bar on the right. */
	public static final String PNG_NAME = "heatmap.png";

	/** Sidecar with parameters, input facts, statistics and warnings. */
	public static final String SIDECAR_NAME = "heatmap.json";

	private static final String RENDER_STEP = "Rendering slice";

	private static final List<String> OUTPUTS = Collections.unmodifiableList(Arrays.asList(
		TIFF_NAME, PNG_NAME, SIDECAR_NAME));

	private HeatMapJob() {}

	/** Returns the names of the files a job writes into its output folder. */
	public static List<String> outputNames() {
		return OUTPUTS;
	}

	/**
	 * Runs the job.
	 *
	 * @param progress receives reading, smoothing and rendering progress
	 * @return what was written and measured
	 * @throws InvalidInputException if the input cannot be read as CT, a
	 *           requested slice does not exist, or an output exists and the
	 *           request does not allow overwriting
	 * @throws IOException if writing fails
	 */
	public static HeatMapResult run(HeatMapRequest request, ProgressListener progress)
		throws IOException
	{
		try (OutputStaging staging = OutputStaging.begin(request.outputFolder(), OUTPUTS, request
			.overwrite(), Collections.singletonList(request.input())))
		{
			CtVolume volume = CtReaders.open(request.input(), new ReadOptions(request.seriesUid(),
				progress));
			int[] slices = montageSlices(request, volume);
			HuStatistics whole = HuStatistics.of(volume);
			HuStatistics body = HuStatistics.ofBody(volume, progress);

			ImageStack values = request.smoothingRadiusMm() > 0 ? LocalMean.smooth(volume.image()
				.getStack(), volume, request.smoothingRadiusMm(), progress) : volume.image()
					.getStack();
			HeatMapSettings settings = settings(request);
			ImageStack rgb = render(volume, values, settings, progress);

			saveTiff(rgb, volume, staging.stagedFile(TIFF_NAME));
			ColorProcessor montage = Montage.build(rgb, slices, request.montageColumns(), volume
				.geometry());
			ColourBar bar = new ColourBar(settings.scale(), "Heat map", CtVolume.VALUE_UNIT);
			savePng(bar.appendTo(montage), staging.stagedFile(PNG_NAME));
			HeatMapResult result = new HeatMapResult(volume, whole, body, slices, staging
				.finalFile(TIFF_NAME), staging.finalFile(PNG_NAME), staging.finalFile(
					SIDECAR_NAME));
			JsonWriter.write(HeatMapSidecar.describe(request, settings, result), staging
				.stagedFile(SIDECAR_NAME));
			staging.commit();
			return result;
		}
	}

	/** Returns the renderer settings of a request; every value is HU. */
	static HeatMapSettings settings(HeatMapRequest request) {
		return HeatMapSettings.builder(Colormaps.get(request.colormap()), request.minHu(),
			request.maxHu()).threshold(request.thresholdHu()).opacity(request.opacity()).window(
				request.window()).unit(CtVolume.VALUE_UNIT).build();
	}

	/**
	 * Returns the flattened RGB slices, labelled "slice n" so that no source
	 * file name, which might name the patient, reaches the TIFF.
	 */
	private static ImageStack render(CtVolume volume, ImageStack values,
		HeatMapSettings settings, ProgressListener progress)
	{
		ProgressListener rendering = (step, done, total) -> progress.progress(RENDER_STEP, done,
			total);
		ImageStack rgb = HeatMapRenderer.flatten(volume, values, settings, "heat map", rendering)
			.getStack();
		for (int n = 1; n <= rgb.getSize(); n++) {
			rgb.setSliceLabel("slice " + n, n);
		}
		return rgb;
	}

	/**
	 * Returns the requested slices, checked against the depth, or evenly
	 * spaced ones; montages show the first time point.
	 */
	private static int[] montageSlices(HeatMapRequest request, CtVolume volume)
		throws InvalidInputException
	{
		int[] slices = request.slices();
		if (slices == null) return Montage.evenlySpaced(volume.depth(), request.montageSlices());
		for (int slice : slices) {
			if (slice > volume.depth()) {
				throw new InvalidInputException(request.input(), "has " + volume.depth() +
					" slices, so --slices " + slice + " does not exist");
			}
		}
		return slices;
	}

	private static void saveTiff(ImageStack rgb, CtVolume volume, Path file)
		throws IOException
	{
		ImagePlus image = new ImagePlus(volume.image().getTitle() + " heat map", rgb);
		image.setDimensions(1, volume.depth(), volume.frames());
		Calibration source = volume.image().getCalibration();
		Calibration calibration = image.getCalibration();
		calibration.pixelWidth = source.pixelWidth;
		calibration.pixelHeight = source.pixelHeight;
		calibration.pixelDepth = source.pixelDepth;
		calibration.setUnit("mm");
		FileSaver saver = new FileSaver(image);
		boolean saved = rgb.getSize() > 1 ? saver.saveAsTiffStack(file.toString()) : saver
			.saveAsTiff(file.toString());
		if (!saved) {
			throw new IOException("Failed to write " + file);
		}
	}

	private static void savePng(ColorProcessor image, Path file) throws IOException {
		if (!new FileSaver(new ImagePlus("montage", image)).saveAsPng(file.toString())) {
			throw new IOException("Failed to write " + file);
		}
	}
}
