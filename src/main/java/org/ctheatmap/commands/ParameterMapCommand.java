package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.maps.MapSettings;
import org.ctheatmap.core.maps.MapType;
import org.ctheatmap.core.maps.ParameterMaps;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Computes a parameter map of a CT image: local mean, local SD, gradient
 * magnitude, local entropy or the percentage of voxels in an HU range, over
 * a box whose size is given in mm (see {@link ParameterMaps}). The result is
 * a new 32-bit image on the CT's grid, whose value unit and "Info" property
 * state what it holds; "Heat Map Overlay" colours it over the CT with
 * {@code valueMap}. The input image is not modified.
 * <p>
 * Field names are the macro keys; never rename one.
 */
@Plugin(type = Command.class, headless = true,
	menuPath = "Plugins>CT Heat Map>Parameter Map")
public class ParameterMapCommand extends ContextCommand {

	/** Name used in status messages and cancel reasons. */
	static final String NAME = "Parameter Map";

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "CT image (HU)")
	private ImagePlus image;

	@Parameter(label = "Map", persist = false, choices = { "Local mean", "Local SD",
		"Gradient magnitude", "Local entropy", "HU in range" },
		description = "Mean and SD in HU, gradient in HU/mm, entropy in bits, HU in range in %")
	private String map = MapType.LOCAL_SD.label();

	@Parameter(label = "Radius (mm)", persist = false,
		description = "Half-size of the box in mm along each axis; 0 for single voxels")
	private double radiusMm = 2;

	@Parameter(label = "Range low (HU)", persist = false,
		description = "HU in range only: lowest HU counted, e.g. -1024 for emphysema")
	private double rangeLowHu = -1024;

	@Parameter(label = "Range high (HU)", persist = false,
		description = "HU in range only: highest HU counted, e.g. -950 for emphysema")
	private double rangeHighHu = -950;

	@Parameter(label = "Entropy bin width (HU)", persist = false,
		description = "Local entropy only: HU per histogram bin")
	private double entropyBinWidthHu = 16;

	@Parameter(label = "Mask", persist = false, choices = { MapInputs.MASK_NONE,
		MapInputs.MASK_BODY, MapInputs.MASK_ROI },
		description = "Only voxels inside take part; outside the map is NaN")
	private String mask = MapInputs.MASK_NONE;

	@Parameter(type = ItemIO.OUTPUT, label = "Parameter map")
	private ImagePlus parameterMap;

	@Override
	public void run() {
		if (image == null) {
			cancel(NAME + ": " + HeatMapMessages.NO_IMAGE);
			return;
		}
		try {
			compute();
		} catch (IllegalArgumentException e) {
			cancel(NAME + ": " + e.getMessage());
		}
	}

	private void compute() {
		MapSettings settings = MapSettings.of(MapType.fromName(map), radiusMm).withRange(
			rangeLowHu, rangeHighHu).withBinWidth(entropyBinWidthHu);
		ProgressListener progress = new StatusProgress(status, NAME);
		CtVolume volume = HuImages.toHuVolume(image);
		for (String warning : volume.warnings()) {
			if (log != null) log.warn(NAME + ": " + warning);
		}
		boolean[][] planes = MapInputs.mask(mask, volume, image, progress);
		ImageStack values = ParameterMaps.compute(volume, settings, planes, progress);
		parameterMap = mapImage(image.getTitle() + " " + settings.type().label().toLowerCase(),
			values, volume, settings.type().unit());
		parameterMap.setProperty("Info", info(settings, volume));
	}

	/**
	 * Returns a 32-bit image of map values on the CT's grid: its dimensions,
	 * spatial calibration and patient geometry, with the map's value unit.
	 */
	static ImagePlus mapImage(String title, ImageStack values, CtVolume volume, String unit) {
		ImagePlus result = new ImagePlus(title, values);
		result.setDimensions(1, volume.depth(), volume.frames());
		if (volume.frames() > 1) result.setOpenAsHyperStack(true);
		PatientGeometry geometry = volume.geometry();
		CtVolume.applyCalibration(result, geometry);
		Calibration calibration = result.getCalibration();
		calibration.setValueUnit(unit);
		result.resetDisplayRange();
		return result;
	}

	private String info(MapSettings settings, CtVolume volume) {
		StringBuilder text = new StringBuilder(NAME + "\n");
		for (Map.Entry<String, String> entry : settings.describe(volume.geometry().spacing())
			.entrySet())
		{
			text.append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
		}
		text.append("Mask: ").append(MapInputs.describe(mask)).append('\n');
		text.append("HU conversion: ").append(volume.huConversion()).append('\n');
		return text.toString();
	}
}
