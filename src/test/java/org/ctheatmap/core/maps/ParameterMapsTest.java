package org.ctheatmap.core.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImageStack;
import ij.process.FloatProcessor;

import java.util.Random;

import org.ctheatmap.core.ProgressListener;
import org.junit.jupiter.api.Test;

/** Compares every parameter map with a brute-force loop over each box. */
class ParameterMapsTest {

	/**
	 * Float output of double sums of values up to 1000 HU; 1e-3 HU is two
	 * orders above float rounding at 1000 HU and far below any HU that matters.
	 */
	private static final double HU_TOL = 1e-3;

	/** Entropy in bits, computed in double and stored as float. */
	private static final double BITS_TOL = 1e-5;

	private static final int WIDTH = 9;
	private static final int HEIGHT = 7;
	private static final int DEPTH = 6;

	/** Anisotropic voxels: radius 1 mm gives half-widths 2, 2, 1. */
	private static final double[] SPACING = { 0.5, 0.5, 2 };

	private static final int[] HALF = { 2, 2, 1 };

	@Test
	void meanAndSdMatchBruteForce() {
		float[][] values = randomVolume(1, true);
		boolean[][] mask = randomMask(2);
		ImageStack stack = stack(values);
		for (boolean[][] m : new boolean[][][] { null, mask }) {
			ImageStack mean = ParameterMaps.compute(stack, DEPTH, SPACING, MapSettings.of(
				MapType.LOCAL_MEAN, 1), m, ProgressListener.NONE);
			ImageStack sd = ParameterMaps.compute(stack, DEPTH, SPACING, MapSettings.of(
				MapType.LOCAL_SD, 1), m, ProgressListener.NONE);
			String label = m == null ? "no mask" : "mask";
			forEachVoxel((x, y, z) -> {
				double[] expected = bruteMeanSd(values, m, x, y, z, HALF);
				assertClose(expected[0], mean, x, y, z, HU_TOL, label + " mean");
				assertClose(expected[1], sd, x, y, z, HU_TOL, label + " SD");
			});
		}
	}

	@Test
	void finiteVolumeMatchesBruteForce() {
		// Without NaN and mask the counts come from the box extents, not from sums.
		float[][] values = randomVolume(13, false);
		ImageStack sd = ParameterMaps.compute(stack(values), DEPTH, SPACING, MapSettings.of(
			MapType.LOCAL_SD, 1), null, ProgressListener.NONE);
		ImageStack mean = ParameterMaps.compute(stack(values), DEPTH, SPACING, MapSettings.of(
			MapType.LOCAL_MEAN, 1), null, ProgressListener.NONE);
		forEachVoxel((x, y, z) -> {
			double[] expected = bruteMeanSd(values, null, x, y, z, HALF);
			assertClose(expected[0], mean, x, y, z, HU_TOL, "mean");
			assertClose(expected[1], sd, x, y, z, HU_TOL, "SD");
		});
	}

	@Test
	void bandsOfRowsMatchBruteForce() {
		// 75 rows split into bands of 32, 32 and 11; half-widths 2, 3, 1 cross the band edges.
		int w = 6;
		int h = 75;
		int d = 4;
		int[] half = { 2, 3, 1 };
		Random random = new Random(17);
		float[][] v = new float[d][w * h];
		boolean[][] mask = new boolean[d][w * h];
		for (int z = 0; z < d; z++) {
			for (int i = 0; i < w * h; i++) {
				v[z][i] = random.nextInt(2000) - 1000;
				mask[z][i] = random.nextInt(5) > 0;
			}
		}
		v[1][40] = Float.NaN;
		for (boolean[][] m : new boolean[][][] { null, mask }) {
			float[][][] result = BoxStatistics.compute(v, w, h, half, m, true,
				ProgressListener.NONE);
			for (int z = 0; z < d; z++) {
				for (int y = 0; y < h; y++) {
					for (int x = 0; x < w; x++) {
						double[] expected = bruteBox(v, m, w, h, x, y, z, half);
						String where = (m == null ? "no mask" : "mask") + " at (" + x + ", " + y +
							", " + z + ")";
						assertEquals(expected[0], result[0][z][y * w + x], HU_TOL, "mean " + where);
						assertEquals(expected[1], result[1][z][y * w + x], HU_TOL, "SD " + where);
					}
				}
			}
		}
	}

