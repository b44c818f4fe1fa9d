package org.ctheatmap.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.gui.Roi;

import org.junit.jupiter.api.Test;

class RoiPositionTest {

	private static final VoxelGrid STACK = new VoxelGrid(8, 8, 5, 1, new double[] { 1, 1, 1 },
		"mm");

	private static final VoxelGrid SERIES = new VoxelGrid(8, 8, 5, 3, new double[] { 1, 1,
		1 }, "mm");

	@Test
	void stackPositionIsTheSlice() {
		Roi roi = new Roi(0, 0, 2, 2);
		roi.setPosition(4);
		RoiPosition position = RoiPosition.of(roi, STACK);

		assertEquals(4, position.slice(), "1-based slice");
		assertEquals(1, position.frame(), "single frame");
	}

	@Test
	void positionZeroMeansAll() {
		RoiPosition position = RoiPosition.of(new Roi(0, 0, 2, 2), SERIES);

		assertEquals(RoiPosition.ALL, position.slice(), "every slice");
		assertEquals(RoiPosition.ALL, position.frame(), "every frame");
	}

	@Test
	void stackIndexOfSeriesIsConverted() {
		Roi roi = new Roi(0, 0, 2, 2);
		roi.setPosition(12);
		RoiPosition position = RoiPosition.of(roi, SERIES);

		assertEquals(2, position.slice(), "index 12 of 5 slices per frame is slice 2");
		assertEquals(3, position.frame(), "index 12 of 5 slices per frame is frame 3");
	}

	@Test
	void hyperstackPositionIsUsedAsItIs() {
		Roi roi = new Roi(0, 0, 2, 2);
		roi.setPosition(1, 0, 2);
		RoiPosition position = RoiPosition.of(roi, SERIES);

		assertEquals(RoiPosition.ALL, position.slice(), "z = 0 means every slice");
		assertEquals(2, position.frame(), "t = 2");
	}

	@Test
	void positionBeyondGridIsRejected() {
		Roi roi = new Roi(0, 0, 2, 2);
		roi.setPosition(6);
		assertThrows(IllegalArgumentException.class, () -> RoiPosition.of(roi, STACK));
	}
}
