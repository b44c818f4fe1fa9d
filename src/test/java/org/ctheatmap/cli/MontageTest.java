package org.ctheatmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImageStack;
import ij.process.ColorProcessor;

import org.ctheatmap.core.PatientGeometry;
import org.junit.jupiter.api.Test;

class MontageTest {

	@Test
	void evenlySpacedSlicesAreCentred() {
		assertArrayEquals(new int[] { 3, 7, 11, 15, 19, 23, 27, 31, 35, 39, 43, 47 }, Montage
			.evenlySpaced(48, 12), "12 of 48 slices");
		assertArrayEquals(new int[] { 1, 2, 3 }, Montage.evenlySpaced(3, 12),
			"Every slice of a short stack");
		assertArrayEquals(new int[] { 2 }, Montage.evenlySpaced(3, 1), "One slice: the middle");
	}

	@Test
	void tilesKeepTheirPixels() {
		ImageStack stack = new ImageStack(20, 10);
		int[] colours = { 0xff0000, 0x00ff00, 0x0000ff };
		for (int colour : colours) {
			ColorProcessor slice = new ColorProcessor(20, 10);
			slice.setColor(colour);
			slice.fill();
			stack.addSlice(slice);
		}
		PatientGeometry axial = PatientGeometry.axial(new double[3], new double[] { 1, 1, 1 });
		ColorProcessor montage = Montage.build(stack, new int[] { 3, 1 }, 2, axial);
		int gap = Montage.GAP;
		assertEquals(gap + 2 * (20 + gap), montage.getWidth(), "Width of two tiles and gaps");
		assertEquals(gap + 10 + gap, montage.getHeight(), "Height of one row");
		// Bottom-right corners stay clear of the labels.
		assertEquals(0x0000ff, montage.get(gap + 19, gap + 9) & 0xffffff, "First tile: slice 3");
		assertEquals(0xff0000, montage.get(2 * gap + 39, gap + 9) & 0xffffff,
			"Second tile: slice 1");
		assertEquals(0, montage.get(0, 0) & 0xffffff, "Black gap");
	}

	@Test
	void directionLettersFollowLps() {
		assertEquals("R", Montage.directionLetter(new double[] { -1, 0, 0 }), "-x");
		assertEquals("L", Montage.directionLetter(new double[] { 1, 0, 0 }), "+x");
		assertEquals("A", Montage.directionLetter(new double[] { 0, -1, 0 }), "-y");
		assertEquals("P", Montage.directionLetter(new double[] { 0.1, 0.9, 0.1 }), "mostly +y");
		assertEquals("S", Montage.directionLetter(new double[] { 0, 0, 1 }), "+z");
		assertEquals("I", Montage.directionLetter(new double[] { 0, 0, -1 }), "-z");
	}
}
