package org.ctheatmap.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.testutil.CtSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TotalSegmentator test image: an abdominal CT of 122 x 101 x 30 int16
 * voxels of 3 mm, stored RAS+ (sform diag(3, 3, 3)), and its uint8 organ label
 * map on the same grid. Skipped when the samples are absent.
 */
class NiftiSampleTest {

	private static final String SAMPLE = "07_nifti_totalseg_example_ct_sm";
	/** The published mean is given to 4 decimals. */
	private static final double MEAN_TOL_HU = 1e-3;
	/** Affine values are float32 in the header. */
	private static final double POSITION_TOL_MM = 1e-4;
	private static final int NI = 122, NJ = 101, NK = 30;

	private static CtVolume ct;
	private static CtVolume labels;
	private static Path folder;

	@BeforeAll
	static void readSamples() throws IOException {
		folder = CtSamples.folder(SAMPLE);
		ct = NiftiReader.read(folder.resolve("example_ct_sm.nii.gz"), ReadOptions.DEFAULT);
		labels = NiftiReader.read(folder.resolve("example_seg_fast.nii.gz"), ReadOptions.DEFAULT);
	}

	@Test
	void ctDimensionsAndSpacing() {
		assertEquals(NI, ct.width(), "width");
		assertEquals(NJ, ct.height(), "height");
		assertEquals(NK, ct.depth(), "slices");
		assertArrayEquals(new double[] { 3, 3, 3 }, ct.geometry().spacing(), 1e-9, "spacing (mm)");
		assertEquals("flipped i, j", ct.metadata().get("Reoriented"), "RAS+ storage flips i and j");
		assertEquals("int16 (4)", ct.metadata().get("Datatype"), "datatype");
		assertEquals("2", ct.metadata().get("SformCode"), "sform code");
		assertEquals("0", ct.metadata().get("QformCode"), "qform code");
		assertTrue(ct.warnings().stream().anyMatch(w -> w.contains("no spatial unit")), ct
			.warnings().toString());
	}

	@Test
	void ctRangeAndMean() {
		double sum = 0;
		double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
		for (int z = 1; z <= NK; z++) {
			for (float v : (float[]) ct.image().getStack().getPixels(z)) {
				sum += v;
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		}
		assertEquals(-1100, min, 0, "minimum HU");
		assertEquals(1207, max, 0, "maximum HU");
		assertEquals(-354.0953, sum / (NI * NJ * NK), MEAN_TOL_HU, "mean HU");
	}

	@Test
	void ctEqualsIndependentDecode() throws IOException {
		byte[] bytes;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(folder.resolve(
			"example_ct_sm.nii.gz"))))
		{
			bytes = in.readAllBytes();
		}
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		for (int k = 0; k < NK; k++) {
			float[] slice = (float[]) ct.image().getStack().getPixels(k + 1);
			for (int j = 0; j < NJ; j++) {
				for (int i = 0; i < NI; i++) {
					// scl_slope 1, scl_inter 0; the reader flipped stored i and j.
					short stored = b.getShort(352 + 2 * (i + NI * (j + NJ * k)));
					int x = NI - 1 - i, y = NJ - 1 - j;
					String voxel = "stored voxel (" + i + ", " + j + ", " + k + ")";
					assertEquals(stored * 1.0 + 0.0, slice[x + NI * y], voxel);
				}
			}
		}
	}

	@Test
	void ctGeometryMatchesSform() {
		// sform diag(3, 3, 3) with offset (-177.956, 11.319, 94.302) in RAS.
		double[] offset = { -177.95632934570312, 11.319000244140625, 94.3017578125 };
		int[][] stored = { { 0, 0, 0 }, { 121, 100, 29 }, { 60, 7, 13 } };
		for (int[] s : stored) {
			double[] lps = { -(offset[0] + 3 * s[0]), -(offset[1] + 3 * s[1]), offset[2] + 3 *
				s[2] };
			double[] read = ct.geometry().voxelToPatient(NI - 1 - s[0], NJ - 1 - s[1], s[2]);
			assertArrayEquals(lps, read, POSITION_TOL_MM, "stored voxel " + s[0] + "," + s[1] +
				"," + s[2]);
		}
	}

	@Test
	void labelMapSharesGeometry() {
		assertEquals(ct.geometry().toText(), labels.geometry().toText(), "same grid");
		assertEquals("uint8 (2)", labels.metadata().get("Datatype"), "datatype");
	}

	@Test
	void labelMapOrganVoxelCounts() {
		int[] counts = new int[256];
		for (int z = 1; z <= NK; z++) {
			for (float v : (float[]) labels.image().getStack().getPixels(z)) {
				counts[(int) v]++;
			}
		}
		assertEquals(9630, counts[1], "spleen voxels");
		assertEquals(39350, counts[5], "liver voxels");
		assertEquals(3996, counts[2], "right kidney voxels");
		int present = 0;
		for (int label = 1; label < counts.length; label++) {
			if (counts[label] > 0) present++;
		}
		assertEquals(40, present, "organ labels present");
	}

	@Test
	void anatomyInDisplayOrientation() {
		double[] liver = centroid(5);
		double[] spleen = centroid(1);
		assertTrue(liver[0] < NI / 2.0, "liver on the screen's left: x = " + liver[0]);
		assertTrue(spleen[0] > NI / 2.0, "spleen on the screen's right: x = " + spleen[0]);
		double[] aorta = centroid(52);
		double[] vertebra = centroid(31);
		assertTrue(aorta[1] < vertebra[1], "aorta above (anterior to) L1 on screen: " + aorta[1] +
			" < " + vertebra[1]);
		double[] lung = centroid(14);
		double[] kidney = centroid(2);
		assertTrue(lung[2] > kidney[2], "lower lung lobe in later (superior) slices than kidney: " +
			lung[2] + " > " + kidney[2]);
	}

	/** Returns the mean (x, y, slice) index of a label, 0-based. */
	private static double[] centroid(int label) {
		double[] sum = new double[3];
		long count = 0;
		for (int z = 0; z < NK; z++) {
			float[] pixels = (float[]) labels.image().getStack().getPixels(z + 1);
			for (int n = 0; n < pixels.length; n++) {
				if (pixels[n] == label) {
					sum[0] += n % NI;
					sum[1] += n / NI;
					sum[2] += z;
					count++;
				}
			}
		}
		return new double[] { sum[0] / count, sum[1] / count, sum[2] / count };
	}
}
