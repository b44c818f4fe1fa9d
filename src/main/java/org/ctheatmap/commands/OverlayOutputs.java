package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ColorProcessor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.maps.ExternalMap;
import org.ctheatmap.lut.ColourBar;
import org.ctheatmap.lut.OrthogonalViews;
import org.ctheatmap.lut.OrthogonalViews.View;
import org.ctheatmap.lut.ValueMapProperty;

/**
 * Inputs and optional outputs of "Heat Map Overlay": the map to colour, the
 * colour-bar orientation and the orthogonal views. The choice strings are
 * macro values; never rename one.
 */
final class OverlayOutputs {

	/** Value unit choice: HU for the CT, the value map's own unit otherwise. */
	static final String UNIT_AUTO = "Auto";

	static final String VERTICAL = "Vertical";
	static final String HORIZONTAL = "Horizontal";

	private OverlayOutputs() {}

	/** The values to colour, their unit and the problems found checking them. */
	static final class MapSource {

		private final ImageStack values;
		private final String unit;
		private final List<String> warnings;

		MapSource(ImageStack values, String unit, List<String> warnings) {
			this.values = values;
			this.unit = unit;
			this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
		}

		ImageStack values() {
			return values;
		}

		String unit() {
			return unit;
		}

		List<String> warnings() {
			return warnings;
		}
	}

	/**
	 * Returns the HU of the CT, or the value map checked against the CT's grid
	 * when one other than the CT itself is given.
	 *
	 * @param unitChoice {@link #UNIT_AUTO} or the unit to show
	 * @throws IllegalArgumentException if the value map does not fit the CT
	 */
	static MapSource mapSource(CtVolume volume, ImagePlus valueMap, ImagePlus image,
		String unitChoice)
	{
		boolean auto = UNIT_AUTO.equals(unitChoice);
		if (isNone(valueMap, image)) {
			return new MapSource(volume.image().getStack(), auto ? CtVolume.VALUE_UNIT
				: unitChoice, Collections.emptyList());
		}
		ExternalMap external = ExternalMap.of(volume, valueMap);
		return new MapSource(external.values(), auto ? external.unit() : unitChoice, external
			.warnings());
	}

	/**
	 * Returns whether no value map was given: null, the CT itself, or the empty
	 * image that SciJava puts into an optional image input left unset.
	 */
	static boolean isNone(ImagePlus valueMap, ImagePlus image) {
		return valueMap == null || valueMap == image || valueMap.getWidth() == 0;
	}

	/** Stores the coloured values on the heat-map image for the cursor readout. */
	static void attachValues(ImagePlus heatMap, ImageStack values, String unit) {
		ValueMapProperty.attach(heatMap, values, unit);
	}

	/**
	 * Returns the bar orientation of a choice.
	 *
	 * @throws IllegalArgumentException for an unknown choice
	 */
	static ColourBar.Orientation orientation(String choice) {
		if (VERTICAL.equals(choice)) return ColourBar.Orientation.VERTICAL;
		if (HORIZONTAL.equals(choice)) return ColourBar.Orientation.HORIZONTAL;
		throw new IllegalArgumentException("Unknown colour bar orientation '" + choice +
			"'; use " + VERTICAL + " or " + HORIZONTAL);
	}

	/**
	 * Returns the 0-based voxel of the views' crossing point: x and y in
	 * pixels (-1 for the centre), the slice 1-based (0 for the centre).
	 *
	 * @throws IllegalArgumentException if the point lies outside the volume
	 */
	static int[] viewPoint(CtVolume volume, int x, int y, int slice) {
		int[] voxel = { x < 0 ? volume.width() / 2 : x, y < 0 ? volume.height() / 2 : y,
			slice <= 0 ? volume.depth() / 2 : slice - 1 };
		if (voxel[0] >= volume.width() || voxel[1] >= volume.height() || voxel[2] >= volume
			.depth())
		{
			throw new IllegalArgumentException("View point (viewX = " + x + ", viewY = " + y +
				", viewSlice = " + slice + ") lies outside the image of " + volume.width() + " x " +
				volume.height() + " x " + volume.depth());
		}
		return voxel;
	}

	/** Returns one orthogonal view as an image with square pixels of the views' size. */
	static ImagePlus view(OrthogonalViews views, View view, int[] voxel, String title,
		String info)
	{
		return image(views.slice(view, voxel), views, title, info);
	}

	/** Wraps a rendered view as an image calibrated in mm. */
	static ImagePlus image(ColorProcessor pixels, OrthogonalViews views, String title,
		String info)
	{
		ImagePlus result = new ImagePlus(title, pixels);
		Calibration calibration = result.getCalibration();
		calibration.pixelWidth = views.pixelSizeMm();
		calibration.pixelHeight = views.pixelSizeMm();
		calibration.setUnit("mm");
		result.setProperty("Info", info);
		return result;
	}
}
