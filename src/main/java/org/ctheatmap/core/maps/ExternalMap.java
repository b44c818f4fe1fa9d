package org.ctheatmap.core.maps;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;

/**
 * A map made elsewhere (an AI saliency or probability map, a PET or
 * perfusion map, a NIfTI from another tool) checked against a CT volume's
 * voxel grid and converted to 32-bit values. Instances are immutable.
 * <p>
 * The map must have the CT's width, height, slices and time points, or one
 * time point for a CT with several, which is then used for every time
 * point. When the map has a spatial calibration in mm, its voxel size must
 * match the CT's within {@value #SPACING_TOLERANCE} relative. When both carry
 * a patient position ({@link PatientGeometry#PROPERTY_KEY}), the origins
 * must agree within {@value #ORIGIN_TOLERANCE_MM} mm. An uncalibrated map
 * is accepted with a warning, because a plain TIFF from another tool often
 * has no calibration.
 */
public final class ExternalMap {

	/** Relative voxel-size difference allowed; covers sizes stored as float in headers. */
	public static final double SPACING_TOLERANCE = 1e-4;

	/** Origin difference allowed in mm; covers positions printed with 2 decimals. */
	public static final double ORIGIN_TOLERANCE_MM = 0.01;

	private final ImageStack values;
	private final String unit;
	private final List<String> warnings;

	private ExternalMap(ImageStack values, String unit, List<String> warnings) {
		this.values = values;
		this.unit = unit;
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/**
	 * Checks a map against a CT and converts it to 32 bits; the map is not
	 * modified.
	 * <p>
	 * 8- and 16-bit maps go through their ImageJ calibration function when
	 * it is a straight line, and are used as stored otherwise.
	 *
	 * @throws IllegalArgumentException if the map is RGB or has several
	 *           channels, its size differs from the CT's, or its voxel size or
	 *           origin differs
	 */
	public static ExternalMap of(CtVolume volume, ImagePlus map) {
		List<String> warnings = new ArrayList<>();
		checkSize(volume, map);
		checkSpacing(volume, map, warnings);
		checkOrigin(volume, map);
		ImageStack converted = convert(map);
		if (map.getNFrames() == 1 && volume.frames() > 1) {
			ImageStack repeated = new ImageStack(map.getWidth(), map.getHeight());
			for (int t = 0; t < volume.frames(); t++) {
				for (int z = 1; z <= converted.getSize(); z++) {
					repeated.addSlice(converted.getSliceLabel(z), converted.getProcessor(z));
				}
			}
			converted = repeated;
			warnings.add("Map '" + map.getTitle() + "' has one time point; it is used for all " +
				volume.frames());
		}
		return new ExternalMap(converted, unitOf(map), warnings);
	}

	/** Returns the values as a 32-bit stack with the CT's layout. */
	public ImageStack values() {
		return values;
	}

	/** Returns the map's value unit, or "a.u." when it has none. */
	public String unit() {
		return unit;
	}

	/** Returns problems that did not stop the map from being used; unmodifiable. */
	public List<String> warnings() {
		return warnings;
	}

	private static void checkSize(CtVolume volume, ImagePlus map) {
		if (map.getBitDepth() == 24 || map.getNChannels() > 1) {
			throw new IllegalArgumentException("Map '" + map.getTitle() +
				"' is a colour or multi-channel image; a value map needs one grey channel");
		}
		boolean framesMatch = map.getNFrames() == volume.frames() || map.getNFrames() == 1;
		if (map.getWidth() != volume.width() || map.getHeight() != volume.height() || map
			.getNSlices() != volume.depth() || !framesMatch)
		{
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"Map '%s' has %d x %d x %d voxels and %d time points, but the CT has %d x %d x %d" +
					" and %d; resample the map onto the CT's grid first", map.getTitle(), map
						.getWidth(), map.getHeight(), map.getNSlices(), map.getNFrames(), volume
							.width(), volume.height(), volume.depth(), volume.frames()));
		}
	}

	private static void checkSpacing(CtVolume volume, ImagePlus map, List<String> warnings) {
		Calibration cal = map.getCalibration();
		if (!"mm".equalsIgnoreCase(cal.getUnit())) {
			warnings.add("Map '" + map.getTitle() + "' has spatial unit '" + cal.getUnit() +
				"'; it is taken to lie on the CT's grid");
			return;
		}
		double[] ct = volume.geometry().spacing();
		double[] own = { cal.pixelWidth, cal.pixelHeight, cal.pixelDepth };
		for (int axis = 0; axis < 3; axis++) {
			if (Math.abs(own[axis] - ct[axis]) > SPACING_TOLERANCE * ct[axis]) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"Map '%s' has voxels of %s x %s x %s mm, but the CT has %s x %s x %s mm", map
						.getTitle(), own[0], own[1], own[2], ct[0], ct[1], ct[2]));
			}
		}
	}

	private static void checkOrigin(CtVolume volume, ImagePlus map) {
		Object text = map.getProp(PatientGeometry.PROPERTY_KEY);
		if (text == null) return;
		double[] own = PatientGeometry.parse(text.toString()).origin();
		double[] ct = volume.geometry().origin();
		for (int axis = 0; axis < 3; axis++) {
			if (Math.abs(own[axis] - ct[axis]) > ORIGIN_TOLERANCE_MM) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"Map '%s' starts at (%.2f, %.2f, %.2f) mm, but the CT at (%.2f, %.2f, %.2f) mm",
					map.getTitle(), own[0], own[1], own[2], ct[0], ct[1], ct[2]));
			}
		}
	}

	private static ImageStack convert(ImagePlus map) {
		Calibration cal = map.getCalibration();
		double[] c = cal.getCoefficients();
		boolean line = map.getBitDepth() != 32 && cal.getFunction() == Calibration.STRAIGHT_LINE &&
			c != null && c.length >= 2;
		ImageStack source = map.getStack();
		ImageStack out = new ImageStack(map.getWidth(), map.getHeight());
		for (int n = 1; n <= source.getSize(); n++) {
			ImageProcessor ip = source.getProcessor(n);
			float[] values = new float[ip.getPixelCount()];
			for (int i = 0; i < values.length; i++) {
				values[i] = line ? (float) (c[0] + c[1] * ip.get(i)) : ip.getf(i);
			}
			out.addSlice(source.getSliceLabel(n), new FloatProcessor(map.getWidth(), map
				.getHeight(), values));
		}
		return out;
	}

	private static String unitOf(ImagePlus map) {
		String unit = map.getCalibration().getValueUnit();
		if (unit == null || unit.isBlank() || "Gray Value".equalsIgnoreCase(unit)) return "a.u.";
		return unit;
	}
}
