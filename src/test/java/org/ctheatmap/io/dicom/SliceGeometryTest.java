package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Voxel grids derived from slice positions, on stacks with known results. */
class SliceGeometryTest {

	/** Arithmetic on positions of a few hundred mm. */
	private static final double TOL_MM = 1e-9;

	private static final double[] ROW = { 1, 0, 0 };
	private static final double[] AXIAL_COLUMN = { 0, 1, 0 };

	@Test
	void spacingComesFromPositionsNotThickness() {
		SliceGeometry grid = SliceGeometry.compute(ROW, AXIAL_COLUMN, new double[] { 0.6, 0.4 },
			positions(new double[] { 0, 0, 1 }, 4, 3), names(4), 5.0, Double.NaN);

		assertArrayEquals(new double[] { 0.4, 0.6, 3 }, grid.geometry.spacing(), TOL_MM,
			"x from columns, y from rows, z from positions");
		assertEquals(3, grid.normalSpacing, TOL_MM, "normal spacing");
		assertTrue(grid.warnings.isEmpty(), "regular stack: " + grid.warnings);
	}

	@Test
	void tiltedStackKeepsStepDirection() {
		double angle = Math.toRadians(18.5);
		double[] column = { 0, Math.cos(angle), -Math.sin(angle) };
		SliceGeometry grid = SliceGeometry.compute(ROW, column, new double[] { 0.5, 0.5 },
			positions(new double[] { 0, 0, 1 }, 24, 2.5), names(24), 2.5, -18.5);

		assertEquals(2.5 * Math.cos(angle), grid.normalSpacing, TOL_MM, "spacing along normal");
		assertEquals("2.3708", SliceGeometry.mm(grid.normalSpacing), "as printed");
		assertEquals(2.5, grid.geometry.spacing()[2], TOL_MM, "step length");
		assertArrayEquals(new double[] { 0, 0, 1 }, grid.geometry.sliceDirection(), TOL_MM,
			"step direction");
		assertEquals(18.5, grid.tiltDegrees, 1e-9, "tilt angle");
		assertTrue(grid.warnings.get(0).endsWith("Gantry/Detector Tilt in the header: -18.5" +
			" degrees."), grid.warnings.get(0));
	}

	@Test
	void obliqueStackUsesNormal() {
		double s = Math.sqrt(0.5);
		double[] row = { s, s, 0 };
		double[] column = { 0, 0, -1 };
		double[] normal = SliceGeometry.cross(row, column);
		SliceGeometry grid = SliceGeometry.compute(row, column, new double[] { 1, 1 }, positions(
			normal, 5, 1.25), names(5), Double.NaN, Double.NaN);

		assertArrayEquals(normal, grid.geometry.sliceDirection(), TOL_MM, "slice direction");
		assertEquals(1.25, grid.geometry.spacing()[2], TOL_MM, "spacing");
		assertTrue(grid.warnings.isEmpty(), "untilted: " + grid.warnings);
	}

	@Test
	void headerTiltWithoutShearIsNoted() {
		SliceGeometry grid = SliceGeometry.compute(ROW, AXIAL_COLUMN, new double[] { 1, 1 },
			positions(new double[] { 0, 0, 1 }, 3, 2), names(3), Double.NaN, 12);

		assertEquals(0, grid.tiltDegrees, TOL_MM, "positions step along the normal");
		assertTrue(grid.warnings.get(0).startsWith("Gantry/Detector Tilt is 12.0 degrees in the" +
			" header"), grid.warnings.toString());
	}

	@Test
	void singleSliceUsesThicknessOrOneMm() {
		List<double[]> one = positions(new double[] { 0, 0, 1 }, 1, 0);

		SliceGeometry known = SliceGeometry.compute(ROW, AXIAL_COLUMN, new double[] { 1, 1 }, one,
			names(1), 5, Double.NaN);
		SliceGeometry unknown = SliceGeometry.compute(ROW, AXIAL_COLUMN, new double[] { 1, 1 },
			one, names(1), Double.NaN, Double.NaN);

		assertEquals(5, known.geometry.spacing()[2], TOL_MM, "from Slice Thickness");
		assertEquals(1, unknown.geometry.spacing()[2], TOL_MM, "fallback");
		assertTrue(unknown.warnings.get(0).contains("1 mm"), unknown.warnings.toString());
	}

	@Test
	void crookedStackIsReported() {
		List<double[]> stack = positions(new double[] { 0, 0, 1 }, 5, 2);
		stack.get(2)[0] += 0.4;

		SliceGeometry grid = SliceGeometry.compute(ROW, AXIAL_COLUMN, new double[] { 1, 1 },
			stack, names(5), Double.NaN, Double.NaN);

		assertTrue(String.join("\n", grid.warnings).contains("not on a straight line: a slice" +
			" lies 0.4 mm off"), grid.warnings.toString());
	}

	/** Returns {@code count} positions from (10, -20, 30) in steps of {@code step} mm. */
	private static List<double[]> positions(double[] direction, int count, double step) {
		List<double[]> result = new ArrayList<>();
		for (int k = 0; k < count; k++) {
			result.add(new double[] { 10 + k * step * direction[0], -20 + k * step * direction[1],
				30 + k * step * direction[2] });
		}
		return result;
	}

	private static List<String> names(int count) {
		List<String> result = new ArrayList<>();
		for (int k = 0; k < count; k++) {
			result.add("I" + (k + 1));
		}
		return result;
	}
}
