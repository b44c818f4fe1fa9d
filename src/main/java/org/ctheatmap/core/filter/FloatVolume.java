package org.ctheatmap.core.filter;

import ij.ImageStack;

import java.util.stream.IntStream;

/**
 * A 3-D grid of float values stored as one array per slice, the layout of an
 * ImageJ 32-bit stack.
 * <p>
 * Voxel (x, y, z), each 0-based, is {@code slices[z][y * width + x]}: x is the
 * column, y the row and z the slice. A volume made by {@link #wrap} shares its
 * arrays with the stack, so writing to it writes to the image.
 */
public final class FloatVolume {

	private final int width;
	private final int height;
	private final float[][] slices;

	/**
	 * Wraps slice arrays without copying them.
	 *
	 * @param width number of columns
	 * @param height number of rows
	 * @param slices one array of {@code width * height} values per slice
	 * @throws IllegalArgumentException if a size is not positive or a slice
	 *           array has the wrong length
	 */
	public FloatVolume(int width, int height, float[][] slices) {
		if (width < 1 || height < 1 || slices.length < 1) {
			throw new IllegalArgumentException("A volume needs at least one voxel, got " + width +
				" x " + height + " x " + slices.length);
		}
		for (float[] slice : slices) {
			if (slice.length != width * height) {
				throw new IllegalArgumentException("Slice length " + slice.length + " differs from " +
					width + " x " + height);
			}
		}
		this.width = width;
		this.height = height;
		this.slices = slices;
	}

	/** Allocates a volume of zeros. */
	public static FloatVolume allocate(int width, int height, int depth) {
		return new FloatVolume(width, height, new float[depth][width * height]);
	}

	/**
	 * Wraps the pixel arrays of a 32-bit stack without copying them.
	 *
	 * @throws IllegalArgumentException if the stack is not 32-bit
	 */
	public static FloatVolume wrap(ImageStack stack) {
		if (stack.getBitDepth() != 32) {
			throw new IllegalArgumentException("Expected a 32-bit stack, got " + stack
				.getBitDepth() + "-bit");
		}
		float[][] slices = new float[stack.getSize()][];
		for (int z = 0; z < slices.length; z++) {
			slices[z] = (float[]) stack.getPixels(z + 1);
		}
		return new FloatVolume(stack.getWidth(), stack.getHeight(), slices);
	}

	/** Returns a 32-bit stack that shares this volume's arrays. */
	public ImageStack toStack() {
		ImageStack stack = new ImageStack(width, height);
		for (float[] slice : slices) {
			stack.addSlice(null, slice);
		}
		return stack;
	}

	/** Returns a deep copy. */
	public FloatVolume copy() {
		float[][] copy = new float[slices.length][];
		for (int z = 0; z < slices.length; z++) {
			copy[z] = slices[z].clone();
		}
		return new FloatVolume(width, height, copy);
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int depth() {
		return slices.length;
	}

	/** Returns the number of voxels. */
	public long size() {
		return (long) width * height * slices.length;
	}

	/** Returns the live slice arrays, indexed [z][y * width + x]. */
	public float[][] slices() {
		return slices;
	}

	/** Returns the value of voxel (x, y, z), all 0-based. */
	public float get(int x, int y, int z) {
		return slices[z][y * width + x];
	}

	/** Sets the value of voxel (x, y, z), all 0-based. */
	public void set(int x, int y, int z, float value) {
		slices[z][y * width + x] = value;
	}

	/** Returns whether any voxel is NaN; slices are checked in parallel. */
	public boolean hasNaN() {
		return IntStream.range(0, slices.length).parallel().anyMatch(z -> sliceHasNaN(slices[z]));
	}

	private static boolean sliceHasNaN(float[] slice) {
		for (float v : slice) {
			if (v != v) return true;
		}
		return false;
	}
}
