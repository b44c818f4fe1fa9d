package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.gui.Roi;

import java.util.BitSet;

import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.measure.RoiMasks;

/**
 * Masks shared by the map commands: none, the body, or the image's area
 * selection on every slice. The choice strings are macro values; never
 * rename one.
 */
final class MapInputs {

	static final String MASK_NONE = "None";
	static final String MASK_BODY = "Body";
	static final String MASK_ROI = "Selection";

	private MapInputs() {}

	/**
	 * Returns the mask planes of a choice, indexed by 0-based stack index, or
	 * null for {@link #MASK_NONE}.
	 *
	 * @param image the image whose area selection {@link #MASK_ROI} uses
	 * @throws IllegalArgumentException for an unknown choice, or for
	 *           {@link #MASK_ROI} without an area selection
	 */
	static boolean[][] mask(String choice, CtVolume volume, ImagePlus image,
		ProgressListener progress)
	{
		if (MASK_NONE.equals(choice)) return null;
		int size = volume.image().getStackSize();
		boolean[][] planes = new boolean[size][];
		if (MASK_BODY.equals(choice)) {
			for (int t = 1; t <= volume.frames(); t++) {
				boolean[][] body = BodyMask.compute(volume, t, progress);
				System.arraycopy(body, 0, planes, (t - 1) * volume.depth(), volume.depth());
			}
			return planes;
		}
		if (!MASK_ROI.equals(choice)) {
			throw new IllegalArgumentException("Unknown mask '" + choice + "'; use " + MASK_NONE +
				", " + MASK_BODY + " or " + MASK_ROI);
		}
		Roi roi = image.getRoi();
		if (roi == null || !roi.isArea()) {
			throw new IllegalArgumentException("Mask " + MASK_ROI +
				" needs an area selection on '" + image.getTitle() +
				"'; draw one or choose another mask");
		}
		BitSet pixels = RoiMasks.pixels(roi, volume.width(), volume.height());
		boolean[] plane = new boolean[volume.width() * volume.height()];
		for (int i = pixels.nextSetBit(0); i >= 0; i = pixels.nextSetBit(i + 1)) {
			plane[i] = true;
		}
		for (int n = 0; n < size; n++) {
			planes[n] = plane;
		}
		return planes;
	}

	/** Returns a short description of a mask choice for image info and sidecars. */
	static String describe(String choice) {
		if (MASK_BODY.equals(choice)) {
			return "body: HU > " + (int) BodyMask.THRESHOLD_HU + ", largest 6-connected" +
				" component, holes filled per slice";
		}
		if (MASK_ROI.equals(choice)) return "the image's area selection on every slice";
		return "none";
	}
}
