package org.ctheatmap.lut;

import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import org.ctheatmap.core.CtVolume;

/**
 * Axial, coronal and sagittal views of a heat map through a chosen voxel,
 * and maximum-intensity projections of the map, with square pixels.
 * <p>
 * Orientation follows the voxel grid, as the project shows axial CT. The
 * axial view is the slice as stored, column index to the right and row index
 * down. The coronal view shows columns to the right and slices upwards, the
 * last slice at the top. The sagittal view shows rows to the right and
 * slices upwards. For a grid in DICOM LPS with identity directions that is
 * anterior at the top of the axial view, the patient's right on the left of
 * the axial and coronal views, anterior on the left of the sagittal view
 * and superior at the top of both.
 * <p>
 * Each view is scaled with nearest-neighbour sampling so that its pixels are
 * square, with the in-plane spacing {@code min(spacing x, spacing y)} as
 * pixel size; every pixel therefore keeps a colour the renderer produced
 * for some voxel. No input is modified.
 */
public final class OrthogonalViews {

	/** A view plane, named by the anatomical plane it shows. */
	public enum View {
		AXIAL, CORONAL, SAGITTAL
	}

	private final CtVolume volume;
	private final ImageStack map;
	private final HeatMapSettings settings;
	private final boolean[][] mask;
	private final int frame;

	/**
	 * Prepares views of one time point.
	 *
	 * @param map 32-bit map with the volume's layout, in the settings' unit
	 * @param mask planes of the stack or of one time point, as for
	 *          {@link HeatMapRenderer}; null for none
	 * @param frame 1-based time point
	 * @throws IllegalArgumentException if the frame does not exist or the map's
	 *           size differs from the volume's
	 */
	public OrthogonalViews(CtVolume volume, ImageStack map, HeatMapSettings settings,
		boolean[][] mask, int frame)
	{
		if (frame < 1 || frame > volume.frames()) {
			throw new IllegalArgumentException("Frame " + frame + " does not exist; the volume " +
				"has " + volume.frames());
		}
		if (map.getSize() != volume.image().getStackSize() || map.getWidth() != volume
			.width() || map.getHeight() != volume.height())
		{
			throw new IllegalArgumentException("Map size differs from the CT volume");
		}
		this.volume = volume;
		this.map = map;
		this.settings = settings;
		this.mask = mask;
		this.frame = frame;
	}

	/** Returns the pixel size of every view in mm: the smaller in-plane spacing. */
	public double pixelSizeMm() {
		double[] s = volume.geometry().spacing();
		return Math.min(s[0], s[1]);
	}

	/**
	 * Returns the flattened view (grey CT with the map blended in) through a
	 * voxel.
	 *
	 * @param voxel 0-based (column, row, slice) the view passes through; only
	 *          the index across the view's plane is used
	 * @throws IllegalArgumentException if the voxel lies outside the volume
	 */
	public ColorProcessor slice(View view, int[] voxel) {
		checkVoxel(voxel);
		int fixed = voxel[across(view)];
		int[] size = size(view);
		int[] pixels = new int[size[0] * size[1]];
		for (int v = 0; v < size[1]; v++) {
			float[] hu = new float[size[0]];
			float[] values = new float[size[0]];
			boolean[] inside = mask == null ? null : new boolean[size[0]];
			for (int u = 0; u < size[0]; u++) {
				int[] p = voxelOf(view, u, v, fixed);
				int n = stackIndex(p[2]);
				int i = p[1] * volume.width() + p[0];
				hu[u] = ((float[]) volume.image().getStack().getPixels(n))[i];
				values[u] = ((float[]) map.getPixels(n))[i];
				if (inside != null) inside[u] = HeatMapRenderer.maskPlane(mask, n, volume
					.depth())[i];
			}
			int[] row = HeatMapRenderer.flattenPixels(hu, values, inside, settings);
			System.arraycopy(row, 0, pixels, v * size[0], size[0]);
		}
		return squared(view, new ColorProcessor(size[0], size[1], pixels));
	}

