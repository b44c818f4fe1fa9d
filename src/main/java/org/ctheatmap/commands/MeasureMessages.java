package org.ctheatmap.commands;

/** Messages of the measuring commands, kept together so they stay consistent. */
final class MeasureMessages {

	static final String NO_ROIS = "No ROIs to measure. Give a ROI set file (roiFile), add" +
		" ROIs to the ROI Manager, or add them to the image overlay.";

	/** Format with the title that was not found. */
	static final String IMAGE_NOT_FOUND = "No open image is titled '%s'. Open it, or correct" +
		" the title in otherImages.";

	private MeasureMessages() {}
}
