package org.ctheatmap.cli;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.maps.ExternalMap;
import org.ctheatmap.core.maps.MapPercentiles;
import org.ctheatmap.core.maps.MapSettings;
import org.ctheatmap.core.maps.ParameterMaps;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.JsonWriter;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiWriter;
import org.ctheatmap.lut.ColourBar;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.HeatMapRenderer;
import org.ctheatmap.lut.HeatMapSettings;
import org.ctheatmap.lut.OrthogonalViews;
import org.ctheatmap.lut.OrthogonalViews.View;

/**
 * Runs one parameter-map job: read the CT, compute a map (or read an
 * external one on the same grid) and colour it over the grey CT. Writes the
 * map as NIfTI, a PNG montage, a PNG of orthogonal views with the maximum
 * projection (both PNGs with the colour bar) and a JSON sidecar. The outputs
 * appear together at the end or not at all (see {@link OutputStaging}).
 */
public final class MapJob {

	/** Map values as float32 NIfTI on the CT's grid. */
	public static final String NIFTI_NAME = "map.nii.gz";

	/** Montage of chosen slices with the colour bar. */
	public static final String PNG_NAME = "map.png";

	/** Axial, coronal and sagittal views and the axial maximum projection, with the bar. */
	public static final String VIEWS_NAME = "map-views.png";

	/** Parameters, the range used, map statistics and warnings. */
	public static final String SIDECAR_NAME = "map.json";

	private static final List<String> OUTPUTS = Collections.unmodifiableList(Arrays.asList(
		NIFTI_NAME, PNG_NAME, VIEWS_NAME, SIDECAR_NAME));

	/** Gap between views in the views PNG, in pixels. */
	private static final int GAP = 4;

	/** Views of smaller volumes are enlarged by a whole factor towards this width. */
	private static final int VIEW_SIZE = 256;

	/** Shortest colour-bar gradient in pixels, so 8 tick labels do not overlap. */
	private static final int MIN_BAR_LENGTH = 128;

	/** Room for the bar's title, unit and margins above and below the gradient. */
	private static final int BAR_TEXT_HEIGHT = 50;

	private MapJob() {}

	/** Returns the names of the files a job writes into its output folder. */
	public static List<String> outputNames() {
		return OUTPUTS;
	}

	/**
	 * Runs the job.
	 *
	 * @return the sidecar content as written
	 * @throws InvalidInputException if an input cannot be read, the external
	 *           map does not fit the CT, a slice does not exist, or an output
	 *           exists without overwrite
	 * @throws IOException if writing fails
	 */
	public static Map<String, Object> run(MapRequest request, ProgressListener progress)
		throws IOException
	{
		List<Path> inputs = new ArrayList<>(Collections.singletonList(request.input()));
		if (request.external() != null) inputs.add(request.external());
		if (request.maskFile() != null) inputs.add(request.maskFile());
		try (OutputStaging staging = OutputStaging.begin(request.outputFolder(), OUTPUTS, request
			.overwrite(), inputs))
		{
			CtVolume volume = CtReaders.open(request.input(), new ReadOptions(request.seriesUid(),
				progress));
			List<String> warnings = new ArrayList<>(volume.warnings());
			boolean[][] mask = mask(request, volume, warnings, progress);
			MapValues values = values(request, volume, mask, warnings, progress);
			HeatMapSettings settings = settings(request, values, mask, volume.depth());

			ImageStack rgb = HeatMapRenderer.flatten(volume, values.stack, settings, mask,
				"map", progress).getStack();
			ColourBar bar = new ColourBar(settings.scale(), values.title, settings.unit());
			int[] slices = montageSlices(request, volume);
			ColorProcessor montage = Montage.build(rgb, slices, request.montageColumns(), volume
				.geometry());
			savePng(fitted(bar, montage).appendTo(montage), staging.stagedFile(PNG_NAME));
			ColorProcessor row = views(request, volume, values.stack, settings, mask);
			savePng(fitted(bar, row).appendTo(row), staging.stagedFile(VIEWS_NAME));
			NiftiWriter.write(mapVolume(volume, values.stack), staging.stagedFile(NIFTI_NAME),
				NiftiDataType.FLOAT32);
			Map<String, Object> sidecar = MapSidecar.describe(request, volume, values.stack,
				values.description, values.unit, settings, mask, maskDescription(request), slices,
				warnings);
			JsonWriter.write(sidecar, staging.stagedFile(SIDECAR_NAME));
			staging.commit();
			return sidecar;
		}
	}

