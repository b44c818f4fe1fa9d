package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

/**
 * Stands in for Bio-Formats' {@code loci.plugins.BF} in tests: returns a
 * 16-bit image whose Info text carries Rescale Slope 2 and Intercept -1024, as
 * Bio-Formats leaves them for DICOM, with the raw values 0 to 5.
 */
public final class FakeBioFormats {

	/** When true, the image gets ImageJ's signed 16-bit calibration, raw + 32768. */
	static boolean signed;

	private FakeBioFormats() {}

	/** Same signature as {@code loci.plugins.BF.openImagePlus(String)}. */
	public static ImagePlus[] openImagePlus(String path) {
		ImageStack stack = new ImageStack(3, 2);
		short[] pixels = new short[6];
		for (int n = 0; n < pixels.length; n++) {
			pixels[n] = (short) (n + (signed ? 32768 : 0));
		}
		stack.addSlice(null, new ShortProcessor(3, 2, pixels, null));
		ImagePlus image = new ImagePlus("fake", stack);
		if (signed) {
			image.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] { -32768,
				1 }, "gray value");
		}
		image.setProperty("Info", "Modality = CT\n(0028,1053) Rescale Slope: 2\n" +
			"(0028,1052) Rescale Intercept: -1024\n");
		return new ImagePlus[] { image };
	}
}
