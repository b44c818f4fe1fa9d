package org.ctheatmap.measure;

import ij.gui.Roi;
import ij.process.ImageProcessor;

import java.awt.Rectangle;
import java.util.BitSet;

/** Converts area ROIs to the set of pixels they contain. */
public final class RoiMasks {

	private RoiMasks() {}

	/**
	 * Returns the pixels of a plane that an area ROI contains, as a set of
	 * 0-based indices {@code y * width + x}; the ROI is not modified.
	 * <p>
	 * Pixel inclusion is ImageJ's own: the ROI's integer bounds
	 * ({@link Roi#getBounds()}) and mask ({@link Roi#getMask()}, null for a
	 * rectangle), clipped to the plane as {@code ImageProcessor.setRoi(Roi)}
	 * clips them. ImageJ's Measure therefore counts exactly these pixels.
	 *
	 * @param width plane width in pixels
	 * @param height plane height in pixels
	 * @throws IllegalArgumentException if the ROI is a line or point selection
	 */
	public static BitSet pixels(Roi roi, int width, int height) {
		if (!roi.isArea()) {
			throw new IllegalArgumentException("ROI '" + roi.getName() + "' is a " + roi
				.getTypeAsString() + " selection; only area ROIs can be measured");
		}
		Rectangle bounds = roi.getBounds();
		ImageProcessor mask = roi.getMask();
		if (mask != null && (mask.getWidth() != bounds.width || mask.getHeight() !=
			bounds.height))
		{
			// ImageProcessor.setRoi discards a mask that does not fit the bounds.
			mask = null;
		}
		int x0 = Math.max(bounds.x, 0);
		int y0 = Math.max(bounds.y, 0);
		int x1 = Math.min(bounds.x + bounds.width, width);
		int y1 = Math.min(bounds.y + bounds.height, height);
		BitSet pixels = new BitSet();
		for (int y = y0; y < y1; y++) {
			for (int x = x0; x < x1; x++) {
				if (mask == null || mask.get(x - bounds.x, y - bounds.y) != 0) {
					pixels.set(y * width + x);
				}
			}
		}
		return pixels;
	}
}