	/** Returns the brute-force {mean, SD} of a box on a grid of any size; NaN for none. */
	private static double[] bruteBox(float[][] v, boolean[][] mask, int w, int h, int x, int y,
		int z, int[] half)
	{
		if (mask != null && !mask[z][y * w + x]) return new double[] { Double.NaN, Double.NaN };
		double sum = 0;
		double squares = 0;
		int n = 0;
		for (int k = Math.max(0, z - half[2]); k <= Math.min(v.length - 1, z + half[2]); k++) {
			for (int j = Math.max(0, y - half[1]); j <= Math.min(h - 1, y + half[1]); j++) {
				for (int i = Math.max(0, x - half[0]); i <= Math.min(w - 1, x + half[0]); i++) {
					float value = v[k][j * w + i];
					if (!Float.isFinite(value) || mask != null && !mask[k][j * w + i]) continue;
					sum += value;
					squares += (double) value * value;
					n++;
				}
			}
		}
		if (n == 0) return new double[] { Double.NaN, Double.NaN };
		double mean = sum / n;
		return new double[] { mean, n > 1 ? Math.sqrt(Math.max(0, (squares - sum * mean) / (n -
			1))) : 0 };
	}

	@Test
	void boxLargerThanVolume() {
		float[][] values = randomVolume(3, false);
		int[] huge = { 20, 20, 20 };
		float[][][] result = BoxStatistics.compute(values, WIDTH, HEIGHT, huge, null, true,
			ProgressListener.NONE);
		double[] expected = bruteMeanSd(values, null, 0, 0, 0, huge);
		for (int z = 0; z < DEPTH; z++) {
			assertEquals(expected[0], result[0][z][WIDTH * HEIGHT - 1], HU_TOL,
				"every voxel sees the whole volume, slice " + z);
			assertEquals(expected[1], result[1][z][0], HU_TOL, "SD of the whole volume, slice " +
				z);
		}
	}

	@Test
	void zeroRadiusReturnsValues() {
		float[][] values = randomVolume(4, false);
		ImageStack mean = ParameterMaps.compute(stack(values), DEPTH, SPACING, MapSettings.of(
			MapType.LOCAL_MEAN, 0), null, ProgressListener.NONE);
		ImageStack sd = ParameterMaps.compute(stack(values), DEPTH, SPACING, MapSettings.of(
			MapType.LOCAL_SD, 0), null, ProgressListener.NONE);
		assertEquals(values[3][17], mean.getProcessor(4).getf(17), 0, "mean of one voxel");
		assertEquals(0, sd.getProcessor(4).getf(17), 0, "SD of one voxel");
	}

	@Test
	void rangeFractionMatchesBruteForce() {
		float[][] values = randomVolume(5, true);
		boolean[][] mask = randomMask(6);
		MapSettings settings = MapSettings.of(MapType.RANGE_FRACTION, 1).withRange(-200, 100);
		ImageStack map = ParameterMaps.compute(stack(values), DEPTH, SPACING, settings, mask,
			ProgressListener.NONE);
		forEachVoxel((x, y, z) -> {
			double[] counts = bruteCount(values, mask, x, y, z, HALF, -200, 100);
			double expected = mask[z][y * WIDTH + x] && counts[1] > 0 ? 100 * counts[0] /
				counts[1] : Double.NaN;
			assertClose(expected, map, x, y, z, HU_TOL, "percentage in -200..100 HU");
		});
	}

