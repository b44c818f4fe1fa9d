package org.ctheatmap.compare;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.filter.FloatVolume;

/**
 * One 3-D time point placed in patient space: float values (HU, ΔHU or
 * labels) on a voxel grid, and that grid's {@link PatientGeometry}. A single
 * slice is a volume of depth 1. Instances do not copy their values, so the
 * arrays are shared with the image they came from. Instances are otherwise
 * immutable.
 */
public final class PatientVolume {

	private final FloatVolume values;
	private final PatientGeometry geometry;

	public PatientVolume(FloatVolume values, PatientGeometry geometry) {
		this.values = values;
		this.geometry = geometry;
	}

	/**
	 * Wraps one time point of a CT volume without copying.
	 *
	 * @param frame 1-based time point
	 * @throws IllegalArgumentException if the frame does not exist
	 */
	public static PatientVolume of(CtVolume volume, int frame) {
		if (frame < 1 || frame > volume.frames()) {
			throw new IllegalArgumentException("Time point " + frame + " does not exist; the" +
				" volume has " + volume.frames());
		}
		ImagePlus image = volume.image();
		float[][] slices = new float[volume.depth()][];
		for (int k = 0; k < slices.length; k++) {
			slices[k] = (float[]) image.getStack().getPixels(image.getStackIndex(1, k + 1, frame));
		}
		return new PatientVolume(new FloatVolume(volume.width(), volume.height(), slices),
			volume.geometry());
	}

	/** Returns the values; the arrays are live. */
	public FloatVolume values() {
		return values;
	}

	public PatientGeometry geometry() {
		return geometry;
	}

	public int width() {
		return values.width();
	}

	public int height() {
		return values.height();
	}

	public int depth() {
		return values.depth();
	}

	/** Returns whether this volume has the same dimensions and geometry as another. */
	public boolean sameGrid(PatientVolume other) {
		return width() == other.width() && height() == other.height() && depth() == other
			.depth() && geometry.equals(other.geometry);
	}

	/**
	 * Returns a new {@link CtVolume} that shares these values, e.g. a
	 * difference map for the heat-map renderer or the NIfTI writer.
	 *
	 * @param title image title
	 * @param valueUnit unit of the values, e.g. "HU", "ΔHU" or "%"; set as the
	 *          image's value unit
	 * @param description how the values were computed, stored as the HU
	 *          conversion text
	 */
	public CtVolume toCtVolume(String title, String valueUnit, String description) {
		ImagePlus image = new ImagePlus(title, values.toStack());
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("Format", "Computed");
		metadata.put("Description", description);
		CtVolume volume = new CtVolume(image, geometry, description, metadata, new ArrayList<>());
		image.getCalibration().setValueUnit(valueUnit);
		return volume;
	}

	@Override
	public String toString() {
		return width() + " x " + height() + " x " + depth() + " voxels of " + Arrays.toString(
			geometry.spacing()) + " mm";
	}
}
