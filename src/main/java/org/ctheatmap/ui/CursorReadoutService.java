package org.ctheatmap.ui;

import ij.ImageListener;
import ij.ImagePlus;
import ij.gui.ImageCanvas;

import java.awt.GraphicsEnvironment;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.ctheatmap.lut.ValueMapProperty;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

/**
 * Adds the cursor readout to every heat-map window that opens in Fiji: an
 * image carrying map values ({@link ValueMapProperty}) gets a
 * {@link CursorReadout} on its canvas. Does nothing when Java is headless.
 * <p>
 * NOTE: plain ImageJ 1 starts no SciJava services, so there the status bar
 * shows ImageJ's usual text only. The attachment was checked by hand under
 * Xvfb (docs/manual-checks.md), not yet in a running Fiji.
 */
@Plugin(type = Service.class)
public class CursorReadoutService extends AbstractService implements SciJavaService {

	private final Map<ImageCanvas, Boolean> attached = Collections.synchronizedMap(
		new WeakHashMap<>());

	private final ImageListener listener = new ImageListener() {

		@Override
		public void imageOpened(ImagePlus image) {
			attach(image);
		}

		@Override
		public void imageUpdated(ImagePlus image) {
			attach(image);
		}

		@Override
		public void imageClosed(ImagePlus image) {
			// The weak map drops the canvas once its window is gone.
		}
	};

	@Override
	public void initialize() {
		if (!GraphicsEnvironment.isHeadless()) ImagePlus.addImageListener(listener);
	}

	@Override
	public void dispose() {
		ImagePlus.removeImageListener(listener);
	}

	private void attach(ImagePlus image) {
		ImageCanvas canvas = image.getCanvas();
		if (canvas == null || ValueMapProperty.values(image) == null) return;
		if (attached.putIfAbsent(canvas, Boolean.TRUE) == null) {
			canvas.addMouseMotionListener(new CursorReadout(image, canvas));
		}
	}
}