	@Test
	void gradientOfLinearRamp() {
		// v = 3 x_mm - 2 y_mm + 0.5 z_mm: the gradient is (3, -2, 0.5) HU/mm everywhere.
		float[][] values = new float[DEPTH][WIDTH * HEIGHT];
		for (int z = 0; z < DEPTH; z++) {
			for (int y = 0; y < HEIGHT; y++) {
				for (int x = 0; x < WIDTH; x++) {
					values[z][y * WIDTH + x] = (float) (3 * x * SPACING[0] - 2 * y * SPACING[1] +
						0.5 * z * SPACING[2]);
				}
			}
		}
		ImageStack map = ParameterMaps.compute(stack(values), DEPTH, SPACING, MapSettings.of(
			MapType.GRADIENT, 0), null, ProgressListener.NONE);
		double expected = Math.sqrt(9 + 4 + 0.25);
		forEachVoxel((x, y, z) -> assertClose(expected, map, x, y, z, HU_TOL,
			"|(3, -2, 0.5)| HU/mm, borders one-sided"));
	}

	@Test
	void gradientMatchesBruteForceWithMask() {
		float[][] values = randomVolume(7, true);
		boolean[][] mask = randomMask(8);
		ImageStack map = ParameterMaps.compute(stack(values), DEPTH, SPACING, MapSettings.of(
			MapType.GRADIENT, 0), mask, ProgressListener.NONE);
		forEachVoxel((x, y, z) -> assertClose(bruteGradient(values, mask, x, y, z), map, x, y,
			z, HU_TOL, "gradient with mask and NaN"));
	}

	@Test
	void gradientOfFiniteVolumeMatchesBruteForce() {
		// Without mask and NaN every neighbour exists, which takes the branch-free path.
		float[][] values = randomVolume(15, false);
		ImageStack map = ParameterMaps.compute(stack(values), DEPTH, SPACING, MapSettings.of(
			MapType.GRADIENT, 0), null, ProgressListener.NONE);
		forEachVoxel((x, y, z) -> assertClose(bruteGradient(values, null, x, y, z), map, x, y,
			z, HU_TOL, "gradient without mask"));
	}

	@Test
	void gradientOfSingleSliceHasNoZ() {
		float[][] values = { { 0, 10, 20, 30 } };
		float[][] g = GradientMagnitude.compute(values, 4, 1, new double[] { 2, 1, 1 }, null,
			ProgressListener.NONE);
		assertEquals(5, g[0][0], 0, "one-sided at the left edge: 10 HU / 2 mm");
		assertEquals(5, g[0][1], 0, "central: 20 HU / 4 mm");
	}

	@Test
	void entropyMatchesBruteForce() {
		float[][] values = randomVolume(9, true);
		boolean[][] mask = randomMask(10);
		MapSettings settings = MapSettings.of(MapType.ENTROPY, 1).withBinWidth(100);
		for (boolean[][] m : new boolean[][][] { null, mask }) {
			ImageStack map = ParameterMaps.compute(stack(values), DEPTH, SPACING, settings, m,
				ProgressListener.NONE);
			forEachVoxel((x, y, z) -> assertClose(bruteEntropy(values, m, x, y, z, 100), map, x,
				y, z, BITS_TOL, "entropy, 100 HU bins"));
		}
	}

	@Test
	void entropyOfTwoEqualHalves() {
		// A box of 2 x 1 x 1 voxels (radius 0.5 mm on 1 mm voxels along x only) is 1 bit.
		float[][] values = { { 0, 500 } };
		float[][] h = LocalEntropy.compute(values, 2, 1, new int[] { 1, 0, 0 }, null, -1024, 16,
			256, ProgressListener.NONE);
		assertEquals(1, h[0][0], BITS_TOL, "two values in two bins");
	}

	@Test
	void framesAreNotMixed() {
		float[][] values = randomVolume(11, false);
		ImageStack twoFrames = new ImageStack(WIDTH, HEIGHT);
		for (int t = 0; t < 2; t++) {
			for (int z = 0; z < DEPTH; z++) {
				float[] plane = values[z].clone();
				if (t == 1) java.util.Arrays.fill(plane, 1000);
				twoFrames.addSlice(new FloatProcessor(WIDTH, HEIGHT, plane));
			}
		}
		ImageStack mean = ParameterMaps.compute(twoFrames, DEPTH, SPACING, MapSettings.of(
			MapType.LOCAL_MEAN, 1), null, ProgressListener.NONE);
		assertEquals(1000, mean.getProcessor(DEPTH + 1).getf(0), 0,
			"first slice of frame 2 sees only frame 2");
		double[] expected = bruteMeanSd(values, null, 0, 0, DEPTH - 1, HALF);
		assertEquals(expected[0], mean.getProcessor(DEPTH).getf(0), HU_TOL,
			"last slice of frame 1 sees only frame 1");
	}

