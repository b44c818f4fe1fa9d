package org.ctheatmap.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.api.Test;

class CtFilterTest {

	/**
	 * A 16-bit result is the 32-bit result rounded to whole stored values
	 * (slope 1), so they differ by at most 0.5 HU plus float rounding.
	 */
	private static final double ROUNDING_TOL_HU = 0.5 + 1e-3;

	private static final double[] SPACING = { 0.7, 0.9, 2.5 };

	private static ImagePlus floatImage(FloatVolume v) {
		ImagePlus image = new ImagePlus("ct", v.copy().toStack());
		calibrate(image);
		return image;
	}

	private static void calibrate(ImagePlus image) {
		Calibration cal = image.getCalibration();
		cal.pixelWidth = SPACING[0];
		cal.pixelHeight = SPACING[1];
		cal.pixelDepth = SPACING[2];
		cal.setUnit("mm");
	}

	/** Stores HU + 1024 as unsigned 16-bit with the line HU = -1024 + stored. */
	private static ImagePlus shortImage(FloatVolume v) {
		ImageStack stack = new ImageStack(v.width(), v.height());
		for (float[] slice : v.slices()) {
			short[] stored = new short[slice.length];
			for (int i = 0; i < slice.length; i++) {
				stored[i] = (short) Math.round(slice[i] + 1024);
			}
			stack.addSlice(null, stored);
		}
		ImagePlus image = new ImagePlus("ct16", stack);
		calibrate(image);
		image.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] { -1024, 1 },
			"HU");
		return image;
	}

	private static final FilterSettings[] ALL = { FilterSettings.gaussian(1.2, true),
		FilterSettings.gaussian(1.2, false), FilterSettings.median(1.5, true),
		new FilterSettings(FilterType.MEAN, 1.5, Double.NaN, true), FilterSettings.bilateral(1.0,
			200, true) };

	@Test
	void shortInputGivesTheFloatResult() {
		FloatVolume v = Reference.randomVolume(12, 10, 6, 41);
		for (FilterSettings settings : ALL) {
			ImagePlus f = CtFilter.apply(floatImage(v), settings, false, ProgressListener.NONE);
			ImagePlus s = CtFilter.apply(shortImage(v), settings, false, ProgressListener.NONE);
			assertEquals(16, s.getBitDepth(), settings + ": 16-bit input gives 16-bit output");
			Calibration cal = s.getCalibration();
			double max = 0;
			for (int n = 1; n <= v.depth(); n++) {
				float[] expected = (float[]) f.getStack().getPixels(n);
				short[] stored = (short[]) s.getStack().getPixels(n);
				for (int i = 0; i < expected.length; i++) {
					max = Math.max(max, Math.abs(cal.getCValue(stored[i] & 0xffff) - expected[i]));
				}
			}
			assertEquals(0, max, ROUNDING_TOL_HU, settings + ": max |16-bit - 32-bit| in HU");
		}
	}

	@Test
	void oversizedFilterRejected() {
		ImagePlus image = floatImage(Reference.randomVolume(12, 10, 6, 43));
		IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
			() -> CtFilter.apply(image, FilterSettings.gaussian(1e9, true), false,
				ProgressListener.NONE));
		assertTrue(wide.getMessage().contains("1.0E9 mm"), "names the sigma: " + wide
			.getMessage());
		double[] spacing = { 0.5, 0.5, 0.5 };
		IllegalArgumentException large = assertThrows(IllegalArgumentException.class,
			() -> CtFilter.checkSize(FilterSettings.median(40, true), spacing, new int[] { 512, 512,
				300 }));
		assertTrue(large.getMessage().contains("voxels per neighbourhood"), "names the count: " +
			large.getMessage());
	}

	@Test
	void inPlaceEqualsNewImage() {
		FloatVolume v = Reference.randomVolume(12, 10, 6, 42);
		for (FilterSettings settings : ALL) {
			ImagePlus original = floatImage(v);
			ImagePlus copy = CtFilter.apply(original, settings, false, ProgressListener.NONE);
			assertNotSame(original, copy, settings + ": new image");
			assertEquals(0, Reference.maxDifference(v, FloatVolume.wrap(original.getStack())), 0,
				settings + ": input unchanged");
			ImagePlus same = CtFilter.apply(original, settings, true, ProgressListener.NONE);
			assertSame(original, same, settings + ": in place returns the input");
			assertEquals(0, Reference.maxDifference(FloatVolume.wrap(copy.getStack()), FloatVolume
				.wrap(same.getStack())), 0, settings + ": in place equals new image");
		}
	}

	@Test
	void outputKeepsCalibrationAndRecordsTheFilter() {
		ImagePlus image = shortImage(Reference.randomVolume(8, 8, 4, 43));
		ImagePlus out = CtFilter.apply(image, FilterSettings.gaussian(1, true), false,
			ProgressListener.NONE);
		Calibration cal = out.getCalibration();
		assertEquals(SPACING[2], cal.pixelDepth, 0, "slice spacing in mm");
		assertEquals("mm", cal.getUnit(), "spatial unit");
		assertEquals(-1024, cal.getCValue(0), 0, "HU of stored 0");
		assertEquals("Gaussian 3-D, sigma 1 mm", out.getProp(CtFilter.PROPERTY_KEY),
			"filter property");
	}

	@Test
	void millimetresBecomeVoxelsPerAxis() {
		double[] sigma = CtFilter.sigmaVoxels(FilterSettings.gaussian(1.4, true), SPACING);
		assertEquals(2, sigma[0], 1e-12, "x sigma in voxels");
		assertEquals(0.56, sigma[2], 1e-12, "z sigma in voxels");
	}

	@Test
	void hyperstackFramesAreFilteredSeparately() {
		FloatVolume v = FloatVolume.allocate(5, 5, 4);
		java.util.Arrays.fill(v.slices()[2], 100f);
		java.util.Arrays.fill(v.slices()[3], 100f);
		ImagePlus image = floatImage(v);
		image.setDimensions(1, 2, 2);
		ImagePlus out = CtFilter.apply(image, FilterSettings.gaussian(3, true), false,
			ProgressListener.NONE);
		assertEquals(0, out.getStack().getProcessor(1).getf(2, 2), 0, "frame 1 gets nothing");
		assertEquals(100, out.getStack().getProcessor(3).getf(2, 2), 1e-3, "frame 2 stays 100");
	}

	@Test
	void rejectsUncalibratedAndEightBitImages() {
		ImagePlus pixels = new ImagePlus("px", ImageStack.create(4, 4, 2, 32));
		assertThrows(IllegalArgumentException.class, () -> CtFilter.apply(pixels, FilterSettings
			.gaussian(1, true), false, ProgressListener.NONE), "unit 'pixel' is rejected");
		ImagePlus bytes = new ImagePlus("8", ImageStack.create(4, 4, 2, 8));
		calibrate(bytes);
		assertThrows(IllegalArgumentException.class, () -> CtFilter.apply(bytes, FilterSettings
			.gaussian(1, true), false, ProgressListener.NONE), "8-bit is rejected");
	}
}
