package org.ctheatmap.ui;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.Locale;

import org.ctheatmap.lut.ValueMapProperty;

/**
 * Formats the status-bar text for a pixel of a heat-map image: its position,
 * its HU and the map value its colour shows. Needs no display, so it is
 * tested headless.
 */
public final class CursorValues {

	private CursorValues() {}

	/**
	 * Returns e.g. "x=12, y=40, z=5: -35.2 HU, map 12.7 HU/mm" for pixel (x, y)
	 * of the image's current slice and frame, or null when the image carries
	 * no map values ({@link ValueMapProperty}) or the pixel lies outside.
	 *
	 * @param x 0-based column in image pixels
	 * @param y 0-based row in image pixels
	 * @return the text, with x and y 0-based and z the 1-based slice, plus t,
	 *         the 1-based frame, when there are several. Values have up to 4
	 *         decimals, and "NaN" marks a voxel without a map value.
	 */
	public static String describe(ImagePlus image, int x, int y) {
		ImageStack values = ValueMapProperty.values(image);
		if (values == null || x < 0 || y < 0 || x >= image.getWidth() || y >= image
			.getHeight())
		{
			return null;
		}
		int index = image.getCurrentSlice();
		if (index < 1 || index > values.getSize()) return null;
		float hu = image.getStack().getProcessor(index).getf(x, y);
		float value = values.getProcessor(index).getf(x, y);
		String position = String.format(Locale.ROOT, "x=%d, y=%d, z=%d", x, y, image.getZ());
		if (image.getNFrames() > 1) position += ", t=" + image.getT();
		String unit = ValueMapProperty.unit(image);
		return position + ": " + number(hu) + " HU, map " + number(value) + (unit.isEmpty() ? ""
			: " " + unit);
	}

	private static String number(float value) {
		if (Float.isNaN(value)) return "NaN";
		String text = String.format(Locale.ROOT, "%.4f", value);
		text = text.replaceAll("0+$", "");
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}
}
