package org.ctheatmap.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.ImageStack;
import ij.process.FloatProcessor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MapPercentilesTest {

	/** Interpolation in double between float order statistics. */
	private static final double VALUE_TOL = 1e-9;

	@Test
	void matchesSortedReference() {
		Random random = new Random(3);
		ImageStack stack = new ImageStack(50, 40);
		boolean[][] mask = new boolean[3][50 * 40];
		List<Float> inside = new ArrayList<>();
		for (int z = 0; z < 3; z++) {
			float[] plane = new float[50 * 40];
			for (int i = 0; i < plane.length; i++) {
				plane[i] = (float) (random.nextGaussian() * 300 + (random.nextInt(10) == 0 ? 2000
					: 0));
				if (i % 97 == 0) plane[i] = Float.NaN;
				mask[z][i] = random.nextInt(3) > 0;
				if (mask[z][i] && Float.isFinite(plane[i])) inside.add(plane[i]);
			}
			stack.addSlice(new FloatProcessor(50, 40, plane));
		}
		Collections.sort(inside);
		double[] p = MapPercentiles.of(stack, mask, 3, 0, 2, 50, 98, 100);
		double[] q = { 0, 2, 50, 98, 100 };
		for (int n = 0; n < q.length; n++) {
			assertEquals(reference(inside, q[n]), p[n], VALUE_TOL, "percentile " + q[n]);
		}
	}

	@Test
	void evenCountInterpolates() {
		ImageStack stack = new ImageStack(4, 1);
		stack.addSlice(new FloatProcessor(4, 1, new float[] { 4, 1, 3, 2 }));
		assertEquals(2.5, MapPercentiles.of(stack, null, 1, 50)[0], VALUE_TOL, "median of 1..4");
		assertEquals(1.3, MapPercentiles.of(stack, null, 1, 10)[0], VALUE_TOL,
			"h = 0.3 between 1 and 2");
	}

	@Test
	void constantMapAndErrors() {
		ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new FloatProcessor(2, 1, new float[] { 7, 7 }));
		assertEquals(7, MapPercentiles.of(stack, null, 1, 98)[0], 0, "constant map");
		assertThrows(IllegalArgumentException.class, () -> MapPercentiles.of(stack, null, 1,
			101), "percentile above 100");
		assertThrows(IllegalArgumentException.class, () -> MapPercentiles.of(stack,
			new boolean[][] { { false, false } }, 1, 50), "empty mask");
	}

	private static double reference(List<Float> sorted, double p) {
		double h = (sorted.size() - 1) * p / 100;
		int below = (int) Math.floor(h);
		double low = sorted.get(below);
		double high = below + 1 < sorted.size() ? sorted.get(below + 1) : low;
		return low + (h - below) * (high - low);
	}
}
