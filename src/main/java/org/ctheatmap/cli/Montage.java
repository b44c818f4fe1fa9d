package org.ctheatmap.cli;

import ij.ImageStack;
import ij.process.ColorProcessor;

import java.awt.Color;
import java.awt.Font;

import org.ctheatmap.core.PatientGeometry;

/**
 * Lays out chosen RGB slices in a grid, each tile labelled with its slice
 * number, and marks the patient directions on the first tile's edges.
 */
final class Montage {

	/** Gap between tiles and around the grid, in pixels. */
	static final int GAP = 4;

	private static final Color BACKGROUND = Color.BLACK;
	private static final Color TEXT = Color.WHITE;
	/** Smallest label font size in pixels; larger tiles get 1/24 of their height. */
	private static final int MIN_FONT_SIZE = 11;

	private Montage() {}

	/**
	 * Returns evenly spaced 1-based slice numbers: the middle slice of each of
	 * {@code count} equal parts of {@code depth} slices. With
	 * {@code count >= depth} every slice is returned.
	 */
	static int[] evenlySpaced(int depth, int count) {
		int n = Math.min(depth, count);
		int[] slices = new int[n];
		for (int t = 0; t < n; t++) {
			slices[t] = (int) Math.floor((t + 0.5) * depth / n) + 1;
		}
		return slices;
	}

	/**
	 * Builds the montage image.
	 *
	 * @param rgb flattened slices; not modified
	 * @param slices 1-based stack indices, in tile order (row by row)
	 * @param columns tiles per row, at least 1
	 * @param geometry orientation used for the direction letters
	 * @return a new image of {@code columns} x rows tiles
	 */
	static ColorProcessor build(ImageStack rgb, int[] slices, int columns,
		PatientGeometry geometry)
	{
		int cols = Math.max(1, Math.min(columns, slices.length));
		int rows = (slices.length + cols - 1) / cols;
		int tileWidth = rgb.getWidth();
		int tileHeight = rgb.getHeight();
		ColorProcessor montage = new ColorProcessor(GAP + cols * (tileWidth + GAP), GAP + rows *
			(tileHeight + GAP));
		montage.setColor(BACKGROUND);
		montage.fill();
		int fontSize = Math.max(MIN_FONT_SIZE, tileHeight / 24);
		montage.setFont(new Font("SansSerif", Font.BOLD, fontSize));
		montage.setAntialiasedText(true);
		montage.setColor(TEXT);
		int ascent = montage.getFontMetrics().getAscent();
		for (int t = 0; t < slices.length; t++) {
			int x = GAP + (t % cols) * (tileWidth + GAP);
			int y = GAP + (t / cols) * (tileHeight + GAP);
			montage.insert(rgb.getProcessor(slices[t]), x, y);
			montage.drawString(Integer.toString(slices[t]), x + 3, y + 3 + ascent);
		}
		drawDirections(montage, geometry, tileWidth, tileHeight, ascent);
		return montage;
	}

	/** Writes the patient direction at the left edge and top edge of the first tile. */
	private static void drawDirections(ColorProcessor montage, PatientGeometry geometry,
		int tileWidth, int tileHeight, int ascent)
	{
		String left = directionLetter(negate(geometry.rowDirection()));
		String top = directionLetter(negate(geometry.columnDirection()));
		int topWidth = montage.getStringWidth(top);
		montage.drawString(top, GAP + (tileWidth - topWidth) / 2, GAP + 3 + ascent);
		montage.drawString(left, GAP + 3, GAP + tileHeight / 2 + ascent / 2);
	}

	/**
	 * Returns the patient direction (LPS letters R, L, A, P, I, S) closest to a
	 * unit vector in patient coordinates.
	 */
	static String directionLetter(double[] v) {
		int axis = 0;
		for (int a = 1; a < 3; a++) {
			if (Math.abs(v[a]) > Math.abs(v[axis])) axis = a;
		}
		String[] positive = { "L", "P", "S" };
		String[] negative = { "R", "A", "I" };
		return v[axis] >= 0 ? positive[axis] : negative[axis];
	}

	private static double[] negate(double[] v) {
		return new double[] { -v[0], -v[1], -v[2] };
	}
}
