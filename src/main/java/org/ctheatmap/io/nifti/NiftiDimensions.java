package org.ctheatmap.io.nifti;

import java.nio.file.Path;
import java.util.Arrays;

import org.ctheatmap.io.InvalidInputException;

/**
 * The validated grid of a NIfTI header: voxel counts along stored i, j, k, the
 * number of time points, and the spacings in the header's units (not yet mm).
 */
final class NiftiDimensions {

	/** Longest Java array that every JVM allocates; ImageJ keeps one slice per array. */
	static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

	/** Voxel counts along stored i, j, k; 1 for axes beyond dim[0]. */
	final long[] size = new long[3];
	/** Number of time points, dim[4]; 1 for 3-D data. */
	final long frames;
	/** pixdim[1..3]; 1 for axes beyond dim[0] that have no positive pixdim. */
	final double[] spacing = new double[3];
	/** pixdim[4], the time step in the header's time unit; 0 when not given. */
	final double frameInterval;
	final long voxelCount;
	final long dataBytes;

	private NiftiDimensions(Path file, NiftiHeader h, NiftiDataType type)
		throws InvalidInputException
	{
		long rank = h.dim[0];
		if (rank < 1 || rank > 7) {
			throw new InvalidInputException(file, "dim[0] is " + rank +
				", expected 1 to 7 dimensions");
		}
		long[] extent = { 1, 1, 1, 1 };
		for (int n = 1; n <= rank; n++) {
			if (h.dim[n] < 1) {
				throw new InvalidInputException(file, "dim[" + n + "] is " + h.dim[n] +
					"; every dimension size must be at least 1");
			}
			if (n >= 5 && h.dim[n] > 1) {
				throw new InvalidInputException(file, "dim[" + n + "] is " + h.dim[n] +
					"; data with more than 4 dimensions (vectors, tensors) are not supported");
			}
			if (n <= 4) extent[n - 1] = h.dim[n];
		}
		System.arraycopy(extent, 0, size, 0, 3);
		frames = extent[3];
		for (int n = 1; n <= 3; n++) {
			double value = h.pixdim[n];
			boolean valid = Double.isFinite(value) && value > 0;
			if (!valid && n <= rank) {
				throw new InvalidInputException(file, "pixdim[" + n + "] is " + value +
					"; the voxel spacing must be a positive number");
			}
			spacing[n - 1] = valid ? value : 1;
		}
		double interval = h.pixdim[4];
		frameInterval = frames > 1 && Double.isFinite(interval) && interval > 0 ? interval : 0;
		try {
			voxelCount = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(size[0], size[1]),
				size[2]), frames);
			dataBytes = Math.multiplyExact(voxelCount, type.bytesPerVoxel());
		} catch (ArithmeticException e) {
			throw new InvalidInputException(file, "the dimensions " + describe() +
				" describe more voxels than can be addressed");
		}
		checkImageJLimits(file);
	}

	/**
	 * Validates the header's dimensions and spacings.
	 *
	 * @throws InvalidInputException if dim[0] is outside 1 to 7 or a size is
	 *           below 1. Also if a fifth or later dimension is larger than 1, a
	 *           used pixdim is not positive and finite, or the grid does not fit
	 *           an ImageJ stack
	 */
	static NiftiDimensions of(Path file, NiftiHeader h, NiftiDataType type)
		throws InvalidInputException
	{
		return new NiftiDimensions(file, h, type);
	}

	/** Returns the sizes as text, e.g. "122 x 101 x 30" or "64 x 64 x 20 x 5". */
	String describe() {
		String text = size[0] + " x " + size[1] + " x " + size[2];
		return frames > 1 ? text + " x " + frames : text;
	}

	/**
	 * Checks that any two spatial axes fit one Java array, because reorientation
	 * may put any pair in the image plane, and that the slices fit a stack.
	 */
	private void checkImageJLimits(Path file) throws InvalidInputException {
		long[] sorted = size.clone();
		Arrays.sort(sorted);
		if (sorted[1] * sorted[2] > MAX_ARRAY_LENGTH || sorted[2] * frames > Integer.MAX_VALUE) {
			throw new InvalidInputException(file, "the dimensions " + describe() +
				" do not fit an ImageJ stack, which allows at most " + MAX_ARRAY_LENGTH +
				" voxels per slice and " + Integer.MAX_VALUE + " slices");
		}
	}
}
