package org.ctheatmap.core.filter;

import org.ctheatmap.core.ProgressListener;

/**
 * Separable Gaussian smoothing of a {@link FloatVolume}, in place.
 * <p>
 * The kernel for a sigma of s voxels is the sampled Gaussian
 * {@code exp(-k^2 / (2 s^2))} for integer offsets |k| &lt;= ceil(4 s),
 * divided by its sum. The tail beyond 4 sigma carries less than 1e-4 of the
 * weight. One pass runs along x, one along y and one along z.
 * <p>
 * Boundary and NaN rule: only voxels inside the volume that are not NaN
 * contribute, and the weights are divided by the sum of the weights that did
 * contribute. Nothing spills in from outside the volume, and a NaN voxel (for
 * example outside a mask) stays NaN and does not change its neighbours. With
 * no NaN in the volume, this renormalisation is done per pass, because the
 * weights of the in-volume part of a box are a product of one factor per
 * axis. With NaN, the volume and a weight volume (1 for valid voxels, 0 for
 * NaN) are both blurred with zero padding and then divided.
 * <p>
 * Memory: none beyond line buffers without NaN. With NaN, one float weight
 * volume and one bit per voxel. Slices or rows run in parallel on the common
 * fork-join pool.
 */
public final class GaussianFilter {

	/** Kernel radius in sigmas: offsets up to ceil(4 sigma) voxels are used. */
	public static final double TRUNCATION_SIGMAS = 4;

	private GaussianFilter() {}

	/**
	 * Returns the normalised kernel for a sigma in voxels: weights for offsets
	 * -r to r at indices 0 to 2r, with r = ceil(4 sigma) and a sum of 1.
	 *
	 * @throws IllegalArgumentException if sigma is not positive and finite
	 */
	public static float[] kernel(double sigmaVoxels) {
		if (!(sigmaVoxels > 0) || Double.isInfinite(sigmaVoxels)) {
			throw new IllegalArgumentException("Gaussian sigma must be positive, got " +
				sigmaVoxels + " voxels");
		}
		int radius = (int) Math.ceil(TRUNCATION_SIGMAS * sigmaVoxels);
		double[] weights = new double[2 * radius + 1];
		double sum = 0;
		for (int k = -radius; k <= radius; k++) {
			weights[k + radius] = Math.exp(-k * (double) k / (2 * sigmaVoxels * sigmaVoxels));
			sum += weights[k + radius];
		}
		float[] kernel = new float[weights.length];
		for (int i = 0; i < kernel.length; i++) {
			kernel[i] = (float) (weights[i] / sum);
		}
		return kernel;
	}

	/**
	 * Blurs a volume in place.
	 *
	 * @param volume values to blur, e.g. HU; overwritten with the result
	 * @param sigmaVoxels sigma along x, y and z in voxels; 0 skips that axis,
	 *          so {0.8, 0.8, 0} blurs each slice on its own
	 * @param progress receives one report per pass
	 * @throws IllegalArgumentException if a sigma is negative or not finite
	 */
	public static void blur(FloatVolume volume, double[] sigmaVoxels, ProgressListener progress) {
		float[][] kernels = new float[3][];
		for (int axis = 0; axis < 3; axis++) {
			if (sigmaVoxels[axis] != 0) kernels[axis] = kernel(sigmaVoxels[axis]);
		}
		if (!volume.hasNaN()) {
			runPasses(volume, kernels, true, progress);
			return;
		}
		long[][] nanBits = new long[volume.depth()][];
		FloatVolume weights = splitNaN(volume, nanBits);
		runPasses(weights, kernels, false, ProgressListener.NONE);
		runPasses(volume, kernels, false, progress);
		divide(volume, weights, nanBits);
	}

	private static void runPasses(FloatVolume volume, float[][] kernels, boolean renormalise,
		ProgressListener progress)
	{
		String step = "Gaussian blur";
		progress.progress(step, 0, 2);
		passesXY(volume, kernels[0], kernels[1], renormalise);
		progress.progress(step, 1, 2);
		if (kernels[2] != null) passZ(volume, kernels[2], renormalise);
		progress.progress(step, 2, 2);
	}

