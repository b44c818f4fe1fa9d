package org.ctheatmap.core.maps;

import ij.ImageStack;
import ij.process.FloatProcessor;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.LocalMean;
import org.ctheatmap.core.ProgressListener;

/**
 * Computes parameter maps of a CT volume: local mean, local SD, gradient
 * magnitude, local entropy and the percentage of voxels in an HU range. Each
 * uses a box whose half-widths come from a radius in mm and the voxel
 * spacing, so anisotropic voxels get a box of about the same size in mm
 * along every axis.
 * <p>
 * Time points of a 4-D stack are processed separately, never mixed. With a
 * mask, only voxels inside it take part and voxels outside get NaN, which
 * the heat-map renderer shows as transparent.
 */
public final class ParameterMaps {

	private ParameterMaps() {}

	/**
	 * Computes a map of a CT volume; the volume is not modified.
	 *
	 * @param mask see {@link #compute(ImageStack, int, double[], MapSettings,
	 *          boolean[][], ProgressListener)}
	 */
	public static ImageStack compute(CtVolume volume, MapSettings settings, boolean[][] mask,
		ProgressListener progress)
	{
		return compute(volume.image().getStack(), volume.depth(), volume.geometry().spacing(),
			settings, mask, progress);
	}

	/**
	 * Computes a map of every time point of a 32-bit stack; the stack is not
	 * modified.
	 *
	 * @param stack 32-bit values in HU, width x height x (depth x frames) in
	 *          ImageJ's slice-then-frame order
	 * @param depth slices per time point
	 * @param spacingMm voxel size along x, y and z in mm
	 * @param mask {@code mask[n][y * width + x]} with n the 0-based stack
	 *          index, or with n the 0-based slice when it has only
	 *          {@code depth} planes, which then apply to every time point;
	 *          null for every voxel
	 * @return a new 32-bit stack with the same layout and slice labels, in the
	 *         unit of {@link MapType#unit()}
	 * @throws IllegalArgumentException if the stack is not 32-bit, its size is
	 *           not a multiple of {@code depth}, or the mask's shape differs
	 */
	public static ImageStack compute(ImageStack stack, int depth, double[] spacingMm,
		MapSettings settings, boolean[][] mask, ProgressListener progress)
	{
		check(stack, depth, mask);
		int width = stack.getWidth();
		int height = stack.getHeight();
		int[] half = LocalMean.halfWidths(settings.radiusMm(), spacingMm);
		ImageStack result = new ImageStack(width, height);
		for (int t = 0; t < stack.getSize() / depth; t++) {
			float[][] slices = new float[depth][];
			boolean[][] frameMask = mask == null ? null : new boolean[depth][];
			for (int z = 0; z < depth; z++) {
				slices[z] = (float[]) stack.getPixels(t * depth + z + 1);
				if (mask != null) frameMask[z] = mask[mask.length == depth ? z : t * depth + z];
			}
			float[][] map = frame(slices, width, height, spacingMm, half, settings, frameMask,
				progress);
			for (int z = 0; z < depth; z++) {
				result.addSlice(stack.getSliceLabel(t * depth + z + 1), new FloatProcessor(width,
					height, map[z]));
			}
		}
		return result;
	}

	private static float[][] frame(float[][] slices, int width, int height, double[] spacing,
		int[] half, MapSettings settings, boolean[][] mask, ProgressListener progress)
	{
		switch (settings.type()) {
			case LOCAL_MEAN:
				return BoxStatistics.compute(slices, width, height, half, mask, false, progress)[0];
			case LOCAL_SD:
				return BoxStatistics.compute(slices, width, height, half, mask, true, progress)[1];
			case GRADIENT:
				float[][] smoothed = settings.radiusMm() > 0 ? BoxStatistics.compute(slices, width,
					height, half, mask, false, progress)[0] : slices;
				return GradientMagnitude.compute(smoothed, width, height, spacing, mask, progress);
			case ENTROPY:
				return LocalEntropy.compute(slices, width, height, half, mask,
					MapSettings.ENTROPY_LOWEST_HU, settings.binWidthHu(), settings.bins(),
					progress);
			case RANGE_FRACTION:
				float[][] inRange = indicator(slices, settings.rangeLowHu(), settings
					.rangeHighHu());
				float[][] fraction = BoxStatistics.compute(inRange, width, height, half, mask,
					false, progress)[0];
				scale(fraction, 100);
				return fraction;
			default:
				throw new IllegalStateException("Unhandled map type " + settings.type());
		}
	}

	/** Returns 1 where the value is in [low, high], 0 elsewhere, NaN where not finite. */
	private static float[][] indicator(float[][] slices, double low, double high) {
		float[][] out = new float[slices.length][];
		for (int z = 0; z < slices.length; z++) {
			float[] values = slices[z];
			out[z] = new float[values.length];
			for (int i = 0; i < values.length; i++) {
				float v = values[i];
				if (!Float.isFinite(v)) {
					out[z][i] = Float.NaN;
				} else {
					out[z][i] = v >= low && v <= high ? 1 : 0;
				}
			}
		}
		return out;
	}

	private static void scale(float[][] planes, float factor) {
		for (float[] plane : planes) {
			for (int i = 0; i < plane.length; i++) {
				plane[i] *= factor;
			}
		}
	}

	private static void check(ImageStack stack, int depth, boolean[][] mask) {
		if (stack.getBitDepth() != 32) {
			throw new IllegalArgumentException("Parameter maps need a 32-bit stack, got " + stack
				.getBitDepth() + "-bit");
		}
		if (depth < 1 || stack.getSize() % depth != 0) {
			throw new IllegalArgumentException("Stack of " + stack.getSize() +
				" slices does not split into time points of " + depth + " slices");
		}
		if (mask != null && mask.length != depth && mask.length != stack.getSize()) {
			throw new IllegalArgumentException("Mask of " + mask.length +
				" planes matches neither the " + depth + " slices nor the " + stack.getSize() +
				" stack images");
		}
	}
}
