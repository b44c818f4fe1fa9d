package org.ctheatmap.commands;

import ij.ImagePlus;
import ij.measure.Calibration;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.HuImages;
import org.ctheatmap.io.InvalidInputException;

/**
 * Opens files that this suite cannot read with Bio-Formats, when Fiji has it.
 * <p>
 * Bio-Formats is not on Maven Central, so it is called by reflection and only
 * when present at run time: {@code loci.plugins.BF.openImagePlus(String)},
 * which returns one {@code ImagePlus} per series; the first is used. Its
 * DICOM reader leaves Rescale Slope and Intercept in the image's Info text
 * instead of applying them, so they are read from there and applied (see
 * {@link #rescaleFromInfo}). Patient geometry is not available this way, so
 * the volume is axial with Bio-Formats' voxel size, and a warning states this.
 */
final class BioFormatsFallback {

	/** The Bio-Formats plugin class of Fiji. */
	static final String BIO_FORMATS_CLASS = "loci.plugins.BF";

	/** Matches "Rescale Slope = 1", "(0028,1053) Rescale Slope: 1" and similar lines. */
	private static final Pattern RESCALE = Pattern.compile(
		"(?im)rescale[ _]?(slope|intercept)\\s*[=:]\\s*([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)");

	/** ImageJ stores signed 16-bit data as raw + 32768 with this straight-line calibration. */
	private static final double SIGNED_16_OFFSET = -32768;

	private final String className;

	/** Uses Fiji's Bio-Formats class. */
	BioFormatsFallback() {
		this(BIO_FORMATS_CLASS);
	}

	/** Uses another class with a static {@code openImagePlus(String)}; for tests. */
	BioFormatsFallback(String className) {
		this.className = className;
	}

	/** Returns whether the Bio-Formats class can be loaded. */
	boolean available() {
		return openMethod() != null;
	}

	/**
	 * Opens a file with Bio-Formats and converts it to HU.
	 *
	 * @throws InvalidInputException if Bio-Formats is absent, fails on the file
	 *           or returns no image, or the image cannot be converted to HU
	 */
	CtVolume open(Path file) throws InvalidInputException {
		Method open = openMethod();
		if (open == null) {
			throw new InvalidInputException(file, "Bio-Formats (" + className +
				") is not installed; it is needed for this file type");
		}
		Object result;
		try {
			result = open.invoke(null, file.toString());
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			throw new InvalidInputException(file, "Bio-Formats could not read the file: " + cause,
				cause);
		} catch (IllegalAccessException | RuntimeException e) {
			throw new InvalidInputException(file, "Bio-Formats could not be called: " + e, e);
		}
		if (!(result instanceof ImagePlus[]) || ((ImagePlus[]) result).length == 0) {
			throw new InvalidInputException(file, "Bio-Formats found no image in the file");
		}

		ImagePlus image = ((ImagePlus[]) result)[0];
		List<String> notes = new ArrayList<>();
		notes.add("Opened with Bio-Formats because this suite does not read this file type;" +
			" the patient orientation is unknown and the image is taken as axial");
		applyRescale(image, notes);
		CtVolume volume;
		try {
			volume = HuImages.toHuVolume(image);
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException(file, e.getMessage(), e);
		}
		Map<String, String> metadata = new LinkedHashMap<>(volume.metadata());
		metadata.put("Format", "Bio-Formats");
		metadata.put("Source", file.toAbsolutePath().normalize().toString());
		notes.addAll(volume.warnings());
		return new CtVolume(volume.image(), volume.geometry(), volume.huConversion(), metadata,
			notes);
	}

	/**
	 * Returns {slope, intercept} from Rescale Slope and Rescale Intercept lines
	 * of an image's Info text, or null when the text lacks either.
	 */
	static double[] rescaleFromInfo(String info) {
		if (info == null) return null;
		Double slope = null;
		Double intercept = null;
		Matcher m = RESCALE.matcher(info);
		while (m.find()) {
			double value;
			try {
				value = Double.parseDouble(m.group(2));
			} catch (NumberFormatException e) {
				continue;
			}
			if (m.group(1).toLowerCase(Locale.ROOT).equals("slope")) {
				if (slope == null) slope = value;
			} else if (intercept == null) {
				intercept = value;
			}
		}
		if (slope == null || intercept == null || !Double.isFinite(slope) || slope == 0 ||
			!Double.isFinite(intercept)) {
			return null;
		}
		return new double[] { slope, intercept };
	}

	/**
	 * Sets the image's value calibration from the rescale in its Info text,
	 * when the image has none yet or only ImageJ's signed 16-bit offset.
	 */
	private static void applyRescale(ImagePlus image, List<String> notes) {
		Object info = image.getProperty("Info");
		double[] rescale = rescaleFromInfo(info == null ? null : info.toString());
		if (rescale == null || image.getBitDepth() == 32) return;
		Calibration cal = image.getCalibration();
		double[] c = cal.getCoefficients();
		double offset = 0;
		if (cal.getFunction() == Calibration.STRAIGHT_LINE && c != null && c.length >= 2 &&
			c[0] == SIGNED_16_OFFSET && c[1] == 1) {
			offset = SIGNED_16_OFFSET;
		} else if (cal.getFunction() != Calibration.NONE) {
			notes.add("Bio-Formats calibrated the values already; the Rescale Slope and" +
				" Intercept in its metadata were not applied again");
			return;
		}
		// HU = slope * (pixel + offset) + intercept, as one straight line in the pixel value.
		double intercept = rescale[1] + rescale[0] * offset;
		cal.setFunction(Calibration.STRAIGHT_LINE, new double[] { intercept, rescale[0] }, "HU");
		notes.add("Applied Rescale Slope " + rescale[0] + " and Intercept " + rescale[1] +
			" from the Bio-Formats metadata");
	}

	private Method openMethod() {
		try {
			Class<?> type = Class.forName(className, true, BioFormatsFallback.class
				.getClassLoader());
			return type.getMethod("openImagePlus", String.class);
		} catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
			return null;
		}
	}
}
