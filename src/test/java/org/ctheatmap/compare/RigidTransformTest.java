package org.ctheatmap.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RigidTransformTest {

	/** Double rounding over a few matrix products, in mm or degrees. */
	private static final double ROUNDING = 1e-9;

	@Test
	void rotationAboutZ() {
		RigidTransform t = RigidTransform.of(new double[] { 0, 0, 90 }, new double[] { 0, 0,
			0 }, new double[] { 10, 0, 0 });
		assertArrayEquals(new double[] { 10, 5, 7 }, t.apply(new double[] { 15, 0, 7 }),
			ROUNDING, "+x offset of 5 mm turns to +y about the centre");
	}

	@Test
	void translationAfterRotation() {
		RigidTransform t = RigidTransform.of(new double[] { 90, 0, 0 }, new double[] { 1, 2,
			3 }, new double[] { 0, 0, 0 });
		assertArrayEquals(new double[] { 1, 2, 8 }, t.apply(new double[] { 0, 5, 0 }), ROUNDING,
			"+y turns to +z about x, then the translation");
	}

	@Test
	void inverseUndoesTransform() {
		RigidTransform t = RigidTransform.of(new double[] { 3, -7, 11 }, new double[] { 4.5,
			-2, 9 }, new double[] { -20, 30, 100 });
		double[] p = { 12, -40, 77 };
		assertArrayEquals(p, t.inverse().apply(t.apply(p)), ROUNDING, "inverse of image");
		assertArrayEquals(p, t.apply(t.inverse().apply(p)), ROUNDING, "image of inverse");
	}

	@Test
	void anglesRoundTrip() {
		double[] angles = { 3, -7, 11 };
		RigidTransform t = RigidTransform.of(angles, new double[] { 0, 0, 0 }, new double[] {
			0, 0, 0 });
		assertArrayEquals(angles, t.anglesDegrees(), ROUNDING, "Euler angles");
	}

	@Test
	void rotationAngleOfSingleAxis() {
		RigidTransform t = RigidTransform.of(new double[] { 0, 4, 0 }, new double[] { 0, 0, 0 },
			new double[] { 0, 0, 0 });
		assertEquals(4, t.rotationAngleDegrees(), ROUNDING, "angle about y");
		assertEquals(0, RigidTransform.identity().rotationAngleDegrees(), ROUNDING,
			"identity angle");
	}

	@Test
	void homogeneousMatrixMatchesApply() {
		RigidTransform t = RigidTransform.of(new double[] { 1, 2, 3 }, new double[] { 4, 5, 6 },
			new double[] { 7, 8, 9 });
		double[][] a = t.homogeneousMatrix();
		double[] p = { -3, 14, 2 };
		double[] q = t.apply(p);
		for (int r = 0; r < 3; r++) {
			double value = a[r][0] * p[0] + a[r][1] * p[1] + a[r][2] * p[2] + a[r][3];
			assertEquals(q[r], value, ROUNDING, "row " + r + " of the matrix");
		}
	}

	@Test
	void rejectsNonFiniteValues() {
		assertThrows(IllegalArgumentException.class, () -> RigidTransform.of(new double[] {
			Double.NaN, 0, 0 }, new double[3], new double[3]), "NaN angle");
	}
}
