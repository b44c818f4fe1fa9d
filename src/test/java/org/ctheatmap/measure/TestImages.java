package org.ctheatmap.measure;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import java.util.Random;

/** Small calibrated test images with seeded pseudo-random HU values. */
final class TestImages {

	private TestImages() {}

	/**
	 * Returns a 32-bit HU stack with values uniform in [-1000, 1500) HU,
	 * voxels of {@code spacing} mm and value unit "HU".
	 */
	static ImagePlus huFloat(int width, int height, int slices, double[] spacing, long seed) {
		Random random = new Random(seed);
		ImageStack stack = new ImageStack(width, height);
		for (int z = 0; z < slices; z++) {
			float[] pixels = new float[width * height];
			for (int i = 0; i < pixels.length; i++) {
				pixels[i] = -1000 + 2500 * random.nextFloat();
			}
			stack.addSlice(new FloatProcessor(width, height, pixels));
		}
		ImagePlus image = new ImagePlus("hu32", stack);
		calibrate(image, spacing);
		return image;
	}

	/**
	 * Returns a 16-bit stack whose values become HU through a straight-line
	 * calibration {@code HU = intercept + slope * raw}, as ImageJ's DICOM
	 * opener stores rescaled and signed data; raw values are uniform in
	 * [rawMin, rawMin + 2500).
	 */
	static ImagePlus huShort(int width, int height, int slices, double[] spacing,
		double intercept, double slope, int rawMin, long seed)
	{
		Random random = new Random(seed);
		ImageStack stack = new ImageStack(width, height);
		for (int z = 0; z < slices; z++) {
			short[] pixels = new short[width * height];
			for (int i = 0; i < pixels.length; i++) {
				pixels[i] = (short) (rawMin + random.nextInt(2500));
			}
			stack.addSlice(new ShortProcessor(width, height, pixels, null));
		}
		ImagePlus image = new ImagePlus("hu16", stack);
		calibrate(image, spacing);
		image.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] {
			intercept, slope }, "HU");
		return image;
	}

	/** Returns a 32-bit stack filled with one value, value unit {@code unit}. */
	static ImagePlus constant(String title, int width, int height, int slices,
		double[] spacing, float value, String unit)
	{
		ImageStack stack = new ImageStack(width, height);
		for (int z = 0; z < slices; z++) {
			FloatProcessor plane = new FloatProcessor(width, height);
			plane.setValue(value);
			plane.fill();
			stack.addSlice(plane);
		}
		ImagePlus image = new ImagePlus(title, stack);
		calibrate(image, spacing);
		image.getCalibration().setValueUnit(unit);
		return image;
	}

	/** Returns a stack whose voxel value is its 1-based slice number. */
	static ImagePlus sliceNumbers(int width, int height, int slices, double[] spacing) {
		ImageStack stack = new ImageStack(width, height);
		for (int z = 1; z <= slices; z++) {
			FloatProcessor plane = new FloatProcessor(width, height);
			plane.setValue(z);
			plane.fill();
			stack.addSlice(plane);
		}
		ImagePlus image = new ImagePlus("slices", stack);
		calibrate(image, spacing);
		image.getCalibration().setValueUnit("HU");
		return image;
	}

	static void calibrate(ImagePlus image, double[] spacing) {
		Calibration cal = image.getCalibration();
		cal.pixelWidth = spacing[0];
		cal.pixelHeight = spacing[1];
		cal.pixelDepth = spacing[2];
		cal.setUnit("mm");
		cal.setValueUnit("HU");
	}
}
