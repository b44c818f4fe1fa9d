package org.ctheatmap.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImageStack;

import java.util.Arrays;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.junit.jupiter.api.Test;

class VoxelMaskTest {

	@Test
	void bodyMaskKeepsTheBodyAndFillsItsHoles() {
		int w = 20;
		FloatVolume v = FloatVolume.allocate(w, w, 3);
		for (float[] slice : v.slices()) {
			Arrays.fill(slice, -1000f);
			for (int y = 5; y < 15; y++) {
				for (int x = 5; x < 15; x++) {
					slice[y * w + x] = (x == 10 && y == 10) ? -900 : 40;
				}
			}
		}
		VoxelMask mask = VoxelMask.body(v, ProgressListener.NONE);
		assertEquals(300, mask.count(), "10 x 10 body on 3 slices, air hole filled");
		ImageStack bytes = mask.toByteStack();
		assertEquals(255, bytes.getProcessor(1).get(10, 10), "filled hole is 255");
		assertEquals(0, bytes.getProcessor(1).get(0, 0), "outside is 0");
	}

	@Test
	void nonZeroStackVoxelsFormTheMask() {
		ImageStack stack = ImageStack.create(3, 2, 2, 16);
		stack.getProcessor(2).set(1, 1, 7);
		VoxelMask mask = VoxelMask.nonZero(stack);
		assertEquals(1, mask.count(), "one non-zero voxel");
		assertEquals(true, mask.contains(1, 1, 1), "at x 1, y 1, slice index 1");
	}
}
