package org.ctheatmap.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import org.ctheatmap.lut.ValueMapProperty;
import org.junit.jupiter.api.Test;

class CursorValuesTest {

	@Test
	void describesHuAndMapOfCurrentSlice() {
		ImagePlus image = stack(1);
		image.setSlice(2);
		assertEquals("x=1, y=0, z=2: -12.5 HU, map 3.25 HU/mm", CursorValues.describe(image, 1,
			0), "slice 2, pixel 1");
	}

	@Test
	void hyperstackNamesTheFrame() {
		ImagePlus image = stack(2);
		image.setPosition(1, 1, 2);
		assertEquals("x=0, y=0, z=1, t=2: 20 HU, map NaN HU/mm", CursorValues.describe(image, 0,
			0), "frame 2, slice 1 is stack image 3");
	}

	@Test
	void nothingWithoutMapOrOutside() {
		ImagePlus plain = new ImagePlus("plain", new FloatProcessor(2, 1));
		assertNull(CursorValues.describe(plain, 0, 0), "no map values");
		assertNull(CursorValues.describe(stack(1), 2, 0), "x outside");
		assertNull(CursorValues.describe(stack(1), 0, -1), "y outside");
	}

	/**
	 * Returns 2 x 1 pixels, 2 slices and the given frames. Stack image n has
	 * HU {10 n - 10, -12.5} and map values {n, 3.25}, with NaN for n = 3.
	 */
	private static ImagePlus stack(int frames) {
		ImageStack hu = new ImageStack(2, 1);
		ImageStack map = new ImageStack(2, 1);
		for (int n = 1; n <= 2 * frames; n++) {
			hu.addSlice(new FloatProcessor(2, 1, new float[] { 10 * n - 10, -12.5f }));
			map.addSlice(new FloatProcessor(2, 1, new float[] { n == 3 ? Float.NaN : n,
				3.25f }));
		}
		ImagePlus image = new ImagePlus("heat map", hu);
		image.setDimensions(1, 2, frames);
		if (frames > 1) image.setOpenAsHyperStack(true);
		ValueMapProperty.attach(image, map, "HU/mm");
		return image;
	}
}
