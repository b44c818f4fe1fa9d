package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ImageProcessor;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.normalize.NormalizationResult;
import org.ctheatmap.core.normalize.NormalizationSettings;
import org.ctheatmap.core.normalize.NormalizationStatistics;
import org.ctheatmap.core.normalize.NormalizedStudy;
import org.ctheatmap.core.normalize.VoxelMask;

/**
 * Builds the masks of {@link NormalizeCtCommand} from its choices, runs the
 * normalization and formats the statistics table.
 */
final class NormalizationRun {

	private final NormalizationSettings settings;
	private final ProgressListener progress;
	private NormalizedStudy study;

	NormalizationRun(NormalizationSettings settings, ProgressListener progress) {
		this.settings = settings;
		this.progress = progress;
	}

	/** Normalizes the volume and returns the output image. */
	ImagePlus apply(CtVolume volume, String maskSource, Roi roi, ImagePlus maskImage,
		CtVolume reference)
	{
		NormalizedStudy.MaskSupplier masks = masks(volume, maskSource, roi, maskImage);
		FloatVolume referenceValues = null;
		VoxelMask referenceMask = null;
		if (reference != null) {
			referenceValues = firstFrame(reference);
			if (NormalizeCtCommand.MASK_BODY.equals(maskSource)) {
				referenceMask = VoxelMask.body(referenceValues, progress);
			}
		}
		study = NormalizedStudy.run(volume, masks, maskSource, settings, referenceValues,
			referenceMask, progress);
		return study.image();
	}

	private NormalizedStudy.MaskSupplier masks(CtVolume volume, String maskSource, Roi roi,
		ImagePlus maskImage)
	{
		int w = volume.width();
		int h = volume.height();
		int d = volume.depth();
		switch (maskSource) {
			case NormalizeCtCommand.MASK_ROI:
				VoxelMask roiMask = VoxelMask.everySlice(roiPlane(roi, w, h), w, h, d);
				return (frame, hu) -> roiMask;
			case NormalizeCtCommand.MASK_IMAGE:
				return (frame, hu) -> maskOfFrame(maskImage, frame, d);
			case NormalizeCtCommand.MASK_BODY:
				return (frame, hu) -> VoxelMask.body(hu, progress);
			default:
				return null;
		}
	}

	/** Returns the pixels inside an area ROI as a plane indexed [y * width + x]. */
	static boolean[] roiPlane(Roi roi, int width, int height) {
		boolean[] plane = new boolean[width * height];
		java.awt.Rectangle bounds = roi.getBounds();
		ImageProcessor mask = roi.getMask();
		for (int y = Math.max(0, bounds.y); y < Math.min(height, bounds.y + bounds.height); y++) {
			for (int x = Math.max(0, bounds.x); x < Math.min(width, bounds.x + bounds.width); x++) {
				boolean inside = mask == null || mask.get(x - bounds.x, y - bounds.y) != 0;
				plane[y * width + x] = inside;
			}
		}
		return plane;
	}

	/** Uses the mask image's slices of the frame, or its only volume for every frame. */
	private static VoxelMask maskOfFrame(ImagePlus maskImage, int frame, int depth) {
		ImageStack all = maskImage.getStack();
		int first = all.getSize() >= frame * depth ? (frame - 1) * depth : 0;
		ImageStack slices = new ImageStack(all.getWidth(), all.getHeight());
		for (int z = 1; z <= depth; z++) {
			slices.addSlice(null, all.getProcessor(first + z));
		}
		return VoxelMask.nonZero(slices);
	}

	private static FloatVolume firstFrame(CtVolume volume) {
		float[][] planes = new float[volume.depth()][];
		for (int z = 1; z <= volume.depth(); z++) {
			planes[z - 1] = (float[]) volume.image().getStack().getPixels(volume.image()
				.getStackIndex(1, z, 1));
		}
		return new FloatVolume(volume.width(), volume.height(), planes);
	}

	/** Returns one row per statistics unit with the units in the column headers. */
	ResultsTable table() {
		ResultsTable table = new ResultsTable();
		for (int t = 0; t < study.frames().size(); t++) {
			NormalizationResult result = study.frames().get(t);
			for (NormalizationStatistics s : result.statistics()) {
				table.incrementCounter();
				table.addValue("Frame", t + 1);
				table.addValue("Slice", s.slice() == 0 ? "all" : Integer.toString(s.slice()));
				table.addValue("Voxels", s.count());
				table.addValue("Min (HU)", s.min());
				table.addValue("Max (HU)", s.max());
				table.addValue("Mean (HU)", s.mean());
				table.addValue("SD (HU)", s.standardDeviation());
				table.addValue("P" + trim(s.lowPercentile()) + " (HU)", s.lowPercentileHu());
				table.addValue("P" + trim(s.highPercentile()) + " (HU)", s.highPercentileHu());
				table.addValue("Offset (HU)", s.offset());
				table.addValue("Scale (HU)", s.scale());
				table.addValue("Mask voxels", result.maskVoxels());
			}
		}
		return table;
	}

	/** Returns the settings and statistics summary for the log. */
	String info() {
		return study.info();
	}

	private static String trim(double percent) {
		return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(
			percent);
	}
}
