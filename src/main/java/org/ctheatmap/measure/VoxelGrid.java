package org.ctheatmap.measure;

import ij.ImagePlus;
import ij.measure.Calibration;

import java.util.Locale;

/**
 * Size and spatial calibration of the voxel grid that regions are measured
 * on. Instances are immutable.
 */
public final class VoxelGrid {

	/**
	 * Relative difference of voxel sizes up to which two images count as the
	 * same grid; covers sizes stored as float in file headers.
	 */
	static final double SPACING_TOLERANCE = 1e-4;

	private final int width;
	private final int height;
	private final int slices;
	private final int frames;
	private final double pixelWidth;
	private final double pixelHeight;
	private final double pixelDepth;
	private final String unit;

	/**
	 * Creates a grid.
	 *
	 * @param width columns (pixels)
	 * @param height rows (pixels)
	 * @param slices slices per frame
	 * @param frames time points
	 * @param spacing voxel size along x, y and z in {@code unit}
	 * @param unit length unit of the spacing, e.g. "mm", or "pixel" when
	 *          uncalibrated
	 */
	public VoxelGrid(int width, int height, int slices, int frames, double[] spacing,
		String unit)
	{
		if (width < 1 || height < 1 || slices < 1 || frames < 1) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"Invalid grid size %d x %d x %d, %d frames", width, height, slices, frames));
		}
		this.width = width;
		this.height = height;
		this.slices = slices;
		this.frames = frames;
		this.pixelWidth = spacing[0];
		this.pixelHeight = spacing[1];
		this.pixelDepth = spacing[2];
		this.unit = unit == null || unit.isEmpty() ? "pixel" : unit;
	}

	/**
	 * Returns the grid of an image: its width, height, slices, frames and the
	 * voxel size from its spatial calibration.
	 *
	 * @throws IllegalArgumentException if the image has more than one channel
	 */
	public static VoxelGrid of(ImagePlus image) {
		if (image.getNChannels() > 1) {
			throw new IllegalArgumentException("'" + image.getTitle() + "' has " + image
				.getNChannels() + " channels; measure one channel at a time");
		}
		Calibration cal = image.getCalibration();
		return new VoxelGrid(image.getWidth(), image.getHeight(), image.getNSlices(), image
			.getNFrames(), new double[] { cal.pixelWidth, cal.pixelHeight, cal.pixelDepth }, cal
				.getUnit());
	}

	/**
	 * Checks that an image lies on this grid: same width, height and slices,
	 * one frame or as many frames as this grid, and the same voxel size within
	 * {@link #SPACING_TOLERANCE} (relative).
	 *
	 * @param role how error messages refer to the image, e.g. "The label map"
	 * @throws IllegalArgumentException naming the image and the difference
	 */
	public void requireSameGrid(ImagePlus image, String role) {
		VoxelGrid other = of(image);
		String problem = null;
		if (other.width != width || other.height != height || other.slices != slices) {
			problem = String.format(Locale.ROOT, "is %d x %d x %d voxels, expected %d x %d x %d",
				other.width, other.height, other.slices, width, height, slices);
		} else if (other.frames != 1 && other.frames != frames) {
			problem = "has " + other.frames + " frames, expected 1 or " + frames;
		} else if (!close(other.pixelWidth, pixelWidth) || !close(other.pixelHeight,
			pixelHeight) || !close(other.pixelDepth, pixelDepth))
		{
			problem = String.format(Locale.ROOT, "has voxels of %s, expected %s", other
				.spacingText(), spacingText());
		}
		if (problem != null) {
			throw new IllegalArgumentException(role + " '" + image.getTitle() + "' " + problem +
				"; all images must share one voxel grid");
		}
	}

	private static boolean close(double a, double b) {
		return Math.abs(a - b) <= SPACING_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
	}

	/** Returns the voxel size as text, e.g. "0.7 x 0.7 x 2.5 mm". */
	public String spacingText() {
		return pixelWidth + " x " + pixelHeight + " x " + pixelDepth + " " + unit;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Returns the number of slices per frame. */
	public int slices() {
		return slices;
	}

	public int frames() {
		return frames;
	}

	/** Returns the voxel size along x, y and z in {@link #unit()}. */
	public double[] spacing() {
		return new double[] { pixelWidth, pixelHeight, pixelDepth };
	}

	/** Returns the area of one pixel in {@link #unit()}². */
	public double pixelArea() {
		return pixelWidth * pixelHeight;
	}

	/** Returns the volume of one voxel in {@link #unit()}³. */
	public double voxelVolume() {
		return pixelWidth * pixelHeight * pixelDepth;
	}

	/** Returns the length unit, e.g. "mm"; "pixel" for an uncalibrated image. */
	public String unit() {
		return unit;
	}
}
