package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.phantom.PhantomTimePoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registers moved copies of the synthetic phantom back to the original. */
class RigidRegistrationTest {

	/** Required accuracy of the recovered translation, in mm: half the 0.8 mm pixel. */
	private static final double SHIFT_TOL_MM = 0.4;

	/** Required accuracy of the recovered rotation, in degrees. */
	private static final double ANGLE_TOL_DEGREES = 0.5;

	private static PatientVolume phantom;

	@BeforeAll
	static void generate() {
		CtVolume volume = PhantomGenerator.generate(PhantomTimePoint.BASELINE);
		phantom = PatientVolume.of(volume, 1);
	}

	/** Releases the volumes, because every test class shares the fork's 512 MB heap. */
	@AfterAll
	static void release() {
		phantom = null;
	}

	@Test
	void recoversShiftAndRotation() {
		double[] centre = { -5, 3, 10 };
		RigidTransform truth = RigidTransform.of(new double[] { 0, 0, 4 }, new double[] { 2.4,
			-1.6, 3.5 }, centre);
		RegistrationResult result = RigidRegistration.register(phantom, moved(phantom, truth),
			RegistrationSettings.DEFAULT, ProgressListener.NONE);
		assertTransform(truth, result.transform(), phantom);
		assertTrue(result.converged(), "converged: " + result.warnings());
		assertFalse(result.planar(), "3-D");
		assertTrue(result.finalMetric() > result.startMetric(), "NCC improved from " + result
			.startMetric() + " to " + result.finalMetric());
		assertTrue(result.finalMetric() > 0.9, "final NCC " + result.finalMetric());
	}

	@Test
	void mutualInformationRecoversTransform() {
		RigidTransform truth = RigidTransform.of(new double[] { 0, 0, -3 }, new double[] { -1.8,
			2.6, -2.5 }, new double[] { 4, -2, 0 });
		RegistrationResult result = RigidRegistration.register(phantom, moved(phantom, truth),
			RegistrationSettings.MUTUAL_INFORMATION, ProgressListener.NONE);
		assertTransform(truth, result.transform(), phantom);
		assertEquals(RegistrationMetric.MATTES_MI, result.metric(), "metric");
		assertTrue(result.finalMetric() > result.startMetric(), "MI rose from " + result
			.startMetric() + " to " + result.finalMetric());
	}

	/**
	 * A follow-up whose values are inverted (1000 - HU), as a stand-in for a
	 * scanner with another intensity mapping: NCC would prefer anticorrelation,
	 * mutual information still aligns the anatomy.
	 */
	@Test
	void mutualInformationHandlesInvertedValues() {
		RigidTransform truth = RigidTransform.of(new double[] { 0, 0, 2.5 }, new double[] { 1.6,
			-2.4, 2.5 }, new double[] { 0, 0, 0 });
		PatientVolume moved = moved(phantom, truth);
		for (float[] plane : moved.values().slices()) {
			for (int index = 0; index < plane.length; index++) {
				plane[index] = 1000 - plane[index];
			}
		}
		RegistrationSettings settings = new RegistrationSettings(RegistrationSettings
			.DEFAULT_LEVELS_MM, RegistrationSettings.DEFAULT_SAMPLES, RegistrationSettings
				.DEFAULT_ITERATIONS, false).withMetric(RegistrationMetric.MATTES_MI);
		RegistrationResult result = RigidRegistration.register(phantom, moved, settings,
			ProgressListener.NONE);
		assertTransform(truth, result.transform(), phantom);
	}

	@Test
	void identityWithoutCentreStart() {
		RegistrationSettings settings = new RegistrationSettings(new double[] { 4 }, 20_000, 100,
			false);
		RegistrationResult result = RigidRegistration.register(phantom, phantom, settings,
			ProgressListener.NONE);
		assertTransform(RigidTransform.identity(), result.transform(), phantom);
		assertEquals(0, result.start().translationMm()[0], 0, "start is the identity");
	}

