package org.ctheatmap.ui;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;

import java.awt.event.MouseEvent;
import java.awt.event.MouseMotionAdapter;

/**
 * Shows {@link CursorValues} in ImageJ's status bar while the mouse moves
 * over a heat-map image. It runs after ImageJ's own listener, so its text
 * replaces ImageJ's "x, y, value" line.
 */
final class CursorReadout extends MouseMotionAdapter {

	private final ImagePlus image;
	private final ImageCanvas canvas;

	CursorReadout(ImagePlus image, ImageCanvas canvas) {
		this.image = image;
		this.canvas = canvas;
	}

	@Override
	public void mouseMoved(MouseEvent e) {
		int x = canvas.offScreenX(e.getX());
		int y = canvas.offScreenY(e.getY());
		String text = CursorValues.describe(image, x, y);
		if (text != null) IJ.showStatus(text);
	}
}
