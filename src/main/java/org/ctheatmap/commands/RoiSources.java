package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.plugin.frame.RoiManager;

import org.ctheatmap.io.RoiSetReader;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the ROIs a command measures and places traced ROIs where the user
 * sees them, without ever opening a ROI Manager window when Java runs
 * headless.
 * <p>
 * NB: in ImageJ 1.54p {@code new RoiManager(true)}, which a batch-mode macro
 * uses for its hidden ROI Manager, throws {@code HeadlessException} when
 * {@code java.awt.headless=true}. {@link RoiManager#getInstance()} creates that
 * hidden manager while a macro runs, so it is only called when not headless.
 * <p>
 * NOTE: the ROI Manager branches need a display, so the headless test suite
 * does not run them. They were run by hand under Xvfb (measuring all and
 * selected ROIs, adding traced label ROIs), not by an automated test.
 */
final class RoiSources {

	/** Source of the ROIs, named for status and log messages. */
	enum Source {
		FILE("ROI set file"), ROI_MANAGER("ROI Manager"), OVERLAY("image overlay");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		@Override
		public String toString() {
			return label;
		}
	}

	private RoiSources() {}

	/** Returns whether Java runs without a display, so no window may be opened. */
	static boolean headless() {
		return GraphicsEnvironment.isHeadless();
	}

	/**
	 * Returns the ROI set file when one is given. Otherwise returns the ROI
	 * Manager if Java is not headless and the manager contains ROIs, and the
	 * overlay of the image in every other case.
	 */
	static Source choose(File roiFile, ImagePlus image) {
		if (!MeasureOutputs.isEmpty(roiFile)) return Source.FILE;
		RoiManager manager = headless() ? null : RoiManager.getInstance();
		if (manager != null && manager.getCount() > 0) return Source.ROI_MANAGER;
		return Source.OVERLAY;
	}

	/**
	 * Reads the ROIs from a source; the list may be empty.
	 * <p>
	 * From an overlay only area ROIs are taken: text, image (such as a heat
	 * map) and line or point ROIs there are annotations, not regions. From a
	 * file or the ROI Manager every ROI is returned, so that a line among them
	 * is reported rather than skipped.
	 *
	 * @throws IOException if the ROI set file cannot be read
	 */
	static List<Roi> read(Source source, File roiFile, ImagePlus image) throws IOException {
		switch (source) {
			case FILE:
				return RoiSetReader.read(roiFile.toPath());
			case ROI_MANAGER:
				// The selected ROIs, or all when none is selected, as the manager's own Measure.
				return new ArrayList<>(Arrays.asList(RoiManager.getInstance()
					.getSelectedRoisAsArray()));
			default:
				List<Roi> rois = new ArrayList<>();
				Overlay overlay = image.getOverlay();
				if (overlay == null) return rois;
				for (Roi roi : overlay.toArray()) {
					if (roi.isArea() && !(roi instanceof ImageRoi) && !(roi instanceof TextRoi)) {
						rois.add(roi);
					}
				}
				return rois;
		}
	}

	/**
	 * Shows ROIs to the user: in the ROI Manager when not headless (opening
	 * it if needed), otherwise in the overlay of {@code image}.
	 *
	 * @return where the ROIs went
	 */
	static Source show(List<Roi> rois, ImagePlus image) {
		if (headless()) {
			Overlay overlay = image.getOverlay() == null ? new Overlay() : image.getOverlay();
			for (Roi roi : rois) {
				overlay.add(roi);
			}
			image.setOverlay(overlay);
			return Source.OVERLAY;
		}
		RoiManager manager = RoiManager.getInstance();
		if (manager == null) manager = RoiManager.getRoiManager();
		for (Roi roi : rois) {
			manager.add(image, roi, -1);
		}
		return Source.ROI_MANAGER;
	}
}
