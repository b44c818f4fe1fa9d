package org.ctheatmap.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NeighbourhoodTest {

	@Test
	void unitRadiusIsTheSevenVoxelCross() {
		Neighbourhood cross = Neighbourhood.ellipsoid(1, 1, 1);
		assertEquals(7, cross.size(), "ImageJ Filters3D radius 1 neighbourhood size");
		assertFalse(cross.isBox27(), "the cross is not the box");
	}

	@Test
	void radiusAtTheDiagonalGivesTheBox() {
		Neighbourhood n = Neighbourhood.sphereMm(Math.sqrt(3), new double[] { 1, 1, 1 }, true);
		assertTrue(n.isBox27(), "voxels on the sphere surface are included");
	}

	@Test
	void millimetreRadiusFollowsAnisotropicSpacing() {
		Neighbourhood n = Neighbourhood.sphereMm(1.0, new double[] { 0.5, 0.5, 2.0 }, true);
		assertEquals(2, n.extent(0), "1 mm spans 2 voxels of 0.5 mm along x");
		assertEquals(0, n.extent(2), "1 mm does not reach the next 2 mm slice");
		assertEquals(13, n.size(), "disc of radius 2 voxels");
	}

	@Test
	void twoDimensionalStaysInTheSlice() {
		Neighbourhood n = Neighbourhood.sphereMm(3, new double[] { 1, 1, 1 }, false);
		assertEquals(0, n.extent(2), "2-D neighbourhood has no z offsets");
		assertEquals(29, n.size(), "disc of radius 3 voxels");
	}
}
