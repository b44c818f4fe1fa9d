package org.ctheatmap.core;

import ij.ImagePlus;

/**
 * Segments the patient's body in a CT volume: the voxels above
 * {@value #THRESHOLD_HU} HU, reduced to the largest 3-D 6-connected
 * component, with holes filled slice by slice.
 * <p>
 * The largest component drops the table, clothing and noise outside the
 * patient. Filling holes in each axial slice puts the lungs, airways and bowel
 * gas back in: a pixel that is not in the component becomes body when no
 * 4-connected path of non-body pixels joins it to the slice's border. Air
 * pockets that touch the top or bottom slice are therefore filled as long as
 * each slice encloses them. When two components are equally large, the one
 * whose first voxel comes first in slice, row, column order wins.
 * <p>
 * Masks are indexed {@code mask[k][j * width + i]} with 0-based column i,
 * row j and slice k.
 */
public final class BodyMask {

	/** Voxels strictly above this value in HU are body candidates; NaN never is. */
	public static final double THRESHOLD_HU = -500;

	private BodyMask() {}

	/**
	 * Computes the body mask of one time point of a volume; the volume is not
	 * modified.
	 *
	 * @param frame 1-based time point
	 * @return a new mask, {@code volume.depth()} planes of width x height
	 */
	public static boolean[][] compute(CtVolume volume, int frame, ProgressListener progress) {
		ImagePlus image = volume.image();
		float[][] planes = new float[volume.depth()][];
		for (int k = 0; k < planes.length; k++) {
			planes[k] = (float[]) image.getStack().getPixels(image.getStackIndex(1, k + 1,
				frame));
		}
		return compute(planes, volume.width(), volume.height(), progress);
	}

	/**
	 * Computes the body mask of a 3-D volume given as HU planes; the planes are
	 * not modified.
	 *
	 * @param planes {@code planes[k][j * width + i]} in HU
	 * @param progress receives one step per slice for the hole filling
	 * @return a new mask of the same shape
	 */
	public static boolean[][] compute(float[][] planes, int width, int height,
		ProgressListener progress)
	{
		boolean[][] candidate = new boolean[planes.length][width * height];
		for (int k = 0; k < planes.length; k++) {
			for (int index = 0; index < width * height; index++) {
				candidate[k][index] = planes[k][index] > THRESHOLD_HU;
			}
		}
		boolean[][] mask = Components6.largest(candidate, width, height);
		for (int k = 0; k < mask.length; k++) {
			fillHoles(mask[k], width, height);
			progress.progress("Filling body holes", k + 1, mask.length);
		}
		return mask;
	}

	/** Returns the number of true voxels in a mask. */
	public static long count(boolean[][] mask) {
		long count = 0;
		for (boolean[] plane : mask) {
			for (boolean inside : plane) {
				if (inside) count++;
			}
		}
		return count;
	}

	/** Sets every background pixel that the border cannot reach 4-connected. */
	static void fillHoles(boolean[] plane, int width, int height) {
		boolean[] outside = new boolean[plane.length];
		IntQueue queue = new IntQueue();
		for (int i = 0; i < width; i++) {
			seed(plane, outside, queue, i);
			seed(plane, outside, queue, (height - 1) * width + i);
		}
		for (int j = 0; j < height; j++) {
			seed(plane, outside, queue, j * width);
			seed(plane, outside, queue, j * width + width - 1);
		}
		while (!queue.isEmpty()) {
			int index = queue.poll();
			int i = index % width;
			int j = index / width;
			if (i > 0) seed(plane, outside, queue, index - 1);
			if (i < width - 1) seed(plane, outside, queue, index + 1);
			if (j > 0) seed(plane, outside, queue, index - width);
			if (j < height - 1) seed(plane, outside, queue, index + width);
		}
		for (int index = 0; index < plane.length; index++) {
			if (!outside[index]) plane[index] = true;
		}
	}

	private static void seed(boolean[] plane, boolean[] outside, IntQueue queue, int index) {
		if (!plane[index] && !outside[index]) {
			outside[index] = true;
			queue.add(index);
		}
	}
}
