package org.ctheatmap.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transforms (sform, qform, pixdim), units, display reorientation and 4-D files. */
class NiftiReaderOrientationTest {

	/** Float32 header values of a few hundred mm carry about 1e-5 mm of rounding. */
	private static final double FLOAT_HEADER_TOL_MM = 1e-4;
	/** Directions computed in double from float32 affines. */
	private static final double DIRECTION_TOL = 1e-6;

	@TempDir
	Path dir;

	@Test
	void rasIdentityFlipsIAndJ() throws IOException {
		double[][] ras = { { 1, 0, 0, 10 }, { 0, 2, 0, 20 }, { 0, 0, 3, 30 } };
		NiftiTestFile f = indexed(4, 5, 6).sform(ras);
		CtVolume v = read(f, "ras.nii");
		assertEquals("flipped i, j", v.metadata().get("Reoriented"), "reorientation");
		assertArrayEquals(new double[] { 1, 0, 0 }, v.geometry().rowDirection(), DIRECTION_TOL,
			"row towards the patient's left");
		assertArrayEquals(new double[] { 0, 1, 0 }, v.geometry().columnDirection(), DIRECTION_TOL,
			"column towards posterior");
		assertArrayEquals(new double[] { 0, 0, 1 }, v.geometry().sliceDirection(), DIRECTION_TOL,
			"slices towards superior");
		assertArrayEquals(new double[] { 1, 2, 3 }, v.geometry().spacing(), 1e-12, "spacing");
		assertMatchesStored(v, ras, 4, 5, 6, 1);
	}

	@Test
	void markerNearRightAnteriorInferiorCorner() throws IOException {
		// RAS identity: stored i runs to the right, j anteriorly, k superiorly.
		double[][] ras = { { 1, 0, 0, 10 }, { 0, 2, 0, 20 }, { 0, 0, 3, 30 } };
		NiftiTestFile f = new NiftiTestFile().dims(4, 5, 6).sform(ras);
		double[] values = new double[4 * 5 * 6];
		values[2 + 4 * (3 + 5 * 1)] = 1000; // stored (2, 3, 1): one voxel in from that corner
		f.values(values);
		CtVolume v = read(f, "marker.nii");
		ImagePlus image = v.image();
		assertEquals(1000f, image.getStack().getProcessor(2).getf(1, 1),
			"marker at new (1, 1, 1): near the screen's left, the top and the first slice");
		// RAS (10 + 2 * 1, 20 + 3 * 2, 30 + 1 * 3) is LPS (-12, -26, 33).
		assertArrayEquals(new double[] { -12, -26, 33 }, v.geometry().voxelToPatient(1, 1, 1),
			FLOAT_HEADER_TOL_MM, "marker position in LPS mm");
	}

	@Test
	void lpsStoredGridKept() throws IOException {
		double[][] ras = { { -0.7, 0, 0, 120 }, { 0, -0.7, 0, 90 }, { 0, 0, 2.5, -300 } };
		CtVolume v = read(indexed(3, 4, 5).sform(ras), "lps.nii");
		assertEquals("none", v.metadata().get("Reoriented"), "reorientation");
		assertArrayEquals(new double[] { -120, -90, -300 }, v.geometry().origin(),
			FLOAT_HEADER_TOL_MM, "origin");
		assertMatchesStored(v, ras, 3, 4, 5, 1);
	}

