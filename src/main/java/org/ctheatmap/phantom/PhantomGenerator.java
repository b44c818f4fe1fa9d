package org.ctheatmap.phantom;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;

/**
 * Generates a small synthetic axial CT of the trunk with known anatomy, for
 * tests, demonstrations and the files in {@code test-images/}.
 * <p>
 * The grid has {@value #WIDTH} x {@value #HEIGHT} x {@value #DEPTH} voxels of
 * 0.8 x 0.8 x 2.5 mm in DICOM LPS patient coordinates with identity
 * directions: column index i runs towards the patient's left, row index j
 * towards posterior and slice index k towards superior. Shown as ImageJ shows
 * it (row 0 at the top), anterior is at the top and the patient's right is on
 * the screen's left, as in radiological viewing. The volume centre is at
 * (0, 0, 0) mm.
 * <p>
 * Anatomy, with all shapes in mm: an elliptic cylinder of soft tissue (body),
 * a table slab 6 mm below it, a lung on each side in the superior half (the
 * right one larger), a cylindrical spine, a liver on the patient's right in
 * the inferior half and a spherical lesion inside the liver. A voxel belongs
 * to a shape when its centre does, so voxel counts are exact integers, and
 * later shapes in {@link PhantomTissue} order replace earlier ones (the liver
 * only inside the body). There is no partial-volume blurring.
 * <p>
 * Noise: each voxel gets {@code round(nominal + NOISE_SD_HU * g)} HU, where g
 * comes from {@code java.util.Random(seed).nextGaussian()} drawn in slice, row,
 * column order, and the result is clamped to -1024..3071 HU. Java specifies
 * that generator's algorithm, so the same seed gives the same voxels on every
 * JVM, and every value is an integer HU that 16-bit DICOM and NIfTI store
 * exactly.
 */
public final class PhantomGenerator {

	public static final int WIDTH = 128;
	public static final int HEIGHT = 128;
	public static final int DEPTH = 48;

	/** Standard deviation of the Gaussian noise before rounding, in HU. */
	public static final double NOISE_SD_HU = 5.0;

	/** Lowest value after clamping: -1024 HU, the floor of 12-bit CT. */
	public static final int MIN_HU = -1024;

	/** Highest value after clamping: 3071 HU, the top of 12-bit CT. */
	public static final int MAX_HU = 3071;

	private static final double[] SPACING_MM = { 0.8, 0.8, 2.5 };
	private static final double[] ORIGIN_MM = { -50.8, -50.8, -58.75 };

	static final Ellipsoid BODY = new Ellipsoid(0, -4, 0, 44, 34, Double.POSITIVE_INFINITY);
	static final Ellipsoid RIGHT_LUNG = new Ellipsoid(-20, -6, 35, 14, 18, 40);
	static final Ellipsoid LEFT_LUNG = new Ellipsoid(19, -6, 35, 11, 17, 40);
	static final Ellipsoid SPINE = new Ellipsoid(0, 20, 0, 7, 7, Double.POSITIVE_INFINITY);
	static final Ellipsoid LIVER = new Ellipsoid(-18, -6, -32, 20, 22, 28);

	/** Lesion centre in mm; it lies on the centre of voxel {@link #LESION_CENTRE_VOXEL}. */
	static final double[] LESION_CENTRE_MM = { -22.0, -8.4, -31.25 };

	/** Voxel (i, j, k), 0-based, whose centre is the lesion centre. */
	static final int[] LESION_CENTRE_VOXEL = { 36, 53, 11 };

	/** Table slab: x from -45 to 45 mm, y from 36 to 38.4 mm (3 rows), every slice. */
	static final double[] TABLE_X_MM = { -45, 45 };
	static final double[] TABLE_Y_MM = { 36, 38.4 };

	private PhantomGenerator() {}

	/** Returns the voxel grid shared by every time point. */
	public static PatientGeometry geometry() {
		return PatientGeometry.axial(ORIGIN_MM, SPACING_MM);
	}

	/** Returns the lesion centre in patient coordinates (mm, LPS). */
	public static double[] lesionCentreMm() {
		return LESION_CENTRE_MM.clone();
	}

	/** Returns the 0-based voxel (i, j, k) whose centre is the lesion centre. */
	public static int[] lesionCentreVoxel() {
		return LESION_CENTRE_VOXEL.clone();
	}

