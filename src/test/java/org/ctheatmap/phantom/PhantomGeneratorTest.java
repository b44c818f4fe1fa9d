package org.ctheatmap.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctheatmap.core.CtVolume;
import org.junit.jupiter.api.Test;

class PhantomGeneratorTest {

	/** Voxel centres are computed from the origin and spacing in double precision. */
	private static final double POSITION_TOL_MM = 1e-9;

	/**
	 * A voxelised sphere of radius 8 mm on a 0.8 x 0.8 x 2.5 mm grid differs
	 * from 4/3 pi r^3 by a few percent, mostly along the coarse z axis.
	 */
	private static final double VOXELISED_VOLUME_TOL = 0.06;

	/**
	 * SD of over 400,000 air voxels: the standard error of an SD estimate is
	 * about SD / sqrt(2N) = 0.006 HU, so 0.05 HU is over eight standard errors.
	 */
	private static final double NOISE_SD_TOL_HU = 0.05;

	private static final int LESION_I = 36;
	private static final int LESION_J = 53;
	private static final int LESION_K = 11;

	@Test
	void lesionVoxelIsPublished() {
		assertArrayEquals(new int[] { LESION_I, LESION_J, LESION_K }, PhantomGenerator
			.lesionCentreVoxel(), "Lesion centre voxel (i, j, k)");
	}

	@Test
	void lesionCentreLiesOnItsVoxel() {
		double[] centre = PhantomGenerator.geometry().voxelToPatient(LESION_I, LESION_J,
			LESION_K);
		assertArrayEquals(PhantomGenerator.lesionCentreMm(), centre, POSITION_TOL_MM,
			"Centre of voxel (36, 53, 11) in mm");
		byte[][] labels = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		assertEquals(PhantomTissue.LESION.ordinal(), labels[LESION_K][LESION_J *
			PhantomGenerator.WIDTH + LESION_I], "Label at the lesion centre");
	}

	@Test
	void anatomyIsOrientedRadiologically() {
		byte[][] labels = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		double[] liver = meanIndex(labels, PhantomTissue.LIVER);
		double[] lung = meanIndex(labels, PhantomTissue.LUNG);
		double[] bone = meanIndex(labels, PhantomTissue.BONE);
		double centre = (PhantomGenerator.WIDTH - 1) / 2.0;
		assertTrue(liver[0] < centre - 10, "Liver on the screen's left (patient's right), " +
			"mean column " + liver[0]);
		assertTrue(bone[1] > centre + 10, "Spine at the bottom (posterior), mean row " + bone[1]);
		assertTrue(lung[2] > PhantomGenerator.DEPTH / 2.0, "Lungs superior, mean slice " +
			lung[2]);
		assertTrue(liver[2] < PhantomGenerator.DEPTH / 2.0, "Liver inferior, mean slice " +
			liver[2]);
		double[] patientX = PhantomGenerator.geometry().voxelToPatient(liver[0], liver[1],
			liver[2]);
		assertTrue(patientX[0] < 0, "Liver at negative LPS x (patient's right), x = " +
			patientX[0]);
	}

	@Test
	void lesionVolumeMatchesSphere() {
		for (PhantomTimePoint timePoint : PhantomTimePoint.standardSeries()) {
			double r = timePoint.lesionRadiusMm();
			double sphere = 4.0 / 3.0 * Math.PI * r * r * r;
			double voxels = count(PhantomGenerator.labels(timePoint), PhantomTissue.LESION) *
				0.8 * 0.8 * 2.5;
			assertEquals(sphere, voxels, VOXELISED_VOLUME_TOL * sphere, "Lesion volume (mm^3) of " +
				timePoint);
		}
	}