	@Test
	void descendingSlicesFlipK() throws IOException {
		double[][] ras = { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, -2, 50 } };
		CtVolume v = read(indexed(3, 4, 5).sform(ras), "descending.nii");
		assertEquals("flipped i, j, k", v.metadata().get("Reoriented"), "reorientation");
		assertEquals(50 - 2 * 4, v.geometry().origin()[2], FLOAT_HEADER_TOL_MM,
			"first slice is the most inferior");
		assertMatchesStored(v, ras, 3, 4, 5, 1);
	}

	@Test
	void sagittalGridPermuted() throws IOException {
		// Stored i runs posterior, j inferior, k to the right: a sagittal acquisition.
		double[][] ras = { { 0, 0, 1.5, -40 }, { -0.8, 0, 0, 60 }, { 0, -0.8, 0, 70 } };
		CtVolume v = read(indexed(3, 4, 5).sform(ras), "sagittal.nii");
		assertEquals("i, j, k from stored k, i, j; flipped i, k", v.metadata().get("Reoriented"),
			"reorientation");
		assertEquals(5, v.width(), "width from stored k");
		assertEquals(3, v.height(), "height from stored i");
		assertEquals(4, v.depth(), "slices from stored j");
		assertMatchesStored(v, ras, 3, 4, 5, 1);
	}

	@Test
	void obliqueGridConsistent() throws IOException {
		double[][] rotation = NiftiOrientation.quaternionToRotation(0.1, -0.2, 0.3);
		double[] spacing = { 0.9, 1.1, 2.0 };
		double[][] ras = new double[3][4];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				ras[r][c] = rotation[r][c] * spacing[c];
			}
			ras[r][3] = 17 * (r + 1);
		}
		CtVolume v = read(indexed(4, 3, 5).sform(ras), "oblique.nii");
		assertMatchesStored(v, ras, 4, 3, 5, 1);
	}

	@Test
	void qformQuaternionAndOffset() throws IOException {
		// 90 degrees about z: i runs anteriorly, j to the patient's left.
		NiftiTestFile f = indexed(3, 4, 2).spacing(1, 2, 3);
		f.qformCode = 1;
		f.quatern = new double[] { 0, 0, Math.sqrt(0.5) };
		f.qoffset = new double[] { 5, 6, 7 };
		CtVolume v = read(f, "qform.nii");
		double[][] expected = { { 0, -2, 0, 5 }, { 1, 0, 0, 6 }, { 0, 0, 3, 7 } };
		assertEquals("qform", v.metadata().get("Transform"), "transform used");
		assertEquals("i, j, k from stored j, i, k; flipped j", v.metadata().get("Reoriented"),
			"reorientation");
		assertMatchesStored(v, expected, 3, 4, 2, 1);
	}

	@Test
	void qformNegativeQfacFlipsK() throws IOException {
		NiftiTestFile f = indexed(2, 3, 4).spacing(1, 1, 2);
		f.qformCode = 2;
		f.pixdim[0] = -1;
		f.qoffset = new double[] { 0, 0, 100 };
		CtVolume v = read(f, "qfac.nii");
		double[][] expected = { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, -2, 100 } };
		assertMatchesStored(v, expected, 2, 3, 4, 1);
	}

	@Test
	void sformPreferredOverQform() throws IOException {
		double[][] ras = { { 2, 0, 0, 1 }, { 0, 2, 0, 2 }, { 0, 0, 2, 3 } };
		NiftiTestFile f = indexed(2, 2, 2).spacing(2, 2, 2).sform(ras);
		f.qformCode = 1;
		f.quatern = new double[] { 0, 0, Math.sqrt(0.5) };
		CtVolume v = read(f, "both.nii");
		assertEquals("sform", v.metadata().get("Transform"), "transform used");
		assertEquals("1", v.metadata().get("QformCode"), "qform code recorded");
		assertEquals("1", v.metadata().get("SformCode"), "sform code recorded");
		assertMatchesStored(v, ras, 2, 2, 2, 1);
	}

	@Test
	void noTransformUsesPixdimWithWarning() throws IOException {
		CtVolume v = read(indexed(2, 3, 4).spacing(0.5, 0.6, 3), "none.nii");
		assertEquals("pixdim", v.metadata().get("Transform"), "transform used");
		assertTrue(v.warnings().stream().anyMatch(w -> w.contains("neither sform nor qform")), v
			.warnings().toString());
		double[][] expected = { { 0.5, 0, 0, 0 }, { 0, 0.6, 0, 0 }, { 0, 0, 3, 0 } };
		assertMatchesStored(v, expected, 2, 3, 4, 1);
	}

	@Test
	void metreUnitsConvertedToMillimetres() throws IOException {
		double[][] ras = { { -0.002, 0, 0, 0.1 }, { 0, -0.002, 0, 0.2 }, { 0, 0, 0.005, -0.3 } };
		NiftiTestFile f = indexed(2, 2, 2).spacing(0.002, 0.002, 0.005).sform(ras);
		f.xyztUnits = 1;
		CtVolume v = read(f, "metres.nii");
		assertArrayEquals(new double[] { 2, 2, 5 }, v.geometry().spacing(), 1e-5, "spacing in mm");
		assertArrayEquals(new double[] { -100, -200, -300 }, v.geometry().origin(), 1e-3,
			"origin in mm");
		assertTrue(v.warnings().isEmpty(), v.warnings().toString());
	}

	@Test
	void micronUnitsConvertedToMillimetres() throws IOException {
		NiftiTestFile f = indexed(2, 2, 2).spacing(500, 500, 1000);
		f.xyztUnits = 3;
		CtVolume v = read(f, "microns.nii");
		assertArrayEquals(new double[] { 0.5, 0.5, 1 }, v.geometry().spacing(), 1e-9,
			"spacing in mm");
	}

	@Test
	void unknownUnitTakenAsMillimetresWithWarning() throws IOException {
		NiftiTestFile f = indexed(2, 2, 2).spacing(3, 3, 3);
		f.xyztUnits = 0;
		CtVolume v = read(f, "nounit.nii");
		assertArrayEquals(new double[] { 3, 3, 3 }, v.geometry().spacing(), 1e-9, "spacing");
		assertTrue(v.warnings().stream().anyMatch(w -> w.contains("declares no spatial unit")), v
			.warnings().toString());
	}

	@Test
	void sformSpacingDifferentFromPixdimWarns() throws IOException {
		double[][] ras = { { -2, 0, 0, 0 }, { 0, -2, 0, 0 }, { 0, 0, 2, 0 } };
		CtVolume v = read(indexed(2, 2, 2).spacing(1, 2, 2).sform(ras), "mismatch.nii");
		assertEquals(2, v.geometry().spacing()[0], 1e-9, "the sform decides");
		assertTrue(v.warnings().stream().anyMatch(w -> w.contains("along axis i")), v.warnings()
			.toString());
	}

	@Test
	void singularSformRejected() throws IOException {
		double[][] ras = { { 1, 1, 0, 0 }, { 1, 1, 0, 0 }, { 0, 0, 1, 0 } };
		Path file = indexed(2, 2, 2).sform(ras).write(dir.resolve("singular.nii"));
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> NiftiReader.read(
			file, ReadOptions.DEFAULT));
		assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("singular"), e.getMessage());
	}

	@Test
	void fourDimensionalHyperstack() throws IOException {
		double[][] ras = { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 } };
		NiftiTestFile f = indexed(3, 2, 2, 3).sform(ras);
		f.pixdim[4] = 1500;
		f.xyztUnits = 2 | 16; // mm and ms
		f.gzip = true;
		CtVolume v = read(f, "series.nii.gz");
		assertEquals(3, v.frames(), "time points");
		assertEquals(2, v.depth(), "slices per time point");
		assertTrue(v.image().isHyperStack(), "hyperstack");
		assertEquals("1.5", v.metadata().get("FrameIntervalSeconds"), "1500 ms");
		assertEquals(1.5, v.image().getCalibration().frameInterval, 1e-12, "calibration interval");
		assertEquals("s", v.image().getCalibration().getTimeUnit(), "time unit");
		assertMatchesStored(v, ras, 3, 2, 2, 3);
	}

	@Test
	void fourDimensionalSingleFrame() throws IOException {
		NiftiTestFile f = indexed(2, 2, 2, 1);
		f.pixdim[4] = 2;
		f.xyztUnits = 2 | 8;
		CtVolume v = read(f, "oneframe.nii");
		assertEquals(1, v.frames(), "time points");
		assertFalse(v.metadata().containsKey("FrameIntervalSeconds"), "no interval for one frame");
	}

	@Test
	void fourthDimensionInHertzHasNoInterval() throws IOException {
		NiftiTestFile f = indexed(2, 2, 1, 2);
		f.pixdim[4] = 100;
		f.xyztUnits = 2 | 32;
		CtVolume v = read(f, "hertz.nii");
		assertEquals(2, v.frames(), "time points");
		assertFalse(v.metadata().containsKey("FrameIntervalSeconds"), "Hz is not a time");
		assertTrue(v.warnings().stream().anyMatch(w -> w.contains("not a time")), v.warnings()
			.toString());
	}

	@Test
	void headerImagePairFromEitherName() throws IOException {
		double[][] ras = { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 } };
		NiftiTestFile f = indexed(3, 2, 2).sform(ras);
		Path header = f.writePair(dir.resolve("pair.hdr"), dir.resolve("pair.img"));
		CtVolume fromHeader = NiftiReader.read(header, ReadOptions.DEFAULT);
		assertMatchesStored(fromHeader, ras, 3, 2, 2, 1);
		CtVolume fromImage = NiftiReader.read(dir.resolve("pair.img"), ReadOptions.DEFAULT);
		assertMatchesStored(fromImage, ras, 3, 2, 2, 1);
		assertEquals("pair", fromImage.image().getTitle(), "title");
	}

	@Test
	void gzippedPair() throws IOException {
		NiftiTestFile f = indexed(2, 2, 2);
		f.version = 2;
		f.gzip = true;
		Path header = f.writePair(dir.resolve("pair2.hdr.gz"), dir.resolve("pair2.img.gz"));
		CtVolume v = NiftiReader.read(header, ReadOptions.DEFAULT);
		assertEquals("NIfTI-2", v.metadata().get("Format"), "format");
		assertEquals(2, v.depth(), "slices");
	}

	/** Returns an int16 file whose stored voxel (i, j, k, t) holds i + 10 j + 100 k + 1000 t. */
	static NiftiTestFile indexed(long... sizes) {
		long[] s = { 1, 1, 1, 1 };
		System.arraycopy(sizes, 0, s, 0, sizes.length);
		double[] values = new double[(int) (s[0] * s[1] * s[2] * s[3])];
		int n = 0;
		for (int t = 0; t < s[3]; t++) {
			for (int k = 0; k < s[2]; k++) {
				for (int j = 0; j < s[1]; j++) {
					for (int i = 0; i < s[0]; i++) {
						values[n++] = i + 10 * j + 100 * k + 1000 * t;
					}
				}
			}
		}
		return new NiftiTestFile().dims(sizes).values(values);
	}

	/**
	 * Checks every voxel of a volume read from {@link #indexed} data: its
	 * patient position, mapped back through the stored RAS affine, must be
	 * a stored index whose value is the voxel's value.
	 */
	static void assertMatchesStored(CtVolume v, double[][] ras, int ni, int nj, int nk,
		int frames)
	{
		double[][] inverse = inverse3(ras);
		PatientGeometry g = v.geometry();
		assertEquals((long) ni * nj * nk, (long) v.width() * v.height() * v.depth(), "voxels");
		for (int t = 0; t < frames; t++) {
			for (int z = 0; z < v.depth(); z++) {
				int stackIndex = v.image().getStackIndex(1, z + 1, t + 1);
				float[] pixels = (float[]) v.image().getStack().getPixels(stackIndex);
				for (int y = 0; y < v.height(); y++) {
					for (int x = 0; x < v.width(); x++) {
						String voxel = "voxel (" + x + ", " + y + ", " + z + ", t" + t + ")";
						int[] s = storedIndex(g.voxelToPatient(x, y, z), ras, inverse, voxel);
						double expected = s[0] + 10 * s[1] + 100 * s[2] + 1000 * t;
						assertEquals(expected, pixels[x + v.width() * y], "value of " + voxel);
					}
				}
			}
		}
	}

	/** Maps an LPS position through the inverse RAS affine to a whole stored index. */
	private static int[] storedIndex(double[] lps, double[][] ras, double[][] inverse,
		String voxel)
	{
		double[] rel = { -lps[0] - ras[0][3], -lps[1] - ras[1][3], lps[2] - ras[2][3] };
		int[] stored = new int[3];
		for (int a = 0; a < 3; a++) {
			double index = inverse[a][0] * rel[0] + inverse[a][1] * rel[1] + inverse[a][2] * rel[2];
			stored[a] = (int) Math.round(index);
			assertEquals(stored[a], index, 1e-4, voxel + " lies on a stored voxel centre, axis " +
				a);
		}
		return stored;
	}

	private static double[][] inverse3(double[][] m) {
		double det = NiftiOrientation.determinant(m);
		double[][] inv = new double[3][3];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				int r1 = (c + 1) % 3, r2 = (c + 2) % 3, c1 = (r + 1) % 3, c2 = (r + 2) % 3;
				inv[r][c] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
			}
		}
		return inv;
	}

	private CtVolume read(NiftiTestFile f, String name) throws IOException {
		return NiftiReader.read(f.write(dir.resolve(name)), ReadOptions.DEFAULT);
	}
}
