package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flips random bytes (fixed seeds) in the compressed part of valid files and
 * reads them: the reader must return a volume or raise an
 * {@link InvalidInputException}, never another exception, a hang or an
 * out-of-memory error.
 */
class CompressedFuzzTest {

	private static final int MUTANTS = 60;

	/** Reading one mutant of a few kB must end well within this time. */
	private static final Duration READ_TIME_LIMIT = Duration.ofSeconds(20);

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(strings = { "jpeg-lossless", "jpeg-progressive", "jpeg-ls", "jpeg2000", "rle",
		"deflated", "enhanced-rle" })
	void mutantsFailOnlyWithInvalidInput(String kind) throws Exception {
		Path original = folder.resolve(kind + ".dcm");
		int protectedBytes = writeValid(kind, original);
		byte[] valid = Files.readAllBytes(original);
		Random random = new Random(kind.hashCode());
		for (int m = 0; m < MUTANTS; m++) {
			byte[] mutant = valid.clone();
			int flips = 1 + random.nextInt(8);
			for (int f = 0; f < flips; f++) {
				int index = protectedBytes + random.nextInt(valid.length - protectedBytes);
				mutant[index] = (byte) random.nextInt(256);
			}
			Path file = folder.resolve(kind + "-" + m + ".dcm");
			Files.write(file, mutant);
			try {
				assertTimeoutPreemptively(READ_TIME_LIMIT, () -> DicomSeriesReader.read(file,
					ReadOptions.DEFAULT));
			} catch (Throwable e) {
				// InvalidInputException is the documented failure; anything else is a bug.
				if (!(e instanceof InvalidInputException)) {
					fail("mutant " + m + " of " + kind + " raised " + e, e);
				}
			}
		}
	}

	/**
	 * Writes a valid file of the given kind. Returns the number of leading
	 * bytes to keep intact (preamble and File Meta Information), so that
	 * mutations hit the data set.
	 */
	private static int writeValid(String kind, Path file) throws IOException, CodecException {
		int width = 24;
		int height = 20;
		Random values = new Random(5);
		int[] words = new int[width * height];
		for (int i = 0; i < words.length; i++) {
			words[i] = 900 + values.nextInt(400);
		}
		DicomDataSet data = DicomTestFiles.minimalImage(16, true, new short[0]);
		data.unsignedShort(DicomTag.ROWS, height);
		data.unsignedShort(DicomTag.COLUMNS, width);

		DicomTransferSyntax syntax;
		switch (kind) {
			case "jpeg-lossless":
				syntax = DicomTransferSyntax.JPEG_LOSSLESS;
				data.fragments(DicomTag.PIXEL_DATA, List.of(JpegLosslessTestEncoder.encode(words,
					width, height, 16, 6, 2 * width)), false);
				break;
			case "jpeg-ls":
				syntax = DicomTransferSyntax.JPEG_LS_NEAR_LOSSLESS;
				data.unsignedShort(DicomTag.PIXEL_REPRESENTATION, 0);
				data.fragments(DicomTag.PIXEL_DATA, List.of(JpegLsTestEncoder.encode(words, width,
					height, 16, 2)), false);
				break;
			case "jpeg-progressive":
				syntax = DicomTransferSyntax.JPEG_FULL_PROGRESSION;
				data.unsignedShort(DicomTag.BITS_ALLOCATED, 8);
				data.unsignedShort(DicomTag.BITS_STORED, 8);
				data.unsignedShort(DicomTag.HIGH_BIT, 7);
				data.unsignedShort(DicomTag.PIXEL_REPRESENTATION, 0);
				data.fragments(DicomTag.PIXEL_DATA, List.of(CompressedPixelDataTest.imageIoJpeg(
					image(words, width, height, BufferedImage.TYPE_BYTE_GRAY, 255), true)), false);
				break;
			case "jpeg2000":
				syntax = DicomTransferSyntax.JPEG_2000;
				data.unsignedShort(DicomTag.PIXEL_REPRESENTATION, 0);
				data.fragments(DicomTag.PIXEL_DATA, List.of(CompressedPixelDataTest.jaiJpeg2000(
					image(words, width, height, BufferedImage.TYPE_USHORT_GRAY, 65535))), false);
				break;
			case "rle":
				syntax = DicomTransferSyntax.RLE_LOSSLESS;
				short[] shorts = new short[words.length];
				for (int i = 0; i < words.length; i++) {
					shorts[i] = (short) words[i];
				}
				data.fragments(DicomTag.PIXEL_DATA, List.of(RleEncoder.encode(shorts, width,
					height)), false);
				break;
			case "deflated":
				syntax = DicomTransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
				short[] native16 = new short[words.length];
				for (int i = 0; i < words.length; i++) {
					native16[i] = (short) words[i];
				}
				data.binary(DicomTag.PIXEL_DATA, "OW", native16);
				break;
			default:
				ImageStack stack = new ImageStack(width, height);
				for (int z = 0; z < 3; z++) {
					float[] hu = new float[words.length];
					for (int i = 0; i < hu.length; i++) {
						hu[i] = words[i] - 1024 + z;
					}
					stack.addSlice(new FloatProcessor(width, height, hu));
				}
				CtVolume volume = new CtVolume(new ImagePlus("fuzz", stack), DicomTestFiles.axial(1,
					1, 2), "HU", Collections.emptyMap(), Collections.emptyList());
				DicomSeriesWriter.writeMultiFrame(volume, file, DicomWriteOptions.builder()
					.transferSyntax(DicomTransferSyntax.RLE_LOSSLESS).build());
				return metaEnd(file);
		}

		DicomTestFiles.write(file, data, syntax);
		return metaEnd(file);
	}

	private static BufferedImage image(int[] words, int width, int height, int type, int max) {
		BufferedImage image = new BufferedImage(width, height, type);
		int[] clipped = new int[words.length];
		for (int i = 0; i < words.length; i++) {
			clipped[i] = Math.min(max, words[i]);
		}
		image.getRaster().setPixels(0, 0, width, height, clipped);
		return image;
	}

	/** Returns the offset of the first data set byte of a Part 10 file. */
	static int metaEnd(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		return 144 + java.nio.ByteBuffer.wrap(bytes, 140, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
			.getInt();
	}
}
