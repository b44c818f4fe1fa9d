package org.ctheatmap.io.raw;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;

/**
 * Turns a parsed raster header into a {@link CtVolume}: reorients the stored
 * grid to display order (see {@link Reorientation}), checks memory and data
 * length before allocating, reads the voxels and records the metadata keys
 * "Reoriented" and "ByteOrder" after the caller's own keys.
 */
public final class RasterVolumeBuilder {

	/** Largest position or step accepted, 1000 km: far beyond any scanner, far below overflow. */
	public static final double MAX_COORDINATE_MM = 1e9;

	/** Smallest voxel step accepted, 1 nm. */
	public static final double MIN_STEP_MM = 1e-6;

	private final RasterShape shape;
	private final double[][] lps;
	private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
	private double slope = 1;
	private double intercept;
	private String conversion = "HU = stored value";
	private String title = "CT";
	private final Map<String, String> metadata = new LinkedHashMap<>();
	private final List<String> warnings = new ArrayList<>();

	/**
	 * @param shape the stored grid
	 * @param lps voxel-to-patient affine in LPS mm, 3 rows of 4: column c is
	 *          one step along stored axis c, column 3 the centre of stored
	 *          voxel (0, 0, 0); non-singular; not modified
	 */
	public RasterVolumeBuilder(RasterShape shape, double[][] lps) {
		this.shape = shape;
		this.lps = lps;
	}

	/**
	 * Checks a voxel-to-patient affine before it is used: every value finite
	 * and at most {@link #MAX_COORDINATE_MM} in size, every voxel step at least
	 * {@link #MIN_STEP_MM} long, and the three steps spanning 3-D space.
	 *
	 * @param transform names the header fields it came from, for the message
	 * @throws InvalidInputException naming the file and the fields
	 */
	public static void checkAffine(Path file, double[][] lps, String transform)
		throws InvalidInputException
	{
		for (double[] row : lps) {
			for (double value : row) {
				if (!Double.isFinite(value) || Math.abs(value) > MAX_COORDINATE_MM) {
					throw new InvalidInputException(file, "the " + transform + " contain the value " +
						value + "; positions and steps must be finite and at most " +
						MAX_COORDINATE_MM + " mm");
				}
			}
		}
		double[] length = new double[3];
		for (int c = 0; c < 3; c++) {
			length[c] = Math.sqrt(lps[0][c] * lps[0][c] + lps[1][c] * lps[1][c] + lps[2][c] *
				lps[2][c]);
			if (length[c] < MIN_STEP_MM) {
				throw new InvalidInputException(file, "the " + transform + " give voxel axis " +
					"ijk".charAt(c) + " a step of " + length[c] + " mm; the voxel spacing must be" +
					" at least " + MIN_STEP_MM + " mm");
			}
		}
		double det = lps[0][0] * (lps[1][1] * lps[2][2] - lps[1][2] * lps[2][1]) - lps[0][1] *
			(lps[1][0] * lps[2][2] - lps[1][2] * lps[2][0]) + lps[0][2] * (lps[1][0] * lps[2][1] -
				lps[1][1] * lps[2][0]);
		// Relative to the step lengths, so the test does not depend on the voxel size.
		if (Math.abs(det) < 1e-6 * length[0] * length[1] * length[2]) {
			throw new InvalidInputException(file, "the " + transform + " are singular: the voxel" +
				" axes do not span 3-D space");
		}
	}

	public RasterVolumeBuilder byteOrder(ByteOrder value) {
		order = value;
		return this;
	}

	/**
	 * Sets HU = stored * slope + intercept.
	 *
	 * @param text how the conversion is described in {@link CtVolume#huConversion()}
	 */
	public RasterVolumeBuilder rescale(double slopeValue, double interceptValue, String text) {
		slope = slopeValue;
		intercept = interceptValue;
		conversion = text;
		return this;
	}

	public RasterVolumeBuilder title(String value) {
		title = value;
		return this;
	}

	/** Adds a metadata entry; keys keep the order in which they are added. */
	public RasterVolumeBuilder metadata(String key, String value) {
		metadata.put(key, value);
		return this;
	}

	public RasterVolumeBuilder warning(String text) {
		warnings.add(text);
		return this;
	}

	public RasterVolumeBuilder warnings(List<String> texts) {
		warnings.addAll(texts);
		return this;
	}

	/**
	 * Reads the voxels and builds the volume. The data stream is closed.
	 *
	 * @param headerFile named in errors about the header as a whole
	 * @throws InvalidInputException naming the file if the volume does not fit
	 *           the free heap, a data file is too short, or the data are
	 *           truncated or corrupt
	 * @throws IOException if reading fails for another reason
	 */
	public CtVolume read(Path headerFile, DataParts data, ProgressListener progress)
		throws IOException
	{
		try (DataParts in = data) {
			Reorientation reorientation = Reorientation.towardsLps(lps, shape.size());
			PatientGeometry geometry = reorientation.geometry(lps);
			shape.checkMemory(headerFile);
			in.checkAvailable();
			float[][] slices = new RasterReader(headerFile, shape, order, slope, intercept,
				reorientation).read(in, progress);
			ImagePlus image = RasterReader.image(title, slices, reorientation.newSize(), shape
				.frames());
			Map<String, String> all = new LinkedHashMap<>(metadata);
			all.put("Reoriented", reorientation.describe());
			if (shape.type().bytesPerVoxel() > 1) {
				all.put("ByteOrder", order == ByteOrder.BIG_ENDIAN ? "big-endian"
					: "little-endian");
			}
			return new CtVolume(image, geometry, conversion, all, warnings);
		}
	}
}
