package org.ctheatmap.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and unsupported files: each must fail with a message naming the file. */
class NiftiReaderInvalidInputTest {

	@TempDir
	Path dir;

	@Test
	void missingFile() {
		assertRejected(dir.resolve("absent.nii"), "file not found");
	}

	@Test
	void emptyFile() throws IOException {
		Path file = Files.write(dir.resolve("empty.nii"), new byte[0]);
		assertRejected(file, "truncated NIfTI header");
	}

	@Test
	void truncatedHeader() throws IOException {
		byte[] header = new NiftiTestFile().header();
		Path file = Files.write(dir.resolve("short.nii"), Arrays.copyOf(header, 200));
		assertRejected(file, "200 of 348 bytes");
	}

	@Test
	void wrongHeaderSize() throws IOException {
		byte[] bytes = new NiftiTestFile().bytes();
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 100);
		Path file = Files.write(dir.resolve("size.nii"), bytes);
		assertRejected(file, "sizeof_hdr is 100");
	}

	@Test
	void analyzeMagicRejected() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.magic = "\0\0\0";
		assertRejected(f.write(dir.resolve("analyze.nii")), "ANALYZE 7.5");
	}

	@Test
	void nifti2TextModeDamage() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.version = 2;
		byte[] bytes = f.bytes();
		bytes[8] = '\n'; // what a text-mode transfer does to "\r\n"
		Path file = Files.write(dir.resolve("text.nii"), bytes);
		assertRejected(file, "damaged NIfTI-2 magic");
	}

	@Test
	void pairMagicInSingleFileName() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.magic = "ni1";
		f.voxOffset = 352;
		assertRejected(f.write(dir.resolve("pair.nii")), "does not end in .hdr");
	}

	@Test
	void pairWithoutImageFile() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.writePair(dir.resolve("lonely.hdr"), dir.resolve("lonely.img"));
		Files.delete(dir.resolve("lonely.img"));
		assertRejected(dir.resolve("lonely.hdr"), dir.resolve("lonely.img"), "file not found");
	}

	@Test
	void truncatedVoxelData() throws IOException {
		byte[] bytes = new NiftiTestFile().dims(4, 4, 4).bytes();
		Path file = Files.write(dir.resolve("cut.nii"), Arrays.copyOf(bytes, bytes.length - 10));
		assertRejected(file, "has only " + (bytes.length - 10) + " bytes");
	}

	@Test
	void truncatedGzipVoxelData() throws IOException {
		byte[] bytes = new NiftiTestFile().dims(4, 4, 4).bytes();
		Path file = gzip(dir.resolve("cut.nii.gz"), Arrays.copyOf(bytes, bytes.length - 10));
		assertRejected(file, "only 118 are present");
	}

	@Test
	void truncatedGzipStream() throws IOException {
		NiftiTestFile f = new NiftiTestFile().dims(64, 64, 4);
		f.values(new java.util.Random(1).doubles(64 * 64 * 4, -1000, 1000).toArray());
		f.gzip = true;
		byte[] bytes = Files.readAllBytes(f.write(dir.resolve("full.nii.gz")));
		Path file = Files.write(dir.resolve("cutstream.nii.gz"), Arrays.copyOf(bytes, bytes.length /
			2));
		assertRejected(file, "truncated gzip data");
	}

	@Test
	void corruptGzip() throws IOException {
		byte[] bytes = { 0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
		Path file = Files.write(dir.resolve("corrupt.nii.gz"), bytes);
		assertRejected(file, "invalid gzip data");
	}

	@Test
	void dimsBeyondTheData() throws IOException {
		NiftiTestFile f = new NiftiTestFile().dims(2, 2, 2);
		f.data = new byte[16];
		f.dim[3] = 200; // the header now describes 1600 bytes of int16
		assertRejected(f.write(dir.resolve("beyond.nii")), "1600 bytes of voxel data");
	}

	@Test
	void absurdSizeRejectedBeforeAllocating() throws IOException {
		NiftiTestFile f = new NiftiTestFile().dims(2, 2, 2);
		f.data = new byte[16];
		f.dim = new long[] { 3, 32767, 32767, 32767, 1, 1, 1, 1 };
		f.gzip = true;
		assertRejected(f.write(dir.resolve("huge.nii.gz")), "increase -Xmx");
	}

	@Test
	void nifti2SizeBeyondImageJ() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.version = 2;
		f.data = new byte[16];
		f.dim = new long[] { 3, 100000, 100000, 1, 1, 1, 1, 1 };
		assertRejected(f.write(dir.resolve("wide.nii")), "do not fit an ImageJ stack");
	}

	@Test
	void nifti2SizeOverflow() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.version = 2;
		f.data = new byte[16];
		f.dim = new long[] { 3, 1L << 40, 1L << 40, 1 << 10, 1, 1, 1, 1 };
		assertRejected(f.write(dir.resolve("overflow.nii")), "more voxels than can be addressed");
	}

	@Test
	void zeroDimension() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.dim[2] = 0;
		assertRejected(f.write(dir.resolve("zero.nii")), "dim[2] is 0");
	}

	@Test
	void negativeDimension() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.data = new byte[16];
		f.dim[3] = -5;
		assertRejected(f.write(dir.resolve("negative.nii")), "dim[3] is -5");
	}

	@Test
	void rankOutOfRange() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.dim[0] = 0;
		assertRejected(f.write(dir.resolve("rank.nii")), "dim[0] is 0");
	}

	@Test
	void fiveDimensionsRejected() throws IOException {
		NiftiTestFile f = new NiftiTestFile().dims(2, 2, 2, 1, 3);
		assertRejected(f.write(dir.resolve("vector.nii")), "more than 4 dimensions");
	}

	@Test
	void zeroSpacing() throws IOException {
		assertRejected(new NiftiTestFile().spacing(1, 0, 1).write(dir.resolve("zs.nii")),
			"pixdim[2] is 0.0");
	}

	@Test
	void negativeSpacing() throws IOException {
		assertRejected(new NiftiTestFile().spacing(-1, 1, 1).write(dir.resolve("ns.nii")),
			"pixdim[1] is -1.0");
	}

	@Test
	void nanSpacing() throws IOException {
		assertRejected(new NiftiTestFile().spacing(1, 1, Double.NaN).write(dir.resolve("nan.nii")),
			"pixdim[3] is NaN");
	}

	@Test
	void unsetSpacingOfMissingAxisIsOne() throws IOException {
		NiftiTestFile f = new NiftiTestFile().dims(3, 2).spacing(0.5, 0.5, 0);
		CtVolume v = NiftiReader.read(f.write(dir.resolve("flat.nii")), ReadOptions.DEFAULT);
		assertEquals(1, v.geometry().spacing()[2], 0, "a 2-D image gets 1 mm slices");
	}

	@Test
	void rgbDatatypeNamed() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.datatype = 128;
		f.bitpix = 24;
		assertRejected(f.write(dir.resolve("rgb.nii")), "datatype 128 (RGB24)");
	}

	@Test
	void complexDatatypeNamed() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.datatype = 32;
		assertRejected(f.write(dir.resolve("complex.nii")), "datatype 32 (complex64)");
	}

	@Test
	void int64DatatypeNamed() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.datatype = 1024;
		assertRejected(f.write(dir.resolve("int64.nii")), "datatype 1024 (int64)");
	}

	@Test
	void undefinedDatatype() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.datatype = 99;
		assertRejected(f.write(dir.resolve("odd.nii")), "datatype 99 (unknown)");
	}

	@Test
	void voxOffsetInsideHeader() throws IOException {
		NiftiTestFile f = new NiftiTestFile();
		f.voxOffset = 100;
		byte[] bytes = f.bytes();
		Path file = Files.write(dir.resolve("offset.nii"), bytes);
		assertRejected(file, "vox_offset 100 lies inside the header");
	}

	@Test
	void fractionalVoxOffset() throws IOException {
		byte[] bytes = new NiftiTestFile().bytes();
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 352.5f);
		Path file = Files.write(dir.resolve("fraction.nii"), bytes);
		assertRejected(file, "invalid vox_offset 352.5");
	}

	@Test
	void gzipReadStopsAtTheVoxelData() throws IOException {
		// Valid voxels followed by 4 MB of zeros, then the compressed stream is cut
		// off: inflating beyond the voxel data would hit the damaged end.
		NiftiTestFile f = new NiftiTestFile().dims(2, 2, 2).values(1, 2, 3, 4, 5, 6, 7, 8);
		f.sform(NiftiReaderValuesTest.DISPLAY_ALIGNED);
		f.trailing = new byte[4 << 20];
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
			out.write(f.bytes());
		}
		byte[] bytes = compressed.toByteArray();
		Path file = Files.write(dir.resolve("endless.nii.gz"), Arrays.copyOf(bytes, bytes.length /
			2));
		CtVolume v = NiftiReader.read(file, ReadOptions.DEFAULT);
		assertEquals(8f, v.image().getStack().getProcessor(2).getf(1, 1), "last voxel");
	}

	@Test
	void extensionBytesSkipped() throws IOException {
		NiftiTestFile f = new NiftiTestFile().dims(2, 1, 1).values(-7, 9);
		f.sform(NiftiReaderValuesTest.DISPLAY_ALIGNED);
		f.voxOffset = 352 + 64;
		f.gzip = true;
		CtVolume v = NiftiReader.read(f.write(dir.resolve("ext.nii.gz")), ReadOptions.DEFAULT);
		assertEquals(-7f, v.image().getProcessor().getf(0, 0), "first voxel after the extension");
	}

	private static Path gzip(Path file, byte[] bytes) throws IOException {
		try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write(bytes);
		}
		return file;
	}

	private static void assertRejected(Path file, String problem) {
		assertRejected(file, file, problem);
	}

	/** Reads {@code file} and expects an error about {@code failing}, which may be its .img. */
	private static void assertRejected(Path file, Path failing, String problem) {
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> NiftiReader.read(
			file, ReadOptions.DEFAULT), "reading " + file.getFileName() + " must fail");
		assertTrue(e.getMessage().startsWith(failing.toString() + ": "),
			"message starts with the file: " + e.getMessage());
		assertTrue(e.getMessage().contains(problem), "message says '" + problem + "': " + e
			.getMessage());
	}
}