	/**
	 * Returns the maximum of the map along the view's normal: for each pixel
	 * the highest finite value inside the mask, or NaN where there is none.
	 * The result is not scaled to square pixels.
	 */
	public FloatProcessor maximumValues(View view) {
		int[] size = size(view);
		int[] extents = { volume.width(), volume.height(), volume.depth() };
		int across = extents[across(view)];
		float[] max = new float[size[0] * size[1]];
		java.util.Arrays.fill(max, Float.NaN);
		for (int fixed = 0; fixed < across; fixed++) {
			for (int v = 0; v < size[1]; v++) {
				for (int u = 0; u < size[0]; u++) {
					int[] p = voxelOf(view, u, v, fixed);
					int n = stackIndex(p[2]);
					int i = p[1] * volume.width() + p[0];
					float value = ((float[]) map.getPixels(n))[i];
					boolean inside = mask == null || HeatMapRenderer.maskPlane(mask, n, volume
						.depth())[i];
					int at = v * size[0] + u;
					if (inside && Float.isFinite(value) && !(value <= max[at])) max[at] = value;
				}
			}
		}
		return new FloatProcessor(size[0], size[1], max);
	}

	/**
	 * Returns the maximum-intensity projection of the map along the view's
	 * normal, in colour on black. Each pixel gets the colour of its maximum at
	 * full opacity, or black where the settings make that maximum transparent
	 * (NaN, below or above a threshold).
	 */
	public ColorProcessor maximumProjection(View view) {
		float[] max = (float[]) maximumValues(view).getPixels();
		int[] pixels = new int[max.length];
		for (int i = 0; i < max.length; i++) {
			if (!settings.isTransparent(max[i])) pixels[i] = settings.scale().rgb(max[i]);
		}
		int[] size = size(view);
		return squared(view, new ColorProcessor(size[0], size[1], pixels));
	}

	/** Returns the axis across a view's plane: 0 (columns), 1 (rows) or 2 (slices). */
	private static int across(View view) {
		switch (view) {
			case AXIAL:
				return 2;
			case CORONAL:
				return 1;
			default:
				return 0;
		}
	}

	/** Returns {width, height} of a view in voxels, before scaling. */
	private int[] size(View view) {
		switch (view) {
			case AXIAL:
				return new int[] { volume.width(), volume.height() };
			case CORONAL:
				return new int[] { volume.width(), volume.depth() };
			default:
				return new int[] { volume.height(), volume.depth() };
		}
	}

	/** Returns the voxel (column, row, slice) shown at view pixel (u, v). */
	private int[] voxelOf(View view, int u, int v, int fixed) {
		int up = volume.depth() - 1 - v;
		switch (view) {
			case AXIAL:
				return new int[] { u, v, fixed };
			case CORONAL:
				return new int[] { u, fixed, up };
			default:
				return new int[] { fixed, u, up };
		}
	}

	private int stackIndex(int slice) {
		return (frame - 1) * volume.depth() + slice + 1;
	}

	/** Scales a view with nearest-neighbour sampling so its pixels are square. */
	private ColorProcessor squared(View view, ColorProcessor image) {
		double[] s = volume.geometry().spacing();
		double pixel = pixelSizeMm();
		double horizontal = view == View.SAGITTAL ? s[1] : s[0];
		double vertical = view == View.AXIAL ? s[1] : s[2];
		int width = Math.max(1, (int) Math.round(image.getWidth() * horizontal / pixel));
		int height = Math.max(1, (int) Math.round(image.getHeight() * vertical / pixel));
		if (width == image.getWidth() && height == image.getHeight()) return image;
		image.setInterpolationMethod(ImageProcessor.NONE);
		return (ColorProcessor) image.resize(width, height);
	}

	private void checkVoxel(int[] voxel) {
		if (voxel.length != 3 || voxel[0] < 0 || voxel[1] < 0 || voxel[2] < 0 || voxel[0] >=
			volume.width() || voxel[1] >= volume.height() || voxel[2] >= volume.depth())
		{
			throw new IllegalArgumentException("Voxel " + java.util.Arrays.toString(voxel) +
				" lies outside the volume of " + volume.width() + " x " + volume.height() + " x " +
				volume.depth());
		}
	}
}
