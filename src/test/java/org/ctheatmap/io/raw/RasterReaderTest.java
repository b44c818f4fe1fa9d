package org.ctheatmap.io.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Places stored voxels where the reoriented geometry puts them, on the
 * calling thread and with the decoding thread, for every kind of axis change.
 */
class RasterReaderTest {

	private static final Path FILE = Paths.get("grid.raw");
	private static final long[] SIZE = { 5, 4, 3 };
	private static final int FRAMES = 2;

	/** Stored-voxel-to-LPS affines: identity, flips, a permutation, stored i along the slices. */
	private static final double[][][] AFFINES = {
		{ { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 2, 0 } },
		{ { -1, 0, 0, 9 }, { 0, -1, 0, 8 }, { 0, 0, 2, 0 } },
		{ { 0, 0, -2, 7 }, { 1, 0, 0, 0 }, { 0, 1, 0, 0 } },
		{ { 0, -1, 0, 3 }, { 0, 0, 2, 0 }, { -1, 0, 0, 6 } } };

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void placesVoxelsByGeometry(boolean parallel) throws IOException {
		for (double[][] lps : AFFINES) {
			Reorientation reorientation = Reorientation.towardsLps(lps, SIZE);
			RasterShape shape = RasterShape.of(FILE, SIZE, FRAMES, VoxelType.INT16);
			byte[] data = storedValues(ByteOrder.BIG_ENDIAN);
			float[][] slices = new RasterReader(FILE, shape, ByteOrder.BIG_ENDIAN, 2, -1024,
				reorientation).parallel(parallel).read(new ByteArrayInputStream(data),
					ProgressListener.NONE);
			float[][] expected = expectedSlices(lps, reorientation);
			assertEquals(expected.length, slices.length, "slice count for " + reorientation
				.describe());
			for (int s = 0; s < expected.length; s++) {
				assertArrayEquals(expected[s], slices[s], "slice " + s + " after " + reorientation
					.describe());
			}
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void truncatedDataNamesTheCount(boolean parallel) throws IOException {
		RasterShape shape = RasterShape.of(FILE, SIZE, FRAMES, VoxelType.INT16);
		byte[] data = storedValues(ByteOrder.LITTLE_ENDIAN);
		byte[] cut = Arrays.copyOf(data, 101);
		RasterReader reader = new RasterReader(FILE, shape, ByteOrder.LITTLE_ENDIAN, 1, 0,
			Reorientation.towardsLps(AFFINES[0], SIZE)).parallel(parallel);
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(
			new ByteArrayInputStream(cut), ProgressListener.NONE), "truncated data");
		assertTrue(e.getMessage().contains("240 bytes"), "message gives the expected bytes: " + e
			.getMessage());
		assertTrue(e.getMessage().contains("only 101 are present"),
			"message gives the bytes present: " + e.getMessage());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void progressEndsAtStoredSliceCount(boolean parallel) throws IOException {
		RasterShape shape = RasterShape.of(FILE, SIZE, FRAMES, VoxelType.INT16);
		List<int[]> reports = new ArrayList<>();
		new RasterReader(FILE, shape, ByteOrder.LITTLE_ENDIAN, 1, 0, Reorientation.towardsLps(
			AFFINES[0], SIZE)).parallel(parallel).read(new ByteArrayInputStream(storedValues(
				ByteOrder.LITTLE_ENDIAN)), (step, done, total) -> reports.add(new int[] { done,
					total }));
		int[] last = reports.get(reports.size() - 1);
		assertEquals(6, last[0], "slices done in the last report");
		assertEquals(6, last[1], "slices in total");
	}

	@ParameterizedTest
	@ValueSource(strings = { "UINT8", "INT8", "UINT16", "INT32", "UINT32", "FLOAT32",
		"FLOAT64" })
	void decodesEveryType(String name) throws IOException {
		VoxelType type = VoxelType.valueOf(name);
		double[] stored = { 0, 1, 127, 200, 250, 3 };
		if (name.startsWith("INT") || name.startsWith("FLOAT")) stored[5] = -3;
		if (name.startsWith("FLOAT")) stored[4] = 0.5;
		if (name.equals("UINT32")) stored[3] = 4294967295.0;
		if (name.equals("UINT16")) stored[3] = 65535;
		if (name.equals("INT8")) stored[3] = -128;
		if (name.equals("INT8")) stored[4] = 100;
		ByteBuffer b = ByteBuffer.allocate(stored.length * type.bytesPerVoxel()).order(
			ByteOrder.LITTLE_ENDIAN);
		for (double v : stored) {
			put(b, type, v);
		}
		long[] size = { 3, 2, 1 };
		RasterShape shape = RasterShape.of(FILE, size, 1, type);
		float[][] slices = new RasterReader(FILE, shape, ByteOrder.LITTLE_ENDIAN, 1, 0,
			Reorientation.towardsLps(AFFINES[0], size)).read(new ByteArrayInputStream(b.array()),
				ProgressListener.NONE);
		for (int n = 0; n < stored.length; n++) {
			assertEquals((float) stored[n], slices[0][n], "value " + n + " of " + type);
		}
	}

	private static void put(ByteBuffer b, VoxelType type, double v) {
		switch (type) {
			case UINT8:
			case INT8:
				b.put((byte) (long) v);
				break;
			case UINT16:
				b.putShort((short) (long) v);
				break;
			case INT32:
			case UINT32:
				b.putInt((int) (long) v);
				break;
			case FLOAT32:
				b.putFloat((float) v);
				break;
			default:
				b.putDouble(v);
		}
	}

	/** Stored value of voxel (i, j, k, t); distinct for every voxel. */
	private static int stored(long i, long j, long k, long t) {
		return (int) (i + 10 * j + 100 * k + 1000 * t);
	}

	private static byte[] storedValues(ByteOrder order) {
		ByteBuffer b = ByteBuffer.allocate((int) (SIZE[0] * SIZE[1] * SIZE[2] * FRAMES * 2))
			.order(order);
		for (int t = 0; t < FRAMES; t++) {
			for (int k = 0; k < SIZE[2]; k++) {
				for (int j = 0; j < SIZE[1]; j++) {
					for (int i = 0; i < SIZE[0]; i++) {
						b.putShort((short) stored(i, j, k, t));
					}
				}
			}
		}
		return b.array();
	}

	/** Finds each stored voxel's new index from its patient position and the new geometry. */
	private static float[][] expectedSlices(double[][] lps, Reorientation reorientation) {
		long[] newSize = reorientation.newSize();
		PatientGeometry g = reorientation.geometry(lps);
		double[][] axes = { g.rowDirection(), g.columnDirection(), g.sliceDirection() };
		double[] origin = g.origin();
		double[] spacing = g.spacing();
		float[][] slices = new float[(int) (newSize[2] * FRAMES)][(int) (newSize[0] * newSize[1])];
		for (int t = 0; t < FRAMES; t++) {
			for (int k = 0; k < SIZE[2]; k++) {
				for (int j = 0; j < SIZE[1]; j++) {
					for (int i = 0; i < SIZE[0]; i++) {
						int[] index = new int[3];
						for (int d = 0; d < 3; d++) {
							double dot = 0;
							for (int r = 0; r < 3; r++) {
								double p = lps[r][0] * i + lps[r][1] * j + lps[r][2] * k + lps[r][3];
								dot += (p - origin[r]) * axes[d][r];
							}
							index[d] = (int) Math.round(dot / spacing[d]);
						}
						float hu = (float) (stored(i, j, k, t) * 2.0 - 1024);
						slices[(int) (t * newSize[2] + index[2])][(int) (index[0] + newSize[0] *
							index[1])] = hu;
					}
				}
			}
		}
		return slices;
	}
}
