package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deflated Explicit VR Little Endian files whose streams expand far beyond
 * their size or claim more pixels than they hold. The reader inflates through
 * a 64 kB buffer and only as far as it needs, so these end quickly.
 */
class DeflatedDataSetTest {

	/** 256 MB of zeros inflate in about a second on one core. */
	private static final Duration READ_TIME_LIMIT = Duration.ofSeconds(20);

	private static final long PADDING_BYTES = 256L << 20;

	@TempDir
	Path folder;

	/**
	 * A 256 MB private element before Pixel Data compresses to about 250 kB;
	 * the parser skips it by inflating and discarding, never holding it.
	 */
	@Test
	void hugeElementBeforePixelDataIsSkipped() throws IOException {
		short[] words = { -1000, 0, 40, 1, 2, 3 };
		DicomDataSet header = DicomTestFiles.minimalImage(16, true, words);
		header.remove(DicomTag.PIXEL_DATA);
		DicomDataSet pixels = new DicomDataSet().binary(DicomTag.PIXEL_DATA, "OW", words);
		Path file = folder.resolve("padded.dcm");
		try (OutputStream out = deflatedFile(file)) {
			out.write(header.encode(DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
			ByteBuffer element = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
			element.putShort((short) 0x0029).putShort((short) 0x1010).put((byte) 'O').put(
				(byte) 'B').putShort((short) 0).putInt((int) PADDING_BYTES);
			out.write(element.array());
			byte[] zeros = new byte[1 << 20];
			for (long written = 0; written < PADDING_BYTES; written += zeros.length) {
				out.write(zeros);
			}
			out.write(pixels.encode(DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
		}
		assertTrue(Files.size(file) < PADDING_BYTES / 100, "file is small: " + Files.size(file));

		CtVolume volume = assertTimeoutPreemptively(READ_TIME_LIMIT, () -> DicomSeriesReader.read(
			file, ReadOptions.DEFAULT));

		assertArrayEquals(new float[] { -1000, 0, 40, 1, 2, 3 }, (float[]) volume.image()
			.getStack().getPixels(1), "HU after the padding");
	}

	/** Pixel Data that claims 32 MB in a file of a few hundred bytes is rejected before allocation. */
	@Test
	void oversizedPixelDataIsRejected() throws IOException {
		DicomDataSet data = DicomTestFiles.minimalImage(16, true, new short[6]);
		data.unsignedShort(DicomTag.ROWS, 4000);
		data.unsignedShort(DicomTag.COLUMNS, 4000);
		byte[] encoded = data.encode(DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		// Pixel Data (OW) is last: its 4-byte length precedes the 12 value bytes.
		ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN).putInt(encoded.length - 16,
			4000 * 4000 * 2);
		Path file = folder.resolve("claims.dcm");
		try (OutputStream out = deflatedFile(file)) {
			out.write(encoded);
		}

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> assertTimeoutPreemptively(READ_TIME_LIMIT, () -> DicomSeriesReader.read(file,
				ReadOptions.DEFAULT)));

		assertTrue(e.getMessage().startsWith(file + ": corrupt file: frame 1 would end at byte"),
			e.getMessage());
	}

	@Test
	void truncatedStreamIsRejected() throws IOException {
		Path file = DicomTestFiles.write(folder.resolve("cut.dcm"), DicomTestFiles.minimalImage(16,
			true, new short[6]), DicomTransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
		byte[] bytes = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(bytes, bytes.length - 20));

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT));

		assertTrue(e.getMessage().startsWith(file + ": truncated or corrupt file:"), e
			.getMessage());
		assertTrue(e.getMessage().contains("the deflate stream ends before"), e.getMessage());
	}

	/**
	 * Opens a Part 10 file with Deflated Explicit VR Little Endian meta
	 * information; what is written to the stream becomes the deflated data set.
	 */
	private static OutputStream deflatedFile(Path file) throws IOException {
		byte[] meta = DicomSeriesWriter.encodeFile(new DicomDataSet(),
			DicomSeriesWriter.CT_IMAGE_STORAGE, "1.2.3.10",
			DicomTransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
		// An empty data set deflates to 2 bytes; keep only the preamble and meta information.
		int metaEnd = 144 + ByteBuffer.wrap(meta, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		OutputStream file0 = Files.newOutputStream(file);
		file0.write(meta, 0, metaEnd);
		return new DeflaterOutputStream(file0, new Deflater(Deflater.BEST_SPEED, true), 1 << 16);
	}
}
