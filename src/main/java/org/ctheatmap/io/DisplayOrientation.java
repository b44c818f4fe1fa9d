package org.ctheatmap.io;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.raw.Reorientation;

/**
 * Brings a volume read in its stored order into the display order of
 * {@link Reorientation}: the patient's right on the screen's left, anterior at
 * the top and slice 1 lowest, as radiologists view axial CT. The NIfTI, NRRD
 * and MetaImage readers reorder while reading, and this class does the same
 * for DICOM. A DICOM series comes with its slices ordered along the normal and
 * its rows along Image Orientation (Patient), which may be flipped, for
 * example in prone scans.
 */
public final class DisplayOrientation {

	/** Metadata key of the text that names the permuted or flipped axes. */
	public static final String METADATA_KEY = "Reoriented";

	private DisplayOrientation() {}

	/**
	 * Returns the volume in display order: the same object when it is already
	 * in that order, otherwise a new volume whose geometry maps every voxel to
	 * the same patient position as before. The input is not modified.
	 */
	public static CtVolume apply(CtVolume volume) {
		PatientGeometry geometry = volume.geometry();
		double[][] affine = affine(geometry);
		long[] storedSize = { volume.width(), volume.height(), volume.depth() };
		Reorientation reorientation = Reorientation.towardsLps(affine, storedSize);
		if (reorientation.isIdentity()) return volume;

		long[] newSize = reorientation.newSize();
		int width = (int) newSize[0];
		int height = (int) newSize[1];
		int depth = (int) newSize[2];
		long[] steps = reorientation.stepsPerStoredAxis();
		long start = reorientation.newStart();
		ImageStack source = volume.image().getStack();
		ImageStack target = new ImageStack(width, height);
		int sliceSize = width * height;
		int storedWidth = volume.width();
		for (int frame = 0; frame < volume.frames(); frame++) {
			float[][] planes = new float[depth][sliceSize];
			for (int k = 0; k < volume.depth(); k++) {
				float[] stored = (float[]) source.getPixels(frame * volume.depth() + k + 1);
				for (int j = 0; j < volume.height(); j++) {
					for (int i = 0; i < storedWidth; i++) {
						long index = start + i * steps[0] + j * steps[1] + k * steps[2];
						int plane = (int) (index / sliceSize);
						planes[plane][(int) (index % sliceSize)] = stored[j * storedWidth + i];
					}
				}
			}
			for (float[] plane : planes) {
				target.addSlice(new FloatProcessor(width, height, plane));
			}
		}
		ImagePlus image = new ImagePlus(volume.image().getTitle(), target);
		image.setDimensions(1, depth, volume.frames());
		if (volume.frames() > 1) image.setOpenAsHyperStack(true);

		Map<String, String> metadata = new LinkedHashMap<>(volume.metadata());
		metadata.put(METADATA_KEY, reorientation.describe());
		return new CtVolume(image, reorientation.geometry(affine), volume.huConversion(),
			metadata, volume.warnings());
	}

	/** Returns the voxel-to-patient affine (3 rows of 4) of a geometry. */
	private static double[][] affine(PatientGeometry geometry) {
		double[][] directions = { geometry.rowDirection(), geometry.columnDirection(), geometry
			.sliceDirection() };
		double[] spacing = geometry.spacing();
		double[] origin = geometry.origin();
		double[][] affine = new double[3][4];
		for (int r = 0; r < 3; r++) {
			for (int a = 0; a < 3; a++) {
				affine[r][a] = directions[a][r] * spacing[a];
			}
			affine[r][3] = origin[r];
		}
		return affine;
	}
}
