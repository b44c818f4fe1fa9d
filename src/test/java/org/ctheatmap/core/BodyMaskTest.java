package org.ctheatmap.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ctheatmap.phantom.PhantomGenerator;
import org.ctheatmap.phantom.PhantomTimePoint;
import org.ctheatmap.phantom.PhantomTissue;
import org.junit.jupiter.api.Test;

class BodyMaskTest {

	private static final float AIR = -1000;
	private static final float TISSUE = 40;

	@Test
	void phantomMaskIsBodyOutline() {
		CtVolume volume = PhantomGenerator.generate(PhantomTimePoint.BASELINE);
		byte[][] labels = PhantomGenerator.labels(PhantomTimePoint.BASELINE);
		boolean[][] mask = BodyMask.compute(volume, 1, ProgressListener.NONE);
		long expected = 0;
		long tableInMask = 0;
		long lungInMask = 0;
		for (int k = 0; k < labels.length; k++) {
			for (int index = 0; index < labels[k].length; index++) {
				int label = labels[k][index];
				boolean body = label != PhantomTissue.AIR.ordinal() && label != PhantomTissue.TABLE
					.ordinal();
				if (body) expected++;
				if (label == PhantomTissue.TABLE.ordinal() && mask[k][index]) tableInMask++;
				if (label == PhantomTissue.LUNG.ordinal() && mask[k][index]) lungInMask++;
			}
		}
		assertEquals(expected, BodyMask.count(mask), "Body voxels: every label but air and table");
		assertEquals(0, tableInMask, "Table voxels in the mask");
		assertTrue(lungInMask > 0, "Lungs were filled as holes");
	}

	@Test
	void largestComponentWins() {
		// A 3 x 3 x 3 cube and a separate 2 x 2 x 2 cube in a 10 x 10 x 4 volume.
		float[][] planes = planes(10, 10, 4);
		fill(planes, 10, 1, 1, 0, 3);
		fill(planes, 10, 6, 6, 0, 2);
		boolean[][] mask = BodyMask.compute(planes, 10, 10, ProgressListener.NONE);
		assertEquals(27, BodyMask.count(mask), "Voxels of the larger cube");
		assertTrue(mask[0][1 * 10 + 1], "Corner of the larger cube");
		assertFalse(mask[0][6 * 10 + 6], "Corner of the smaller cube");
	}

	@Test
	void diagonalNeighboursAreSeparate() {
		// Two voxels that touch only at an edge are two components, and the first one wins.
		float[][] planes = planes(4, 4, 2);
		planes[0][1 * 4 + 1] = TISSUE;
		planes[1][1 * 4 + 2] = TISSUE;
		boolean[][] mask = BodyMask.compute(planes, 4, 4, ProgressListener.NONE);
		assertEquals(1, BodyMask.count(mask), "Voxels kept");
		assertTrue(mask[0][1 * 4 + 1], "First voxel in slice, row, column order");
	}

	@Test
	void enclosedAirIsFilledPerSlice() {
		// A ring of tissue with air inside on slice 0, and an open ring on slice 1.
		int size = 7;
		float[][] planes = planes(size, size, 2);
		for (int k = 0; k < 2; k++) {
			for (int n = 1; n <= 5; n++) {
				planes[k][1 * size + n] = TISSUE;
				planes[k][5 * size + n] = TISSUE;
				planes[k][n * size + 1] = TISSUE;
				planes[k][n * size + 5] = TISSUE;
			}
		}
		planes[1][1 * size + 3] = AIR;
		boolean[][] mask = BodyMask.compute(planes, size, size, ProgressListener.NONE);
		assertTrue(mask[0][3 * size + 3], "Centre of the closed ring is filled");
		assertFalse(mask[1][3 * size + 3], "Centre of the open ring stays air");
		assertEquals(25 + 15, BodyMask.count(mask), "Filled 5 x 5 square plus the open ring");
	}

	@Test
	void nanIsNeverBody() {
		float[][] planes = planes(3, 3, 1);
		planes[0][4] = Float.NaN;
		boolean[][] mask = BodyMask.compute(planes, 3, 3, ProgressListener.NONE);
		assertEquals(0, BodyMask.count(mask), "Voxels in the mask of an all-air volume");
	}

	private static float[][] planes(int width, int height, int depth) {
		float[][] planes = new float[depth][width * height];
		for (float[] plane : planes) {
			Arrays.fill(plane, AIR);
		}
		return planes;
	}

	private static void fill(float[][] planes, int width, int i0, int j0, int k0, int edge) {
		for (int k = k0; k < k0 + edge; k++) {
			for (int j = j0; j < j0 + edge; j++) {
				for (int i = i0; i < i0 + edge; i++) {
					planes[k][j * width + i] = TISSUE;
				}
			}
		}
	}
}