	@Test
	void rejectsMaskOfWrongShape() {
		ImageStack stack = stack(randomVolume(12, false));
		assertThrows(IllegalArgumentException.class, () -> ParameterMaps.compute(stack, DEPTH,
			SPACING, MapSettings.of(MapType.LOCAL_MEAN, 1), new boolean[DEPTH - 1][WIDTH *
				HEIGHT], ProgressListener.NONE));
	}

	@Test
	void namesParse() {
		assertEquals(MapType.LOCAL_SD, MapType.fromName("sd"), "CLI name");
		assertEquals(MapType.RANGE_FRACTION, MapType.fromName("HU in range"), "label");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> MapType.fromName("variance"));
		assertTrue(e.getMessage().contains("entropy"), "message lists names: " + e.getMessage());
	}

	// ---- brute force ----

	private static double[] bruteMeanSd(float[][] v, boolean[][] mask, int x, int y, int z,
		int[] half)
	{
		if (mask != null && !mask[z][y * WIDTH + x]) return new double[] { Double.NaN,
			Double.NaN };
		double sum = 0;
		double squares = 0;
		int n = 0;
		for (int[] p : box(x, y, z, half)) {
			float value = v[p[2]][p[1] * WIDTH + p[0]];
			if (!takesPart(value, mask, p)) continue;
			sum += value;
			squares += (double) value * value;
			n++;
		}
		if (n == 0) return new double[] { Double.NaN, Double.NaN };
		double mean = sum / n;
		double variance = 0;
		for (int[] p : box(x, y, z, half)) {
			float value = v[p[2]][p[1] * WIDTH + p[0]];
			if (takesPart(value, mask, p)) variance += (value - mean) * (value - mean);
		}
		return new double[] { mean, n > 1 ? Math.sqrt(variance / (n - 1)) : 0 };
	}

	private static double[] bruteCount(float[][] v, boolean[][] mask, int x, int y, int z,
		int[] half, double low, double high)
	{
		double inRange = 0;
		double n = 0;
		for (int[] p : box(x, y, z, half)) {
			float value = v[p[2]][p[1] * WIDTH + p[0]];
			if (!takesPart(value, mask, p)) continue;
			n++;
			if (value >= low && value <= high) inRange++;
		}
		return new double[] { inRange, n };
	}

	private static double bruteGradient(float[][] v, boolean[][] mask, int x, int y, int z) {
		if (!takesPart(v[z][y * WIDTH + x], mask, new int[] { x, y, z })) return Double.NaN;
		double sum = 0;
		int[][] axes = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		for (int a = 0; a < 3; a++) {
			double centre = v[z][y * WIDTH + x];
			double before = sample(v, mask, x - axes[a][0], y - axes[a][1], z - axes[a][2]);
			double after = sample(v, mask, x + axes[a][0], y + axes[a][1], z + axes[a][2]);
			double g;
			if (!Double.isNaN(before) && !Double.isNaN(after)) {
				g = (after - before) / (2 * SPACING[a]);
			} else if (!Double.isNaN(after)) {
				g = (after - centre) / SPACING[a];
			} else if (!Double.isNaN(before)) {
				g = (centre - before) / SPACING[a];
			} else {
				g = 0;
			}
			sum += g * g;
		}
		return Math.sqrt(sum);
	}

	private static double sample(float[][] v, boolean[][] mask, int x, int y, int z) {
		if (x < 0 || y < 0 || z < 0 || x >= WIDTH || y >= HEIGHT || z >= DEPTH) {
			return Double.NaN;
		}
		float value = v[z][y * WIDTH + x];
		return takesPart(value, mask, new int[] { x, y, z }) ? value : Double.NaN;
	}

	private static double bruteEntropy(float[][] v, boolean[][] mask, int x, int y, int z,
		double binWidth)
	{
		if (mask != null && !mask[z][y * WIDTH + x]) return Double.NaN;
		int bins = (int) Math.ceil(4096 / binWidth);
		int[] counts = new int[bins];
		int n = 0;
		for (int[] p : box(x, y, z, HALF)) {
			float value = v[p[2]][p[1] * WIDTH + p[0]];
			if (!takesPart(value, mask, p)) continue;
			int bin = (int) Math.max(0, Math.min(bins - 1, Math.floor((value + 1024) /
				binWidth)));
			counts[bin]++;
			n++;
		}
		if (n == 0) return Double.NaN;
		double h = 0;
		for (int c : counts) {
			if (c > 0) h -= (double) c / n * Math.log((double) c / n) / Math.log(2);
		}
		return h;
	}

	private static boolean takesPart(float value, boolean[][] mask, int[] p) {
		return Float.isFinite(value) && (mask == null || mask[p[2]][p[1] * WIDTH + p[0]]);
	}

	/** Returns the voxels of the box around (x, y, z) inside the volume. */
	private static java.util.List<int[]> box(int x, int y, int z, int[] half) {
		java.util.List<int[]> voxels = new java.util.ArrayList<>();
		for (int k = Math.max(0, z - half[2]); k <= Math.min(DEPTH - 1, z + half[2]); k++) {
			for (int j = Math.max(0, y - half[1]); j <= Math.min(HEIGHT - 1, y + half[1]); j++) {
				for (int i = Math.max(0, x - half[0]); i <= Math.min(WIDTH - 1, x + half[0]); i++) {
					voxels.add(new int[] { i, j, k });
				}
			}
		}
		return voxels;
	}

	// ---- fixtures ----

	/** Integer HU in -1024..1000 with, optionally, about 5 % NaN and one infinity. */
	private static float[][] randomVolume(long seed, boolean withNaN) {
		Random random = new Random(seed);
		float[][] v = new float[DEPTH][WIDTH * HEIGHT];
		for (float[] plane : v) {
			for (int i = 0; i < plane.length; i++) {
				plane[i] = random.nextInt(2025) - 1024;
				if (withNaN && random.nextDouble() < 0.05) plane[i] = Float.NaN;
			}
		}
		if (withNaN) v[2][10] = Float.POSITIVE_INFINITY;
		return v;
	}

	private static boolean[][] randomMask(long seed) {
		Random random = new Random(seed);
		boolean[][] mask = new boolean[DEPTH][WIDTH * HEIGHT];
		for (boolean[] plane : mask) {
			for (int i = 0; i < plane.length; i++) {
				plane[i] = random.nextDouble() < 0.7;
			}
		}
		return mask;
	}

	private static ImageStack stack(float[][] values) {
		ImageStack stack = new ImageStack(WIDTH, HEIGHT);
		for (float[] plane : values) {
			stack.addSlice(new FloatProcessor(WIDTH, HEIGHT, plane));
		}
		return stack;
	}

	private static void assertClose(double expected, ImageStack map, int x, int y, int z,
		double tolerance, String what)
	{
		float actual = map.getProcessor(z + 1).getf(x, y);
		String where = what + " at (" + x + ", " + y + ", " + z + ")";
		if (Double.isNaN(expected)) {
			assertTrue(Float.isNaN(actual), where + ": expected NaN, got " + actual);
		} else {
			assertEquals(expected, actual, tolerance, where);
		}
	}

	private interface VoxelCheck {

		void check(int x, int y, int z);
	}

	private static void forEachVoxel(VoxelCheck check) {
		for (int z = 0; z < DEPTH; z++) {
			for (int y = 0; y < HEIGHT; y++) {
				for (int x = 0; x < WIDTH; x++) {
					check.check(x, y, z);
				}
			}
		}
	}
}
