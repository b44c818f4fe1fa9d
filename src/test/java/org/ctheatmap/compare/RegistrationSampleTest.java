package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Moves real CT by a known rigid transform and registers the moved copy back
 * to the original. The recovered transform must move every body voxel to
 * within half a voxel of where the known one does, and its rotation must be
 * within half a degree.
 */
@Tag("slow")
class RegistrationSampleTest {

	/** Required accuracy of positions, in voxels along each axis. */
	private static final double POSITION_TOL_VOXELS = 0.5;

	/** Required accuracy of the rotation, in degrees. */
	private static final double ANGLE_TOL_DEGREES = 0.5;

	@Test
	void recoversTransformOfAbdomen() throws IOException {
		Path file = CtSamples.folder("07_nifti_totalseg_example_ct_sm").resolve(
			"example_ct_sm.nii.gz");
		CtVolume ct = CtReaders.open(file, ReadOptions.DEFAULT);
		check(ct, new double[] { 4, -3, 6 }, new double[] { 7.5, -5.2, 4.1 },
			RegistrationSettings.DEFAULT);
	}

	@Test
	void mutualInformationRecoversAbdomen() throws IOException {
		Path file = CtSamples.folder("07_nifti_totalseg_example_ct_sm").resolve(
			"example_ct_sm.nii.gz");
		CtVolume ct = CtReaders.open(file, ReadOptions.DEFAULT);
		check(ct, new double[] { -3, 2, -5 }, new double[] { -6.2, 4.4, -3.3 },
			RegistrationSettings.MUTUAL_INFORMATION);
	}

	/**
	 * Rotation about z only, because with 5 mm slices tilting the copy out of
	 * plane mostly blurs it by interpolation. That moved the NCC optimum by
	 * about 0.2 degrees from the applied rotation (measured with 0.8 and -0.6
	 * degrees about x and y).
	 */
	@Test
	void recoversTransformOfHeadPhantom() throws IOException {
		CtVolume ct = CtReaders.open(CtSamples.folder("01_dicom_philips_head_phantom_t1_5mm"),
			ReadOptions.DEFAULT);
		check(ct, new double[] { 0, 0, 5 }, new double[] { 3.3, -2.7, 1.5 },
			RegistrationSettings.DEFAULT);
	}

	private static void check(CtVolume ct, double[] anglesDegrees, double[] translationMm,
		RegistrationSettings settings)
	{
		PatientVolume fixed = PatientVolume.of(ct, 1);
		GridAffine affine = new GridAffine(fixed.geometry());
		double[] centre = affine.toPatient((fixed.width() - 1) / 2.0, (fixed.height() - 1) / 3.0,
			(fixed.depth() - 1) / 2.0);
		RigidTransform truth = RigidTransform.of(anglesDegrees, translationMm, centre);
		PatientVolume moving = Resampler.onto(fixed, fixed, truth.inverse(), Interpolation.LINEAR,
			false, ProgressListener.NONE);
		for (float[] slice : moving.values().slices()) {
			for (int index = 0; index < slice.length; index++) {
				if (slice[index] != slice[index]) slice[index] = -1024;
			}
		}

		RegistrationResult result = RigidRegistration.register(fixed, moving, settings,
			ProgressListener.NONE);

		double[][] error = Matrices.multiply(result.transform().rotation(), Matrices.transpose(
			truth.rotation()));
		double angle = RigidTransform.of(error, new double[3], new double[3])
			.rotationAngleDegrees();
		assertTrue(angle <= ANGLE_TOL_DEGREES, "rotation error " + angle + " degrees");
		double worst = worstErrorVoxels(fixed, ct, truth, result.transform());
		System.out.printf(java.util.Locale.ROOT, "%s: found %s; error %.3f voxels, %.3f degrees;" +
			" %s %.4f to %.4f in %d ms%n", ct.image().getTitle(), result.transform(), worst, angle,
			result.metric().label(), result.startMetric(), result.finalMetric(), result
				.elapsedMillis());
		assertTrue(worst <= POSITION_TOL_VOXELS, "largest position error " + worst + " voxels");
		assertTrue(result.converged(), "converged: " + result.warnings());
		assertTrue(result.finalMetric() > result.startMetric(), "metric improved");
	}

	/** Returns the largest error over the body voxels, in voxels along the worst axis. */
	private static double worstErrorVoxels(PatientVolume fixed, CtVolume ct,
		RigidTransform truth, RigidTransform found)
	{
		boolean[][] body = BodyMask.compute(ct, 1, ProgressListener.NONE);
		GridAffine affine = new GridAffine(fixed.geometry());
		double[] spacing = fixed.geometry().spacing();
		double worst = 0;
		for (int k = 0; k < fixed.depth(); k++) {
			for (int index = 0; index < body[k].length; index++) {
				if (!body[k][index]) continue;
				double[] p = affine.toPatient(index % fixed.width(), index / fixed.width(), k);
				double[] a = truth.apply(p);
				double[] b = found.apply(p);
				for (int axis = 0; axis < 3; axis++) {
					worst = Math.max(worst, Math.abs(a[axis] - b[axis]) / spacing[axis]);
				}
			}
		}
		return worst;
	}
}
