package org.ctheatmap.core;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts ImageJ images, as opened by ImageJ itself or by other plugins, to
 * {@link CtVolume}s in HU.
 */
public final class HuImages {

	private HuImages() {}

	/**
	 * Converts an image to a new 32-bit HU volume; the input is not modified.
	 * <p>
	 * 8- and 16-bit images go through their ImageJ calibration function, which
	 * is how ImageJ's DICOM opener stores Rescale Slope/Intercept and how it
	 * stores signed 16-bit data (raw + 32768 with a straight-line function). A
	 * straight line is evaluated in double precision from its coefficients, so
	 * signed and unsigned encodings of the same HU give identical values. An
	 * uncalibrated integer image is taken as HU already, with a warning. A
	 * 32-bit image is taken as HU. The geometry comes from the
	 * {@link PatientGeometry#PROPERTY_KEY} property when present, otherwise from
	 * the spatial calibration with an axial orientation.
	 *
	 * @throws IllegalArgumentException for RGB or composite colour images, or a
	 *           calibration function other than a straight line
	 */
	public static CtVolume toHuVolume(ImagePlus image) {
		if (image.getBitDepth() == 24 || image.getNChannels() > 1) {
			throw new IllegalArgumentException("'" + image.getTitle() +
				"' is a colour or multi-channel image; a CT volume needs one grey channel");
		}
		List<String> warnings = new ArrayList<>();
		double[] line = huLine(image, warnings);
		ImageStack source = image.getStack();
		ImageStack target = new ImageStack(image.getWidth(), image.getHeight());
		for (int n = 1; n <= source.getSize(); n++) {
			target.addSlice(source.getSliceLabel(n), toFloat(source.getProcessor(n), line));
		}
		ImagePlus hu = new ImagePlus(image.getTitle(), target);
		hu.setDimensions(1, image.getNSlices(), image.getNFrames());
		if (image.getNFrames() > 1) hu.setOpenAsHyperStack(true);

		PatientGeometry geometry = geometryOf(image, warnings);
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("Format", "ImageJ image");
		metadata.put("Title", image.getTitle());
		String conversion = line == null ? "HU = pixel value (32-bit image taken as HU)"
			: "HU = " + line[0] + " + " + line[1] + " x pixel value (ImageJ calibration function)";
		return new CtVolume(hu, geometry, conversion, metadata, warnings);
	}

	/**
	 * Returns {intercept, slope} of the image's value calibration, or null for
	 * a 32-bit image whose values are used as they are.
	 */
	private static double[] huLine(ImagePlus image, List<String> warnings) {
		if (image.getBitDepth() == 32) return null;
		Calibration cal = image.getCalibration();
		int function = cal.getFunction();
		if (function == Calibration.NONE) {
			warnings.add("'" + image.getTitle() + "' has no value calibration; its " + image
				.getBitDepth() + "-bit pixel values are taken as HU");
			return new double[] { 0, 1 };
		}
		double[] coefficients = cal.getCoefficients();
		if (function != Calibration.STRAIGHT_LINE || coefficients == null ||
			coefficients.length < 2)
		{
			throw new IllegalArgumentException("'" + image.getTitle() +
				"' has a non-linear value calibration; only a straight line (slope and intercept)" +
				" converts to HU");
		}
		return new double[] { coefficients[0], coefficients[1] };
	}

	private static FloatProcessor toFloat(ImageProcessor ip, double[] line) {
		int size = ip.getPixelCount();
		float[] out = new float[size];
		if (line == null) {
			float[] in = (float[]) ip.getPixels();
			System.arraycopy(in, 0, out, 0, size);
		} else {
			for (int i = 0; i < size; i++) {
				out[i] = (float) (line[0] + line[1] * ip.get(i));
			}
		}
		return new FloatProcessor(ip.getWidth(), ip.getHeight(), out);
	}

	private static PatientGeometry geometryOf(ImagePlus image, List<String> warnings) {
		Object text = image.getProp(PatientGeometry.PROPERTY_KEY);
		if (text != null) {
			try {
				return PatientGeometry.parse(text.toString());
			} catch (IllegalArgumentException e) {
				warnings.add("Ignored an invalid stored geometry: " + e.getMessage());
			}
		}
		Calibration cal = image.getCalibration();
		double scale = millimetresPerUnit(cal.getUnit());
		if (Double.isNaN(scale)) {
			warnings.add("'" + image.getTitle() + "' has spatial unit '" + cal.getUnit() +
				"'; its voxel size is taken as millimetres");
			scale = 1;
		}
		double[] spacing = { cal.pixelWidth * scale, cal.pixelHeight * scale, cal.pixelDepth *
			scale };
		double[] origin = { -cal.xOrigin * spacing[0], -cal.yOrigin * spacing[1], -cal.zOrigin *
			spacing[2] };
		warnings.add("'" + image.getTitle() +
			"' carries no patient orientation; an axial orientation is assumed");
		return PatientGeometry.axial(origin, spacing);
	}

	/**
	 * Returns the millimetres per unit of an ImageJ spatial unit ("mm",
	 * "millimetre", "cm", "m", "µm", "micron" and their plurals, any case), or
	 * NaN for a unit that is not a length, such as "pixel".
	 */
	public static double millimetresPerUnit(String unit) {
		switch (unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT)) {
			case "mm":
			case "millimeter":
			case "millimetre":
			case "millimeters":
			case "millimetres":
				return 1;
			case "cm":
				return 10;
			case "m":
				return 1000;
			case "µm":
			case "um":
			case "micron":
			case "microns":
				return 0.001;
			default:
				return Double.NaN;
		}
	}
}