	/** The map's values, unit and a title for the colour bar. */
	private static final class MapValues {

		final ImageStack stack;
		final String unit;
		final String title;
		final Map<String, String> description;

		MapValues(ImageStack stack, String unit, String title, Map<String, String> description) {
			this.stack = stack;
			this.unit = unit;
			this.title = title;
			this.description = description;
		}
	}

	private static MapValues values(MapRequest request, CtVolume volume, boolean[][] mask,
		List<String> warnings, ProgressListener progress) throws IOException
	{
		MapSettings settings = request.settings();
		if (settings != null) {
			ImageStack stack = ParameterMaps.compute(volume, settings, mask, progress);
			String unit = request.unit() == null ? settings.type().unit() : request.unit();
			return new MapValues(stack, unit, settings.type().label(), settings.describe(volume
				.geometry().spacing()));
		}
		CtVolume read = CtReaders.open(request.external(), new ReadOptions(null, progress));
		ExternalMap external;
		try {
			external = ExternalMap.of(volume, read.image());
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException(request.external(), e.getMessage());
		}
		warnings.addAll(external.warnings());
		Map<String, String> description = new LinkedHashMap<>();
		description.put("Map", "external");
		description.put("File", request.external().getFileName().toString());
		description.put("Values", read.huConversion());
		String unit = request.unit() == null ? "a.u." : request.unit();
		return new MapValues(external.values(), unit, "Map", description);
	}

	private static HeatMapSettings settings(MapRequest request, MapValues values,
		boolean[][] mask, int depth)
	{
		double[] range = request.range();
		String source = "fixed";
		if (range == null) {
			double[] p = request.percentiles();
			range = MapPercentiles.of(values.stack, mask, depth, p[0], p[1]);
			if (!(range[1] > range[0])) range[1] = Math.nextUp(range[0]);
			source = "percentiles " + p[0] + " and " + p[1] + " of the map" + (mask == null ? ""
				: " inside the mask (" + maskDescription(request) + ")");
		}
		HeatMapSettings.Builder builder = HeatMapSettings.builder(Colormaps.get(request
			.colormap()), range[0], range[1]).threshold(request.threshold()).upperThreshold(
				request.upperThreshold()).opacity(request.opacity()).window(request.window()).unit(
					values.unit).rangeSource(source);
		double[] ramp = request.ramp();
		if (ramp != null) builder.opacityRamp(ramp[0], ramp[1]);
		return builder.build();
	}

	/** Returns the mask planes of the request, indexed by 0-based stack index, or null. */
	private static boolean[][] mask(MapRequest request, CtVolume volume, List<String> warnings,
		ProgressListener progress) throws IOException
	{
		if (MapRequest.MASK_BODY.equals(request.mask())) return bodyMask(volume, progress);
		Path file = request.maskFile();
		if (file == null) return null;
		CtVolume read = CtReaders.open(file, new ReadOptions(null, progress));
		ExternalMap labels;
		try {
			labels = ExternalMap.of(volume, read.image());
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException(file, e.getMessage());
		}
		warnings.addAll(labels.warnings());
		Integer wanted = request.maskLabel();
		ImageStack values = labels.values();
		boolean[][] planes = new boolean[values.getSize()][];
		long inside = 0;
		for (int n = 0; n < planes.length; n++) {
			float[] plane = (float[]) values.getPixels(n + 1);
			planes[n] = new boolean[plane.length];
			for (int i = 0; i < plane.length; i++) {
				planes[n][i] = wanted == null ? plane[i] > 0 : Math.round(plane[i]) == wanted;
				if (planes[n][i]) inside++;
			}
		}
		if (inside == 0) {
			throw new InvalidInputException(file, "contains no voxel of " + (wanted == null
				? "a label above 0" : "label " + wanted) + "; check --mask-label");
		}
		return planes;
	}

