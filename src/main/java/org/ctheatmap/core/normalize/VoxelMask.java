package org.ctheatmap.core.normalize;

import ij.ImageStack;

import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;

/**
 * A set of voxels of a volume, stored as {@code planes[z][y * width + x]}
 * with 0-based column x, row y and slice z. Instances are not copied on
 * construction and should be treated as read-only.
 */
public final class VoxelMask {

	private final int width;
	private final int height;
	private final boolean[][] planes;

	/**
	 * Wraps mask planes without copying.
	 *
	 * @throws IllegalArgumentException if a plane has the wrong length
	 */
	public VoxelMask(int width, int height, boolean[][] planes) {
		for (boolean[] plane : planes) {
			if (plane.length != width * height) {
				throw new IllegalArgumentException("Mask plane length " + plane.length +
					" differs from " + width + " x " + height);
			}
		}
		this.width = width;
		this.height = height;
		this.planes = planes;
	}

	/** Returns a mask that repeats one 2-D mask, e.g. of an ROI, on every slice. */
	public static VoxelMask everySlice(boolean[] plane, int width, int height, int depth) {
		boolean[][] planes = new boolean[depth][];
		for (int z = 0; z < depth; z++) {
			planes[z] = plane;
		}
		return new VoxelMask(width, height, planes);
	}

	/** Returns the non-zero voxels of a stack of any type (NaN counts as zero). */
	public static VoxelMask nonZero(ImageStack stack) {
		int w = stack.getWidth();
		int h = stack.getHeight();
		boolean[][] planes = new boolean[stack.getSize()][w * h];
		for (int z = 0; z < planes.length; z++) {
			ij.process.ImageProcessor ip = stack.getProcessor(z + 1);
			for (int i = 0; i < w * h; i++) {
				float v = ip.getf(i);
				planes[z][i] = v != 0 && v == v;
			}
		}
		return new VoxelMask(w, h, planes);
	}

	/**
	 * Returns the automatic body mask of a HU volume ({@link BodyMask}: voxels
	 * above {@value BodyMask#THRESHOLD_HU} HU, largest 3-D component, holes
	 * filled per slice).
	 */
	public static VoxelMask body(FloatVolume hu, ProgressListener progress) {
		return new VoxelMask(hu.width(), hu.height(), BodyMask.compute(hu.slices(), hu.width(), hu
			.height(), progress));
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int depth() {
		return planes.length;
	}

	/** Returns whether voxel (x, y, z) is in the mask. */
	public boolean contains(int x, int y, int z) {
		return planes[z][y * width + x];
	}

	/** Returns the live plane of slice z, indexed [y * width + x]. */
	public boolean[] plane(int z) {
		return planes[z];
	}

	/** Returns the number of voxels in the mask. */
	public long count() {
		long n = 0;
		for (boolean[] plane : planes) {
			for (boolean b : plane) {
				if (b) n++;
			}
		}
		return n;
	}

	/** Returns an 8-bit stack, 255 inside the mask and 0 outside. */
	public ImageStack toByteStack() {
		ImageStack stack = new ImageStack(width, height);
		for (boolean[] plane : planes) {
			byte[] pixels = new byte[plane.length];
			for (int i = 0; i < plane.length; i++) {
				pixels[i] = plane[i] ? (byte) 255 : 0;
			}
			stack.addSlice(null, pixels);
		}
		return stack;
	}
}
