package org.ctheatmap.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write-then-read round trips, header fields and the safety of the write. */
class NiftiWriterTest {

	/** The header stores the affine in float32: about 1e-5 mm at a few hundred mm. */
	private static final double GEOMETRY_TOL_MM = 1e-4;

	@TempDir
	Path dir;

	@Test
	void obliqueFloat32RoundTrip() throws IOException {
		CtVolume original = volume(7, 6, 5, 1, oblique(), new Random(7));
		Path file = dir.resolve("oblique.nii");
		NiftiWriter.write(original, file, NiftiDataType.FLOAT32);
		CtVolume read = NiftiReader.read(file, ReadOptions.DEFAULT);
		assertEquals("none", read.metadata().get("Reoriented"), "already in display order");
		assertSameGrid(original.geometry(), read.geometry());
		for (int n = 1; n <= 5; n++) {
			assertArrayEquals((float[]) original.image().getStack().getPixels(n), (float[]) read
				.image().getStack().getPixels(n), "HU of slice " + n);
		}
		assertEquals("HU = stored * 1 + 0 (NIfTI scl_slope/scl_inter)", read.huConversion(),
			"conversion");
	}

	@Test
	void writtenFileHasDefaultPermissions() throws IOException {
		CtVolume original = volume(4, 3, 2, 1, oblique(), new Random(3));
		Path file = dir.resolve("map.nii.gz");
		NiftiWriter.write(original, file, NiftiDataType.FLOAT32);
		Path plain = Files.createFile(dir.resolve("plain.txt"));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
			"permissions of a written map equal those of any new file in the folder");
	}

	@Test
	void flippedAxisInt16GzipRoundTrip() throws IOException {
		// Row direction towards the patient's right: the reader flips i back.
		PatientGeometry g = new PatientGeometry(new double[] { 50.5, -20.25, 7 }, new double[] { -1,
			0, 0 }, new double[] { 0, 0.96, 0.28 }, new double[] { 0, -0.28, 0.96 }, new double[] {
				0.75, 0.5, 3 });
		CtVolume original = volume(5, 4, 3, 1, g, null);
		Path file = dir.resolve("flipped.nii.gz");
		NiftiWriter.write(original, file, NiftiDataType.INT16);
		CtVolume read = NiftiReader.read(file, ReadOptions.DEFAULT);
		assertEquals("flipped i", read.metadata().get("Reoriented"), "reorientation");
		assertSameVoxels(original, read);
		assertArrayEquals(g.voxelToPatient(4, 0, 0), read.geometry().origin(), GEOMETRY_TOL_MM,
			"new origin is the old last column");
	}

	@Test
	void fourDimensionalRoundTrip() throws IOException {
		CtVolume original = volume(3, 2, 2, 4, oblique(), null);
		original.image().getCalibration().frameInterval = 2500;
		original.image().getCalibration().setTimeUnit("ms");
		Path file = dir.resolve("series.nii.gz");
		NiftiWriter.write(original, file, NiftiDataType.FLOAT32);
		CtVolume read = NiftiReader.read(file, ReadOptions.DEFAULT);
		assertEquals(4, read.frames(), "time points");
		assertEquals("2.5", read.metadata().get("FrameIntervalSeconds"), "2500 ms");
		assertSameVoxels(original, read);
	}

	@Test
	void qformAloneGivesSameGrid() throws IOException {
		// Slices against the row x column normal need qfac = -1.
		PatientGeometry g = new PatientGeometry(new double[] { -100, 80, 300 }, new double[] { 0.8,
			0.6, 0 }, new double[] { -0.6, 0.8, 0 }, new double[] { 0, 0, -1 }, new double[] { 0.6,
				0.6, 1.25 });
		CtVolume original = volume(4, 3, 5, 1, g, null);
		Path file = dir.resolve("qform.nii");
		NiftiWriter.write(original, file, NiftiDataType.FLOAT32);
		byte[] bytes = Files.readAllBytes(file);
		ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(-1f, header.getFloat(76), "qfac");
		header.putShort(254, (short) 0); // sform_code 0: the reader must use the qform
		Files.write(file, bytes);
		CtVolume read = NiftiReader.read(file, ReadOptions.DEFAULT);
		assertEquals("qform", read.metadata().get("Transform"), "transform used");
		assertSameVoxels(original, read);
	}

	@Test
	void tiltedStackKeepsTiltInSform() throws IOException {
		double tilt = Math.toRadians(15);
		PatientGeometry g = new PatientGeometry(new double[] { 0, 0, 0 }, new double[] { 1, 0, 0 },
			new double[] { 0, 1, 0 }, new double[] { 0, Math.sin(tilt), Math.cos(tilt) },
			new double[] { 0.5, 0.5, 2 });
		CtVolume original = volume(3, 3, 4, 1, g, null);
		Path file = dir.resolve("tilt.nii");
		NiftiWriter.write(original, file, NiftiDataType.FLOAT32);
		CtVolume read = NiftiReader.read(file, ReadOptions.DEFAULT);
		assertEquals(15, read.geometry().tiltDegrees(), 1e-4, "tilt in degrees");
		assertSameVoxels(original, read);
	}

	@Test
	void headerFields() throws IOException {
		Path file = dir.resolve("fields.nii");
		NiftiWriter.write(volume(3, 2, 2, 1, oblique(), null), file, NiftiDataType.INT16);
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(348, b.getInt(0), "sizeof_hdr");
		assertEquals("n+1", new String(b.array(), 344, 3, StandardCharsets.US_ASCII), "magic");
		assertEquals(0, b.get(347), "magic terminator");
		assertEquals(3, b.getShort(40), "dim[0]");
		assertEquals(4, b.getShort(70), "datatype int16");
		assertEquals(16, b.getShort(72), "bitpix");
		assertEquals(352f, b.getFloat(108), "vox_offset");
		assertEquals(1, b.getShort(252), "qform_code scanner anatomical");
		assertEquals(1, b.getShort(254), "sform_code scanner anatomical");
		assertEquals(10, b.get(123), "xyzt_units mm and s");
		assertEquals(352 + 3 * 2 * 2 * 2, b.capacity(), "file length");
	}

	@Test
	void int16RejectsFractionalHu() {
		CtVolume v = volume(3, 2, 2, 1, oblique(), null);
		((float[]) v.image().getStack().getPixels(2))[4] = 10.5f;
		assertInt16Rejected(v, "voxel (x 1, y 1, slice 1, frame 0)", "is 10.5");
	}

	@Test
	void int16RejectsOutOfRangeHu() {
		CtVolume v = volume(3, 2, 2, 1, oblique(), null);
		((float[]) v.image().getStack().getPixels(1))[0] = 32768;
		assertInt16Rejected(v, "voxel (x 0, y 0, slice 0, frame 0)", "is 32768.0");
	}

	@Test
	void int16RejectsNaN() {
		CtVolume v = volume(3, 2, 2, 2, oblique(), null);
		((float[]) v.image().getStack().getPixels(4))[5] = Float.NaN;
		assertInt16Rejected(v, "voxel (x 2, y 1, slice 1, frame 1)", "is NaN");
	}

	@Test
	void failureLeavesTargetUnchanged() throws IOException {
		Path file = Files.write(dir.resolve("keep.nii"), new byte[] { 1, 2, 3 });
		CtVolume v = failingVolume();
		assertThrows(IllegalStateException.class, () -> NiftiWriter.write(v, file,
			NiftiDataType.FLOAT32), "the stack fails on slice 3");
		assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(file), "old content kept");
		assertEquals(List.of("keep.nii"), fileNames(), "no temporary file left");
	}

	@Test
	void replacesOtherExistingFile() throws IOException {
		Path file = Files.write(dir.resolve("old.nii.gz"), new byte[] { 9 });
		NiftiWriter.write(volume(3, 2, 2, 1, oblique(), null), file, NiftiDataType.FLOAT32);
		assertEquals(3, NiftiReader.read(file, ReadOptions.DEFAULT).width(), "new image");
		assertEquals(List.of("old.nii.gz"), fileNames(), "no temporary file left");
	}

	@Test
	void refusesToOverwriteSource() throws IOException {
		Path file = dir.resolve("source.nii");
		NiftiWriter.write(volume(3, 2, 2, 1, oblique(), null), file, NiftiDataType.FLOAT32);
		byte[] before = Files.readAllBytes(file);
		CtVolume read = NiftiReader.read(file, ReadOptions.DEFAULT);
		Path sameFile = dir.resolve("sub").resolve("..").resolve("source.nii");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NiftiWriter
			.write(read, sameFile, NiftiDataType.FLOAT32));
		assertTrue(e.getMessage().contains("the file this volume was read from"), e.getMessage());
		assertArrayEquals(before, Files.readAllBytes(file), "source unchanged");
	}

	@Test
	void rejectsOtherExtensions() {
		CtVolume v = volume(3, 2, 2, 1, oblique(), null);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NiftiWriter
			.write(v, dir.resolve("image.tif"), NiftiDataType.FLOAT32));
		assertTrue(e.getMessage().contains(".nii or .nii.gz"), e.getMessage());
	}

	@Test
	void rejectsOtherTypes() {
		CtVolume v = volume(3, 2, 2, 1, oblique(), null);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NiftiWriter
			.write(v, dir.resolve("labels.nii"), NiftiDataType.UINT8));
		assertTrue(e.getMessage().contains("uint8 (2)"), e.getMessage());
	}

	@Test
	void quaternionRoundTrip() {
		double[][] rotation = NiftiOrientation.quaternionToRotation(0.3, -0.5, 0.1);
		double[] q = NiftiOrientation.rotationToQuaternion(rotation);
		assertArrayEquals(new double[] { 0.3, -0.5, 0.1 }, q, 1e-12, "b, c, d");
		double[][] half = NiftiOrientation.quaternionToRotation(0, 0, 1);
		assertArrayEquals(new double[] { 0, 0, 1 }, NiftiOrientation.rotationToQuaternion(half),
			1e-12, "180 degrees about z");
	}

	/** Returns a geometry rotated 20 degrees about z and 5 about x, still closest to LPS axes. */
	private static PatientGeometry oblique() {
		double a = Math.toRadians(20), b = Math.toRadians(5);
		double[] row = { Math.cos(a), Math.sin(a), 0 };
		double[] column = { -Math.sin(a) * Math.cos(b), Math.cos(a) * Math.cos(b), Math.sin(b) };
		double[] slice = { Math.sin(a) * Math.sin(b), -Math.cos(a) * Math.sin(b), Math.cos(b) };
		return new PatientGeometry(new double[] { -120.5, 33.25, -400.75 }, row, column, slice,
			new double[] { 0.7, 0.8, 2.5 });
	}

	/**
	 * Returns a volume of whole HU: x + 10 y + 100 z + 1000 t - 1024, or
	 * random HU with fractions when {@code random} is given.
	 */
	static CtVolume volume(int width, int height, int depth, int frames, PatientGeometry g,
		Random random)
	{
		ImageStack stack = new ImageStack(width, height);
		for (int t = 0; t < frames; t++) {
			for (int z = 0; z < depth; z++) {
				float[] pixels = new float[width * height];
				for (int p = 0; p < pixels.length; p++) {
					if (random != null) {
						pixels[p] = (float) (random.nextDouble() * 3000 - 1024);
					} else {
						pixels[p] = p % width + 10 * (p / width) + 100 * z + 1000 * t - 1024;
					}
				}
				stack.addSlice(null, new FloatProcessor(width, height, pixels));
			}
		}
		ImagePlus image = new ImagePlus("test", stack);
		image.setDimensions(1, depth, frames);
		return new CtVolume(image, g, "HU", Map.of(), List.of());
	}

	/**
	 * Checks that every voxel of {@code read} lies on a voxel centre of
	 * {@code original}, within {@link #GEOMETRY_TOL_MM}, and has its HU.
	 */
	static void assertSameVoxels(CtVolume original, CtVolume read) {
		assertEquals((long) original.width() * original.height() * original.depth(), (long) read
			.width() * read.height() * read.depth(), "voxel count");
		for (int t = 1; t <= read.frames(); t++) {
			for (int z = 0; z < read.depth(); z++) {
				int stackIndex = read.image().getStackIndex(1, z + 1, t);
				float[] pixels = (float[]) read.image().getStack().getPixels(stackIndex);
				for (int p = 0; p < pixels.length; p++) {
					int x = p % read.width(), y = p / read.width();
					String voxel = "read voxel (" + x + ", " + y + ", " + z + ", t" + t + ")";
					double[] position = read.geometry().voxelToPatient(x, y, z);
					int[] index = voxelIndex(original.geometry(), position, voxel);
					int originalStackIndex = original.image().getStackIndex(1, index[2] + 1, t);
					float[] originalPixels = (float[]) original.image().getStack().getPixels(
						originalStackIndex);
					assertEquals(originalPixels[index[0] + original.width() * index[1]], pixels[p],
						"HU of " + voxel);
				}
			}
		}
	}

	/** Returns the whole voxel index of a patient position, asserting it is a voxel centre. */
	private static int[] voxelIndex(PatientGeometry g, double[] position, String voxel) {
		double[][] m = new double[3][3];
		double[][] axes = { g.rowDirection(), g.columnDirection(), g.sliceDirection() };
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) {
				m[r][c] = axes[c][r] * g.spacing()[c];
			}
		}
		double det = NiftiOrientation.determinant(m);
		int[] index = new int[3];
		for (int a = 0; a < 3; a++) {
			// Cramer's rule: replace column a by the position relative to the origin.
			double[][] replaced = new double[3][];
			for (int r = 0; r < 3; r++) {
				replaced[r] = m[r].clone();
				replaced[r][a] = position[r] - g.origin()[r];
			}
			double exact = NiftiOrientation.determinant(replaced) / det;
			index[a] = (int) Math.round(exact);
			// An index tolerance equals the mm tolerance divided by the spacing.
			assertEquals(index[a], exact, GEOMETRY_TOL_MM / g.spacing()[a], voxel +
				" lies on an original voxel centre, axis " + a);
		}
		return index;
	}

	private static void assertSameGrid(PatientGeometry expected, PatientGeometry actual) {
		assertArrayEquals(expected.origin(), actual.origin(), GEOMETRY_TOL_MM, "origin (mm)");
		assertArrayEquals(expected.spacing(), actual.spacing(), GEOMETRY_TOL_MM, "spacing (mm)");
		assertArrayEquals(expected.rowDirection(), actual.rowDirection(), 1e-6, "row direction");
		assertArrayEquals(expected.columnDirection(), actual.columnDirection(), 1e-6,
			"column direction");
		assertArrayEquals(expected.sliceDirection(), actual.sliceDirection(), 1e-6,
			"slice direction");
	}

	private void assertInt16Rejected(CtVolume v, String voxel, String value) {
		Path file = dir.resolve("int16.nii");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NiftiWriter
			.write(v, file, NiftiDataType.INT16));
		assertTrue(e.getMessage().contains(voxel), e.getMessage());
		assertTrue(e.getMessage().contains(value), e.getMessage());
		assertFalse(Files.exists(file), "no file written");
		assertEquals(Collections.emptyList(), fileNames(), "no temporary file left");
	}

	/** Returns a volume whose stack throws when slice 3 is read, as a failing disk would. */
	private static CtVolume failingVolume() {
		ImageStack stack = new ImageStack(2, 2) {
			@Override
			public Object getPixels(int n) {
				if (n == 3) throw new IllegalStateException("simulated failure");
				return super.getPixels(n);
			}
		};
		for (int z = 0; z < 4; z++) {
			stack.addSlice(null, new FloatProcessor(2, 2));
		}
		ImagePlus image = new ImagePlus("failing", stack);
		return new CtVolume(image, PatientGeometry.axial(new double[3], new double[] { 1, 1, 1 }),
			"HU", Map.of(), new ArrayList<>());
	}

	private List<String> fileNames() {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors
				.toList());
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