	/** Returns how the mask was made, for the sidecar and the range source. */
	static String maskDescription(MapRequest request) {
		if (MapRequest.MASK_BODY.equals(request.mask())) {
			return "body: HU > " + (int) BodyMask.THRESHOLD_HU + ", largest 6-connected" +
				" component, holes filled per slice";
		}
		Path file = request.maskFile();
		if (file == null) return "none";
		return "label map " + file.getFileName() + ", " + (request.maskLabel() == null
			? "labels above 0" : "label " + request.maskLabel());
	}

	private static boolean[][] bodyMask(CtVolume volume, ProgressListener progress) {
		boolean[][] planes = new boolean[volume.image().getStackSize()][];
		for (int t = 1; t <= volume.frames(); t++) {
			boolean[][] body = BodyMask.compute(volume, t, progress);
			System.arraycopy(body, 0, planes, (t - 1) * volume.depth(), volume.depth());
		}
		return planes;
	}

	/** Returns the three views through the view point and the axial projection, side by side. */
	private static ColorProcessor views(MapRequest request, CtVolume volume, ImageStack map,
		HeatMapSettings settings, boolean[][] mask) throws InvalidInputException
	{
		OrthogonalViews views = new OrthogonalViews(volume, map, settings, mask, 1);
		int[] p = request.viewPoint();
		int[] voxel = p == null ? new int[] { volume.width() / 2, volume.height() / 2, volume
			.depth() / 2 } : new int[] { p[0], p[1], p[2] - 1 };
		List<ColorProcessor> tiles = new ArrayList<>();
		try {
			tiles.add(views.slice(View.AXIAL, voxel));
			tiles.add(views.slice(View.CORONAL, voxel));
			tiles.add(views.slice(View.SAGITTAL, voxel));
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException(request.input(), e.getMessage() +
				"; check --view-point");
		}
		tiles.add(views.maximumProjection(View.AXIAL));
		int factor = Math.max(1, VIEW_SIZE / Math.max(volume.width(), volume.height()));
		for (int t = 0; t < tiles.size() && factor > 1; t++) {
			ColorProcessor tile = tiles.get(t);
			tile.setInterpolationMethod(ColorProcessor.NONE);
			tiles.set(t, (ColorProcessor) tile.resize(tile.getWidth() * factor, tile.getHeight() *
				factor));
		}
		int width = GAP;
		int height = 0;
		for (ColorProcessor tile : tiles) {
			width += tile.getWidth() + GAP;
			height = Math.max(height, tile.getHeight());
		}
		ColorProcessor row = new ColorProcessor(width, height + 2 * GAP);
		int x = GAP;
		for (ColorProcessor tile : tiles) {
			row.insert(tile, x, GAP);
			x += tile.getWidth() + GAP;
		}
		return row;
	}

	/**
	 * Returns the bar with a gradient that fits beside an image: at most the
	 * default 256 pixels, at least {@value #MIN_BAR_LENGTH}.
	 */
	private static ColourBar fitted(ColourBar bar, ColorProcessor image) {
		int length = Math.max(MIN_BAR_LENGTH, Math.min(256, image.getHeight() -
			BAR_TEXT_HEIGHT));
		return bar.withLength(length);
	}

	private static CtVolume mapVolume(CtVolume volume, ImageStack values) {
		ImagePlus image = new ImagePlus("map", values);
		image.setDimensions(1, volume.depth(), volume.frames());
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("Format", "CT Heat Map parameter map");
		return new CtVolume(image, volume.geometry(), "map values as computed", metadata,
			Collections.emptyList());
	}

	private static int[] montageSlices(MapRequest request, CtVolume volume)
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

	private static void savePng(ColorProcessor image, Path file) throws IOException {
		if (!new FileSaver(new ImagePlus("map", image)).saveAsPng(file.toString())) {
			throw new IOException("Failed to write " + file);
		}
	}
}