	@Test
	void followUpsDifferOnlyInLesion() {
		byte[][] baseline = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		byte[][] growth = PhantomGenerator.labels(PhantomTimePoint.FOLLOW_UP_GROWTH);
		byte[][] huChange = PhantomGenerator.labels(PhantomTimePoint.FOLLOW_UP_HU);
		assertTrue(count(growth, PhantomTissue.LESION) > count(baseline, PhantomTissue.LESION),
			"Grown lesion has more voxels");
		for (int k = 0; k < baseline.length; k++) {
			assertArrayEquals(baseline[k], huChange[k], "Labels of slice " + k +
				" with the same radius");
		}
		assertEquals(count(baseline, PhantomTissue.LIVER) + count(baseline,
			PhantomTissue.LESION), count(growth, PhantomTissue.LIVER) + count(growth,
				PhantomTissue.LESION), "Lesion growth replaces liver voxels only");
		assertEquals(PhantomTimePoint.BASELINE.lesionHu() - 40, PhantomTimePoint.FOLLOW_UP_HU
			.lesionHu(), "Known HU change of the lesion");
	}

	@Test
	void generationIsDeterministic() {
		CtVolume first = PhantomGenerator.generate(PhantomTimePoint.BASELINE);
		CtVolume second = PhantomGenerator.generate(PhantomTimePoint.BASELINE);
		CtVolume other = PhantomGenerator.generate(PhantomTimePoint.FOLLOW_UP_HU);
		boolean noiseDiffers = false;
		for (int n = 1; n <= PhantomGenerator.DEPTH; n++) {
			float[] a = (float[]) first.image().getStack().getPixels(n);
			float[] b = (float[]) second.image().getStack().getPixels(n);
			float[] c = (float[]) other.image().getStack().getPixels(n);
			assertArrayEquals(a, b, "Slice " + n + " of two runs with the same seed");
			noiseDiffers |= a[0] != c[0] || a[1] != c[1];
		}
		assertTrue(noiseDiffers, "Another time point draws other noise");
	}

	@Test
	void valuesAreIntegralWithStatedNoise() {
		CtVolume volume = PhantomGenerator.generate(PhantomTimePoint.BASELINE);
		byte[][] labels = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		double sum = 0;
		double squares = 0;
		long n = 0;
		for (int k = 0; k < PhantomGenerator.DEPTH; k++) {
			float[] pixels = (float[]) volume.image().getStack().getPixels(k + 1);
			for (int index = 0; index < pixels.length; index++) {
				assertEquals(Math.rint(pixels[index]), pixels[index], 0, "Integral HU at slice " +
					k + " index " + index);
				if (labels[k][index] != PhantomTissue.AIR.ordinal()) continue;
				double deviation = pixels[index] - PhantomTissue.AIR.hu();
				sum += deviation;
				squares += deviation * deviation;
				n++;
			}
		}
		double mean = sum / n;
		double sd = Math.sqrt(squares / n - mean * mean);
		// Rounding to integers adds a uniform error of variance 1/12 HU^2.
		double expectedSd = Math.sqrt(PhantomGenerator.NOISE_SD_HU * PhantomGenerator.NOISE_SD_HU +
			1.0 / 12);
		assertEquals(expectedSd, sd, NOISE_SD_TOL_HU, "Noise SD in air (HU)");
		assertEquals(0, mean, 3 * expectedSd / Math.sqrt(n), "Noise mean in air (HU)");
		assertFalse(Double.isNaN(sd), "Air voxels were measured");
	}

	private static long count(byte[][] labels, PhantomTissue tissue) {
		long count = 0;
		for (byte[] plane : labels) {
			for (byte label : plane) {
				if (label == tissue.ordinal()) count++;
			}
		}
		return count;
	}

	/** Returns the mean (i, j, k) of the voxels of one tissue. */
	private static double[] meanIndex(byte[][] labels, PhantomTissue tissue) {
		double[] sum = new double[3];
		long n = 0;
		for (int k = 0; k < labels.length; k++) {
			for (int index = 0; index < labels[k].length; index++) {
				if (labels[k][index] != tissue.ordinal()) continue;
				sum[0] += index % PhantomGenerator.WIDTH;
				sum[1] += index / PhantomGenerator.WIDTH;
				sum[2] += k;
				n++;
			}
		}
		return new double[] { sum[0] / n, sum[1] / n, sum[2] / n };
	}
}
