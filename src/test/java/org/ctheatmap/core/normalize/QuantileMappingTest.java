package org.ctheatmap.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantileMappingTest {

	@Test
	void interpolatesBetweenKnots() {
		QuantileMapping map = QuantileMapping.of(new double[] { 0, 10, 20 }, new double[] { 100,
			200, 400 });
		assertEquals(150, map.map(5), 1e-12, "halfway between the first two knots");
		assertEquals(300, map.map(15), 1e-12, "halfway between the last two knots");
	}

	@Test
	void clampsOutsideTheSourceRange() {
		QuantileMapping map = QuantileMapping.of(new double[] { 0, 10 }, new double[] { -5, 5 });
		assertEquals(-5, map.map(-100), 0, "below the first quantile");
		assertEquals(5, map.map(100), 0, "above the last quantile");
	}

	@Test
	void equalSourceQuantilesBecomeOneKnot() {
		QuantileMapping map = QuantileMapping.of(new double[] { -1000, -1000, -1000, 40 },
			new double[] { -1000, -990, -980, 50 });
		assertEquals(2, map.knots(), "three equal quantiles merge into one knot");
		assertEquals(-990, map.map(-1000), 1e-12, "the knot maps to the mean target");
	}
}
