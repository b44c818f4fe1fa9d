package org.ctheatmap.core;

import ij.ImagePlus;
import ij.measure.Calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CT volume in Hounsfield units: the one representation every reader
 * returns and every step consumes.
 * <p>
 * The image is a 32-bit float stack whose pixel values are HU, so no
 * calibration function is involved and signed and unsigned encodings of the
 * same HU give bit-identical values. Float32 holds every integer HU exactly
 * and, for non-integer rescale slopes, the float nearest to
 * {@code stored * slope + intercept} computed in double precision. The
 * alternative, 16-bit raw values with an ImageJ calibration function, cannot
 * express a rescale that differs between slices, and ImageJ's display range
 * and several filters then work on raw values instead of HU.
 * <p>
 * The image's {@link Calibration} carries the voxel spacing in mm
 * (pixelWidth, pixelHeight, pixelDepth) and "HU" as value unit. The patient
 * position is kept in {@link #geometry()} and also stored as the image
 * property {@link PatientGeometry#PROPERTY_KEY}, so it survives a TIFF save.
 * A 4-D series is a hyperstack with frames on the T axis.
 */
public final class CtVolume {

	/** Unit of the pixel values. */
	public static final String VALUE_UNIT = "HU";

	private final ImagePlus image;
	private final PatientGeometry geometry;
	private final String huConversion;
	private final Map<String, String> metadata;
	private final List<String> warnings;

	/**
	 * Wraps a 32-bit HU image; sets its spatial calibration and geometry
	 * property from {@code geometry}.
	 *
	 * @param image 32-bit stack of HU values; modified (calibration, property)
	 * @param geometry position of the voxel grid in patient space
	 * @param huConversion how stored values became HU, e.g.
	 *          "HU = stored * 1 + -1024 (DICOM Rescale Slope/Intercept)"
	 * @param metadata non-identifying facts about the source: format, path,
	 *          series UID, acquisition parameters; never patient name, ID or
	 *          birth date
	 * @param warnings problems found while reading that the user must see
	 * @throws IllegalArgumentException if the image is not 32-bit
	 */
	public CtVolume(ImagePlus image, PatientGeometry geometry, String huConversion,
		Map<String, String> metadata, List<String> warnings)
	{
		if (image.getBitDepth() != 32) {
			throw new IllegalArgumentException("A CT volume needs a 32-bit HU image, got " + image
				.getBitDepth() + "-bit '" + image.getTitle() + "'");
		}
		this.image = image;
		this.geometry = geometry;
		this.huConversion = huConversion;
		this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
		applyCalibration(image, geometry);
	}

	/**
	 * Sets the spatial calibration (mm), the value unit (HU) and the geometry
	 * property of an image from a geometry.
	 */
	public static void applyCalibration(ImagePlus image, PatientGeometry geometry) {
		Calibration cal = image.getCalibration();
		double[] spacing = geometry.spacing();
		cal.pixelWidth = spacing[0];
		cal.pixelHeight = spacing[1];
		cal.pixelDepth = spacing[2];
		cal.setUnit("mm");
		cal.setValueUnit(VALUE_UNIT);
		image.setProp(PatientGeometry.PROPERTY_KEY, geometry.toText());
	}

	public ImagePlus image() {
		return image;
	}

	public PatientGeometry geometry() {
		return geometry;
	}

	/** Returns how stored values were converted to HU, for sidecars and logs. */
	public String huConversion() {
		return huConversion;
	}

	/** Returns the non-identifying source facts, in insertion order; unmodifiable. */
	public Map<String, String> metadata() {
		return metadata;
	}

	/** Returns the warnings raised while reading; unmodifiable. */
	public List<String> warnings() {
		return warnings;
	}

	public int width() {
		return image.getWidth();
	}

	public int height() {
		return image.getHeight();
	}

	/** Returns the number of slices per time point. */
	public int depth() {
		return image.getNSlices();
	}

	/** Returns the number of time points; 1 for a plain 3-D volume. */
	public int frames() {
		return image.getNFrames();
	}
}