	/**
	 * Returns the tissue label of every voxel, as {@link PhantomTissue}
	 * ordinals, indexed {@code [k][j * WIDTH + i]} with 0-based indices.
	 */
	public static byte[][] labels(PhantomTimePoint timePoint) {
		Ellipsoid lesion = new Ellipsoid(LESION_CENTRE_MM[0], LESION_CENTRE_MM[1],
			LESION_CENTRE_MM[2], timePoint.lesionRadiusMm(), timePoint.lesionRadiusMm(),
			timePoint.lesionRadiusMm());
		PatientGeometry geometry = geometry();
		byte[][] labels = new byte[DEPTH][WIDTH * HEIGHT];
		for (int k = 0; k < DEPTH; k++) {
			for (int j = 0; j < HEIGHT; j++) {
				for (int i = 0; i < WIDTH; i++) {
					double[] p = geometry.voxelToPatient(i, j, k);
					labels[k][j * WIDTH + i] = (byte) tissueAt(p[0], p[1], p[2], lesion).ordinal();
				}
			}
		}
		return labels;
	}

	/**
	 * Generates the CT of one time point as integer HU with noise.
	 *
	 * @return a new volume whose metadata names the phantom and the time point
	 */
	public static CtVolume generate(PhantomTimePoint timePoint) {
		byte[][] labels = labels(timePoint);
		PhantomTissue[] tissues = PhantomTissue.values();
		Random random = new Random(timePoint.seed());
		ImageStack stack = new ImageStack(WIDTH, HEIGHT);
		for (int k = 0; k < DEPTH; k++) {
			float[] pixels = new float[WIDTH * HEIGHT];
			for (int index = 0; index < pixels.length; index++) {
				PhantomTissue tissue = tissues[labels[k][index]];
				int nominal = tissue == PhantomTissue.LESION ? timePoint.lesionHu() : tissue.hu();
				long hu = Math.round(nominal + NOISE_SD_HU * random.nextGaussian());
				pixels[index] = Math.max(MIN_HU, Math.min(MAX_HU, hu));
			}
			stack.addSlice("slice " + (k + 1), new FloatProcessor(WIDTH, HEIGHT, pixels));
		}
		ImagePlus image = new ImagePlus("phantom " + timePoint.name(), stack);
		return new CtVolume(image, geometry(), "HU = generated integer value (phantom)",
			metadata(timePoint), new ArrayList<>());
	}

	private static Map<String, String> metadata(PhantomTimePoint timePoint) {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("Format", "Phantom");
		metadata.put("Source", "CT Heat Map phantom generator, time point " + timePoint.name());
		metadata.put("SeriesDescription", timePoint.description());
		metadata.put("StudyDate", timePoint.studyDate());
		metadata.put("Modality", "CT");
		metadata.put("Manufacturer", "CT Heat Map");
		metadata.put("ManufacturerModelName", "Synthetic phantom");
		metadata.put("KVP", "120");
		metadata.put("ConvolutionKernel", "STANDARD");
		metadata.put("SliceThickness", "2.5");
		metadata.put("ContrastBolusAgent", "Simulated iodine");
		return metadata;
	}

	private static PhantomTissue tissueAt(double x, double y, double z, Ellipsoid lesion) {
		if (lesion.contains(x, y, z) && LIVER.contains(x, y, z)) return PhantomTissue.LESION;
		if (SPINE.contains(x, y, z)) return PhantomTissue.BONE;
		if (RIGHT_LUNG.contains(x, y, z) || LEFT_LUNG.contains(x, y, z)) {
			return PhantomTissue.LUNG;
		}
		boolean inBody = BODY.contains(x, y, z);
		if (inBody && LIVER.contains(x, y, z)) return PhantomTissue.LIVER;
		if (inBody) return PhantomTissue.BODY;
		if (x >= TABLE_X_MM[0] && x <= TABLE_X_MM[1] && y >= TABLE_Y_MM[0] &&
			y <= TABLE_Y_MM[1])
		{
			return PhantomTissue.TABLE;
		}
		return PhantomTissue.AIR;
	}

	/**
	 * Axis-aligned ellipsoid in mm; an infinite semi-axis along z makes an
	 * elliptic cylinder.
	 */
	static final class Ellipsoid {

		final double[] centre;
		final double[] semiAxes;

		Ellipsoid(double cx, double cy, double cz, double ax, double ay, double az) {
			centre = new double[] { cx, cy, cz };
			semiAxes = new double[] { ax, ay, az };
		}

		boolean contains(double x, double y, double z) {
			double dx = (x - centre[0]) / semiAxes[0];
			double dy = (y - centre[1]) / semiAxes[1];
			double dz = Double.isInfinite(semiAxes[2]) ? 0 : (z - centre[2]) / semiAxes[2];
			return dx * dx + dy * dy + dz * dz <= 1;
		}
	}
}
