package org.ctheatmap.lut;

import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.core.hotspot.Hotspot;
import org.ctheatmap.core.hotspot.HotspotMap;

/**
 * Traces hotspots into ImageJ ROIs: one ROI per hotspot and slice, named
 * {@link Hotspot#name()}, in ROI group {@code id} for hotspots 1 to 255
 * (ImageJ's groups end at 255; later hotspots get no group), with the
 * slice position set so each outline shows on its own slice only.
 * <p>
 * Outlines follow pixel edges ({@link ThresholdToSelection}), so a ROI's mask
 * contains exactly the hotspot's pixels on that slice, holes and separate parts
 * included.
 */
public final class HotspotOutlines {

	/** Outline colour, visible on grey CT and on the colormaps shipped. */
	public static final Color STROKE = Color.CYAN;

	/** Largest ROI group number in ImageJ 1.54. */
	private static final int MAX_GROUP = 255;

	private HotspotOutlines() {}

	/**
	 * Returns the outlines of every hotspot of one time point, ordered by
	 * hotspot, then slice.
	 *
	 * @param frame 1-based time point of the map
	 * @param hyperstack whether the image has several time points, so ROIs
	 *          get a (channel 0, slice, frame) position instead of a stack
	 *          index
	 */
	public static List<Roi> trace(HotspotMap map, int frame, boolean hyperstack) {
		List<Roi> rois = new ArrayList<>();
		for (Hotspot hotspot : map.hotspots()) {
			for (int slice = hotspot.firstSlice(); slice <= hotspot.lastSlice(); slice++) {
				Roi roi = traceSlice(map, hotspot.id(), slice - 1);
				if (roi == null) continue;
				roi.setName(hotspot.name());
				if (hotspot.id() <= MAX_GROUP) roi.setGroup(hotspot.id());
				roi.setStrokeColor(STROKE);
				if (hyperstack) {
					roi.setPosition(0, slice, frame);
				} else {
					roi.setPosition(slice);
				}
				rois.add(roi);
			}
		}
		return rois;
	}

	/** Traces one hotspot on one 0-based slice, or returns null when it is absent there. */
	private static Roi traceSlice(HotspotMap map, int id, int k) {
		int width = map.width();
		int[] plane = map.labels()[k];
		int x0 = width;
		int y0 = map.height();
		int x1 = -1;
		int y1 = -1;
		for (int i = 0; i < plane.length; i++) {
			if (plane[i] != id) continue;
			int x = i % width;
			int y = i / width;
			x0 = Math.min(x0, x);
			y0 = Math.min(y0, y);
			x1 = Math.max(x1, x);
			y1 = Math.max(y1, y);
		}
		if (x1 < 0) return null;
		ByteProcessor mask = new ByteProcessor(x1 - x0 + 1, y1 - y0 + 1);
		for (int y = y0; y <= y1; y++) {
			for (int x = x0; x <= x1; x++) {
				if (plane[y * width + x] == id) mask.set(x - x0, y - y0, 255);
			}
		}
		mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		Roi roi = new ThresholdToSelection().convert(mask);
		roi.setLocation(roi.getXBase() + x0, roi.getYBase() + y0);
		return roi;
	}
}