	@Test
	void registersSingleSlicesIn2d() {
		PatientVolume slice = slice(phantom, 30);
		RigidTransform truth = RigidTransform.of(new double[] { 0, 0, -6 }, new double[] { -3.1,
			2.2, 0 }, new double[] { 0, 0, slice.geometry().origin()[2] });
		PatientVolume moved = moved(slice, truth);
		// The follow-up slice sits 40 mm higher: 2-D registration ignores that.
		PatientGeometry g = moved.geometry();
		double[] origin = g.origin();
		origin[2] += 40;
		PatientVolume lifted = new PatientVolume(moved.values(), new PatientGeometry(origin, g
			.rowDirection(), g.columnDirection(), g.sliceDirection(), g.spacing()));
		RegistrationResult result = RigidRegistration.register(slice, lifted,
			RegistrationSettings.DEFAULT, ProgressListener.NONE);
		assertTrue(result.planar(), "2-D");
		double[] angles = result.transform().anglesDegrees();
		assertEquals(0, angles[0], 0, "no rotation about x in 2-D");
		assertEquals(0, angles[1], 0, "no rotation about y in 2-D");
		assertEquals(-6, angles[2], ANGLE_TOL_DEGREES, "rotation about z");
		double[] p = { 10, -20, slice.geometry().origin()[2] };
		double[] expected = truth.apply(p);
		double[] found = result.transform().apply(p);
		assertEquals(expected[0], found[0], SHIFT_TOL_MM, "x of a point 22 mm from the centre");
		assertEquals(expected[1], found[1], SHIFT_TOL_MM, "y of a point 22 mm from the centre");
		assertTrue(result.warnings().get(result.warnings().size() - 1).contains("40.00 mm"),
			"offset note: " + result.warnings());
	}

	@Test
	void rejectsSliceAgainstVolume() {
		assertThrows(IllegalArgumentException.class, () -> RigidRegistration.register(slice(
			phantom, 10), phantom, RegistrationSettings.DEFAULT, ProgressListener.NONE),
			"slice and volume");
	}

	@Test
	void settingsRejectInvalidLevels() {
		assertThrows(IllegalArgumentException.class, () -> new RegistrationSettings(
			new double[] { 2, 4 }, 1000, 10, true), "increasing levels");
		assertThrows(IllegalArgumentException.class, () -> new RegistrationSettings(
			new double[] { 4 }, 10, 10, true), "too few samples");
	}

	/** Returns a copy of a volume moved by a transform, air outside. */
	static PatientVolume moved(PatientVolume volume, RigidTransform transform) {
		PatientVolume moved = Resampler.onto(volume, volume, transform.inverse(),
			Interpolation.LINEAR, false, ProgressListener.NONE);
		for (float[] plane : moved.values().slices()) {
			for (int index = 0; index < plane.length; index++) {
				if (plane[index] != plane[index]) plane[index] = -1000;
			}
		}
		return moved;
	}

	private static PatientVolume slice(PatientVolume volume, int k) {
		FloatVolume one = new FloatVolume(volume.width(), volume.height(), new float[][] { volume
			.values().slices()[k].clone() });
		PatientGeometry g = volume.geometry();
		return new PatientVolume(one, new PatientGeometry(g.voxelToPatient(0, 0, k), g
			.rowDirection(), g.columnDirection(), g.sliceDirection(), g.spacing()));
	}

	/** Checks that two transforms move the corners of the volume's box alike. */
	private static void assertTransform(RigidTransform expected, RigidTransform found,
		PatientVolume volume)
	{
		for (int corner = 0; corner < 8; corner++) {
			int i = (corner & 1) * (volume.width() - 1);
			int j = (corner >> 1 & 1) * (volume.height() - 1);
			int k = (corner >> 2 & 1) * (volume.depth() - 1);
			double[] p = volume.geometry().voxelToPatient(i, j, k);
			double[] a = expected.apply(p);
			double[] b = found.apply(p);
			for (int axis = 0; axis < 3; axis++) {
				assertEquals(a[axis], b[axis], SHIFT_TOL_MM, "corner " + corner + " axis " + axis);
			}
		}
	}
}
