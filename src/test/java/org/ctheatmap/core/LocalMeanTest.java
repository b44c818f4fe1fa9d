package org.ctheatmap.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LocalMeanTest {

	/**
	 * In-plane means are stored as floats, about 7 significant digits, so
	 * means of values up to 2000 HU may differ from the double-precision
	 * reference by a few 1e-4 HU.
	 */
	private static final double FLOAT_STORAGE_TOL_HU = 1e-3;

	@Test
	void halfWidthsPerAxis() {
		int[] half = LocalMean.halfWidths(2.0, new double[] { 0.7, 1.1, 2.5 });
		assertEquals(3, half[0], "x: 2 / 0.7 = 2.86");
		assertEquals(2, half[1], "y: 2 / 1.1 = 1.82");
		assertEquals(1, half[2], "z: 2 / 2.5 = 0.8");
		assertEquals(2, LocalMean.halfWidths(1.5, new double[] { 1, 1, 1 })[0],
			"1.5 rounds half up");
		assertArrayEquals(new int[] { 0, 0, 0 }, LocalMean.halfWidths(0, new double[] { 1, 1,
			1 }), "radius 0");
	}

	@Test
	void halfWidthsRejectInvalid() {
		assertThrows(IllegalArgumentException.class, () -> LocalMean.halfWidths(-1,
			new double[] { 1, 1, 1 }), "negative radius");
		assertThrows(IllegalArgumentException.class, () -> LocalMean.halfWidths(Double.NaN,
			new double[] { 1, 1, 1 }), "NaN radius");
		assertThrows(IllegalArgumentException.class, () -> LocalMean.halfWidths(1,
			new double[] { 1, 0, 1 }), "zero spacing");
	}

	@Test
	void matchesBruteForceWithNaN() {
		Random random = new Random(3);
		int[][] sizes = { { 7, 6, 5 }, { 9, 4, 8 }, { 1, 5, 3 }, { 6, 6, 1 } };
		double[] spacing = { 0.7, 1.1, 2.5 };
		for (int[] size : sizes) {
			for (double radius : new double[] { 0, 1, 2, 4.9 }) {
				ImageStack stack = randomStack(random, size[0], size[1], size[2], 0.15);
				int[] half = LocalMean.halfWidths(radius, spacing);
				ImageStack actual = LocalMean.smooth(stack, size[2], half, ProgressListener.NONE);
				assertMatchesBruteForce(stack, actual, size[2], half, "size " + size[0] + "x" +
					size[1] + "x" + size[2] + ", radius " + radius + " mm");
			}
		}
	}

	@Test
	void matchesBruteForceWithoutNaN() {
		Random random = new Random(5);
		ImageStack stack = randomStack(random, 8, 7, 6, 0);
		int[] half = { 2, 1, 3 };
		ImageStack actual = LocalMean.smooth(stack, 6, half, ProgressListener.NONE);
		assertMatchesBruteForce(stack, actual, 6, half, "finite input");
	}

	@Test
	void framesAreNotMixed() {
		ImageStack stack = new ImageStack(4, 3);
		for (int t = 0; t < 2; t++) {
			for (int z = 0; z < 3; z++) {
				FloatProcessor ip = new FloatProcessor(4, 3);
				ip.set(t == 0 ? -100 : 500);
				stack.addSlice("t" + t + "z" + z, ip);
			}
		}
		ImageStack smooth = LocalMean.smooth(stack, 3, new int[] { 1, 1, 5 },
			ProgressListener.NONE);
		for (int n = 1; n <= 6; n++) {
			float expected = n <= 3 ? -100 : 500;
			for (int i = 0; i < 12; i++) {
				assertEquals(expected, smooth.getProcessor(n).getf(i), 0, "slice " + n + " pixel " +
					i);
			}
			assertEquals(stack.getSliceLabel(n), smooth.getSliceLabel(n), "label " + n);
		}
	}

	@Test
	void allNaNBoxGivesNaN() {
		ImageStack stack = randomStack(new Random(1), 5, 5, 1, 0);
		FloatProcessor ip = (FloatProcessor) stack.getProcessor(1);
		for (int y = 0; y < 3; y++) {
			for (int x = 0; x < 3; x++) {
				ip.setf(x, y, Float.NaN);
			}
		}
		ImageStack smooth = LocalMean.smooth(stack, 1, new int[] { 1, 1, 0 },
			ProgressListener.NONE);
		assertTrue(Float.isNaN(smooth.getProcessor(1).getf(1, 1)), "box of NaN only");
		assertTrue(Float.isFinite(smooth.getProcessor(1).getf(2, 2)), "box with a finite voxel");
	}

	@Test
	void inputIsUnchanged() {
		ImageStack stack = randomStack(new Random(9), 6, 5, 4, 0.1);
		List<float[]> before = new ArrayList<>();
		for (int n = 1; n <= 4; n++) {
			before.add(((float[]) stack.getPixels(n)).clone());
		}
		ImageStack smooth = LocalMean.smooth(stack, 4, new int[] { 2, 2, 2 },
			ProgressListener.NONE);
		for (int n = 1; n <= 4; n++) {
			assertArrayEquals(before.get(n - 1), (float[]) stack.getPixels(n), "slice " + n);
			assertNotSame(stack.getPixels(n), smooth.getPixels(n), "new pixels for slice " + n);
		}
	}

	@Test
	void reportsEverySliceTwice() {
		List<Integer> done = Collections.synchronizedList(new ArrayList<>());
		int[] lastTotal = { 0 };
		ImageStack stack = randomStack(new Random(2), 3, 3, 4, 0);
		LocalMean.smooth(stack, 2, new int[] { 1, 1, 1 }, (step, d, total) -> {
			done.add(d);
			lastTotal[0] = total;
		});
		assertEquals(8, done.size(), "reports for 4 slices x 2 passes");
		assertEquals(8, lastTotal[0], "total");
		assertEquals(8, (int) done.get(done.size() - 1), "last report ends the step");
	}

	@Test
	void smoothsVolumeWithItsSpacing() {
		ImageStack stack = randomStack(new Random(4), 6, 6, 4, 0);
		ImagePlus image = new ImagePlus("volume", stack);
		CtVolume volume = new CtVolume(image, PatientGeometry.axial(new double[3],
			new double[] { 0.5, 0.5, 2.0 }), "HU = pixel value", Collections.emptyMap(),
			Collections.emptyList());
		ImageStack smooth = LocalMean.smooth(stack, volume, 1.0, ProgressListener.NONE);
		assertMatchesBruteForce(stack, smooth, 4, new int[] { 2, 2, 1 }, "volume spacing");
	}

	@Test
	void rejectsNonFloatStack() {
		ImageStack stack = new ImageStack(2, 2);
		stack.addSlice(new ByteProcessor(2, 2));
		assertThrows(IllegalArgumentException.class, () -> LocalMean.smooth(stack, 1,
			new int[] { 1, 1, 1 }, ProgressListener.NONE));
	}

	private static ImageStack randomStack(Random random, int width, int height, int depth,
		double nanFraction)
	{
		ImageStack stack = new ImageStack(width, height);
		for (int z = 0; z < depth; z++) {
			float[] pixels = new float[width * height];
			for (int i = 0; i < pixels.length; i++) {
				pixels[i] = random.nextDouble() < nanFraction ? Float.NaN : (float) (random
					.nextDouble() * 3000 - 1000);
			}
			stack.addSlice("z" + z, new FloatProcessor(width, height, pixels));
		}
		return stack;
	}

	private static void assertMatchesBruteForce(ImageStack input, ImageStack actual, int depth,
		int[] half, String what)
	{
		int width = input.getWidth();
		int height = input.getHeight();
		int frames = input.getSize() / depth;
		for (int t = 0; t < frames; t++) {
			for (int z = 0; z < depth; z++) {
				for (int y = 0; y < height; y++) {
					for (int x = 0; x < width; x++) {
						double expected = bruteForce(input, t * depth, depth, x, y, z, half);
						double value = actual.getProcessor(t * depth + z + 1).getf(x, y);
						String where = what + " at (" + x + ", " + y + ", " + z + ")";
						if (Double.isNaN(expected)) {
							assertTrue(Double.isNaN(value), where + " should be NaN, got " + value);
						} else {
							assertEquals(expected, value, FLOAT_STORAGE_TOL_HU, where);
						}
					}
				}
			}
		}
	}

	private static double bruteForce(ImageStack stack, int offset, int depth, int x, int y,
		int z, int[] half)
	{
		double sum = 0;
		int count = 0;
		for (int k = Math.max(0, z - half[2]); k <= Math.min(depth - 1, z + half[2]); k++) {
			FloatProcessor ip = (FloatProcessor) stack.getProcessor(offset + k + 1);
			for (int j = Math.max(0, y - half[1]); j <= Math.min(stack.getHeight() - 1, y +
				half[1]); j++)
			{
				for (int i = Math.max(0, x - half[0]); i <= Math.min(stack.getWidth() - 1, x +
					half[0]); i++)
				{
					float v = ip.getf(i, j);
					if (Float.isFinite(v)) {
						sum += v;
						count++;
					}
				}
			}
		}
		return count == 0 ? Double.NaN : sum / count;
	}
}