	/**
	 * Returns, for each output position p in [0, n), 1 over the sum of the
	 * kernel weights whose source p + k lies in [0, n), or all ones.
	 */
	static float[] inverseNorms(float[] kernel, int n, boolean renormalise) {
		int radius = kernel.length / 2;
		float[] inverse = new float[n];
		for (int p = 0; p < n; p++) {
			double sum = 0;
			for (int k = Math.max(-radius, -p); k <= Math.min(radius, n - 1 - p); k++) {
				sum += kernel[k + radius];
			}
			inverse[p] = renormalise ? (float) (1 / sum) : 1f;
		}
		return inverse;
	}

	/**
	 * Runs the x and the y pass slice by slice, so that each slice is still in
	 * cache for the second pass. A null kernel skips its pass.
	 */
	private static void passesXY(FloatVolume volume, float[] kernelX, float[] kernelY,
		boolean renormalise)
	{
		if (kernelX == null && kernelY == null) return;
		int w = volume.width();
		int h = volume.height();
		float[] inverseX = kernelX == null ? null : inverseNorms(kernelX, w, renormalise);
		float[] inverseY = kernelY == null ? null : inverseNorms(kernelY, h, renormalise);
		float[][] slices = volume.slices();
		Parallel.forRange(volume.depth(), (from, to) -> {
			RowConvolver rows = kernelX == null ? null : new RowConvolver(w, kernelX, inverseX);
			LineConvolver columns = kernelY == null ? null : new LineConvolver(h, w);
			float[][] arrays = new float[h][];
			int[] offsets = new int[h];
			for (int z = from; z < to; z++) {
				if (rows != null) rows.convolveRows(slices[z], h);
				if (columns == null) continue;
				for (int y = 0; y < h; y++) {
					arrays[y] = slices[z];
					offsets[y] = y * w;
				}
				columns.convolve(arrays, offsets, kernelY, inverseY);
			}
		});
	}

	private static void passZ(FloatVolume volume, float[] kernel, boolean renormalise) {
		int w = volume.width();
		int d = volume.depth();
		float[] inverse = inverseNorms(kernel, d, renormalise);
		float[][] slices = volume.slices();
		Parallel.forRange(volume.height(), (from, to) -> {
			LineConvolver convolver = new LineConvolver(d, w);
			int[] offsets = new int[d];
			for (int y = from; y < to; y++) {
				java.util.Arrays.fill(offsets, y * w);
				convolver.convolve(slices, offsets, kernel, inverse);
			}
		});
	}

	/**
	 * Replaces NaN voxels by 0, records them in {@code nanBits} and returns a
	 * weight volume that is 1 for valid voxels and 0 for NaN.
	 */
	private static FloatVolume splitNaN(FloatVolume volume, long[][] nanBits) {
		FloatVolume weights = FloatVolume.allocate(volume.width(), volume.height(), volume
			.depth());
		Parallel.forRange(volume.depth(), (from, to) -> {
			for (int z = from; z < to; z++) {
				float[] values = volume.slices()[z];
				float[] weight = weights.slices()[z];
				long[] bits = new long[(values.length + 63) / 64];
				for (int i = 0; i < values.length; i++) {
					if (values[i] != values[i]) {
						bits[i >> 6] |= 1L << i;
						values[i] = 0;
					} else {
						weight[i] = 1;
					}
				}
				nanBits[z] = bits;
			}
		});
		return weights;
	}

	private static void divide(FloatVolume volume, FloatVolume weights, long[][] nanBits) {
		Parallel.forRange(volume.depth(), (from, to) -> {
			for (int z = from; z < to; z++) {
				float[] values = volume.slices()[z];
				float[] weight = weights.slices()[z];
				long[] bits = nanBits[z];
				for (int i = 0; i < values.length; i++) {
					boolean wasNaN = (bits[i >> 6] & (1L << i)) != 0;
					values[i] = wasNaN ? Float.NaN : values[i] / weight[i];
				}
			}
		});
	}
}
