package org.ctheatmap.compare.report;

import ij.ImageStack;
import ij.process.ColorProcessor;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.core.filter.FloatVolume;

/** Tiles chosen slices of an RGB stack into one image, each labelled with its slice number. */
final class SliceMontage {

	private static final int GAP = 4;

	private SliceMontage() {}

	/**
	 * Returns up to {@code count} evenly spaced 1-based slice numbers among
	 * the slices where {@code map} has at least one value that is not NaN;
	 * all slices when none has.
	 */
	static int[] slicesWithValues(FloatVolume map, int count) {
		List<Integer> candidates = new ArrayList<>();
		for (int k = 0; k < map.depth(); k++) {
			for (float v : map.slices()[k]) {
				if (v == v) {
					candidates.add(k + 1);
					break;
				}
			}
		}
		if (candidates.isEmpty()) {
			for (int k = 0; k < map.depth(); k++) {
				candidates.add(k + 1);
			}
		}
		int n = Math.min(count, candidates.size());
		int[] slices = new int[n];
		for (int t = 0; t < n; t++) {
			slices[t] = candidates.get((int) Math.floor((t + 0.5) * candidates.size() / n));
		}
		return slices;
	}

	/**
	 * Returns a new image of the slices in rows of {@code columns} tiles on
	 * black, each labelled "slice N" in its top-left corner.
	 */
	static ColorProcessor build(ImageStack rgb, int[] slices, int columns) {
		int cols = Math.max(1, Math.min(columns, slices.length));
		int rows = (slices.length + cols - 1) / cols;
		int tileWidth = rgb.getWidth();
		int tileHeight = rgb.getHeight();
		ColorProcessor montage = new ColorProcessor(GAP + cols * (tileWidth + GAP), GAP + rows *
			(tileHeight + GAP));
		montage.setColor(Color.BLACK);
		montage.fill();
		int fontSize = Math.max(11, tileWidth / 20);
		montage.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
		montage.setAntialiasedText(true);
		for (int t = 0; t < slices.length; t++) {
			int x = GAP + t % cols * (tileWidth + GAP);
			int y = GAP + t / cols * (tileHeight + GAP);
			montage.insert(rgb.getProcessor(slices[t]), x, y);
			montage.setColor(Color.WHITE);
			montage.drawString("slice " + slices[t], x + 3, y + fontSize + 2);
		}
		return montage;
	}
}
