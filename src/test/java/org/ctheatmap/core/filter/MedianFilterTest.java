package org.ctheatmap.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.api.Test;

class MedianFilterTest {

	/** A median is an input value or the float mean of two, exactly as in the reference. */
	private static final double EXACT = 0;

	private static FloatVolume median(FloatVolume v, Neighbourhood n) {
		FloatVolume out = FloatVolume.allocate(v.width(), v.height(), v.depth());
		MedianFilter.apply(v, n, SliceSink.into(out), ProgressListener.NONE);
		return out;
	}

	private static void assertMatchesReference(Neighbourhood n, boolean withNaN, String what) {
		FloatVolume v = Reference.randomVolume(14, 10, 8, 7);
		if (withNaN) Reference.sprinkleNaN(v, 0.1, 8);
		FloatVolume expected = Reference.statistic(v, n, 0);
		assertEquals(EXACT, Reference.maxDifference(expected, median(v, n)), what);
	}

	@Test
	void crossMatchesBruteForce() {
		assertMatchesReference(Neighbourhood.ellipsoid(1, 1, 1), false, "7-voxel cross");
	}

	@Test
	void boxMatchesBruteForce() {
		assertMatchesReference(Neighbourhood.box(1, 1, 1), false, "3 x 3 x 3 box");
	}

	@Test
	void boxWithNaNMatchesBruteForce() {
		assertMatchesReference(Neighbourhood.box(1, 1, 1), true, "3 x 3 x 3 box, 10 % NaN");
	}

	@Test
	void anisotropicSphereMatchesBruteForce() {
		Neighbourhood n = Neighbourhood.sphereMm(1.5, new double[] { 0.7, 0.9, 2.5 }, true);
		assertMatchesReference(n, false, "sphere 1.5 mm, " + n);
		assertMatchesReference(n, true, "sphere 1.5 mm with NaN, " + n);
	}

	@Test
	void largeNeighbourhoodUsesSortingAndMatches() {
		Neighbourhood n = Neighbourhood.ellipsoid(5, 5, 1);
		assertTrue(n.size() > MedianFilter.MAX_NETWORK_SIZE, "beyond the network size: " + n);
		assertMatchesReference(n, true, "ellipsoid 5/5/1 with NaN");
	}

	@Test
	void networksEqualSortingOnLargerVolume() {
		FloatVolume v = Reference.randomVolume(40, 30, 12, 9);
		Reference.sprinkleNaN(v, 0.01, 10);
		Neighbourhood[] shapes = { Neighbourhood.ellipsoid(1, 1, 1), Neighbourhood.box(1, 1, 1),
			Neighbourhood.ellipsoid(2, 2, 0) };
		for (Neighbourhood n : shapes) {
			FloatVolume sorted = FloatVolume.allocate(v.width(), v.height(), v.depth());
			MedianFilter.applySorting(v, n, SliceSink.into(sorted));
			assertEquals(EXACT, Reference.maxDifference(sorted, median(v, n)), "network vs sorting, " +
				n);
		}
	}

	@Test
	void evenCountAveragesTheMiddleValues() {
		FloatVolume v = FloatVolume.allocate(2, 1, 1);
		v.set(0, 0, 0, 10);
		v.set(1, 0, 0, 20);
		FloatVolume out = median(v, Neighbourhood.ellipsoid(1, 1, 1));
		assertEquals(15, out.get(0, 0, 0), EXACT, "two valid neighbours give their mean");
	}

	@Test
	void isolatedNaNStaysNaN() {
		FloatVolume v = Reference.randomVolume(9, 9, 9, 4);
		v.set(4, 4, 4, Float.NaN);
		FloatVolume out = median(v, Neighbourhood.box(1, 1, 1));
		assertEquals(true, Float.isNaN(out.get(4, 4, 4)), "NaN centre stays NaN");
		assertEquals(false, Float.isNaN(out.get(5, 4, 4)), "neighbour of NaN is a number");
	}
}
