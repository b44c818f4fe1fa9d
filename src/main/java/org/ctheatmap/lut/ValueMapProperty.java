package org.ctheatmap.lut;

import ij.ImagePlus;
import ij.ImageStack;

/**
 * Links a heat-map image to the values its colours show, so a viewer can
 * report the map value under the cursor. The values travel as ImageJ
 * object properties, which live only in memory and are not saved with the
 * image.
 */
public final class ValueMapProperty {

	/** Property holding the 32-bit {@link ImageStack} of map values. */
	public static final String VALUES = "CTHeatMap.ValueMap";

	/** Property holding the unit of the map values, e.g. "HU/mm". */
	public static final String UNIT = "CTHeatMap.ValueUnit";

	private ValueMapProperty() {}

	/**
	 * Stores a map's values and unit on an image; the map must have the
	 * image's layout (width, height and stack size).
	 *
	 * @throws IllegalArgumentException if the layouts differ
	 */
	public static void attach(ImagePlus image, ImageStack values, String unit) {
		if (values.getWidth() != image.getWidth() || values.getHeight() != image.getHeight() ||
			values.getSize() != image.getStackSize())
		{
			throw new IllegalArgumentException("Value map layout differs from '" + image
				.getTitle() + "'");
		}
		image.setProperty(VALUES, values);
		image.setProperty(UNIT, unit);
	}

	/** Returns the map values stored on an image, or null when it has none. */
	public static ImageStack values(ImagePlus image) {
		Object values = image.getProperty(VALUES);
		return values instanceof ImageStack ? (ImageStack) values : null;
	}

	/** Returns the unit stored on an image, or an empty string. */
	public static String unit(ImagePlus image) {
		Object unit = image.getProperty(UNIT);
		return unit == null ? "" : unit.toString();
	}
}
