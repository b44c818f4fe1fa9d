package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriter;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Encapsulated pixel data built here with JPEG, JPEG 2000 and RLE encoders,
 * read back through the series reader, and damaged in the ways real files
 * are: bad items, fragments past the end, wrong sizes, bad offset tables.
 */
class CompressedPixelDataTest {

	private static final int WIDTH = 37;
	private static final int HEIGHT = 29;

	/** A damaged frame of a few kB must be rejected well within this time. */
	private static final Duration DECODE_TIME_LIMIT = Duration.ofSeconds(10);

	@TempDir
	Path folder;

	@ParameterizedTest(name = "predictor {0}, restart interval {1}")
	@CsvSource({ "1, 0", "2, 0", "3, 0", "4, 0", "5, 0", "6, 0", "7, 0", "1, 37", "7, 74" })
	void jpegLosslessDecodesExactly(int predictor, int restartInterval) throws IOException {
		int[] words = randomWords(16, 7);
		byte[] jpeg = JpegLosslessTestEncoder.encode(words, WIDTH, HEIGHT, 16, predictor,
			restartInterval);
		Path file = writeImage("lossless.dcm", DicomTransferSyntax.JPEG_LOSSLESS, 16, true,
			List.of(jpeg), false);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(expectedHu(words, 16, true), pixels(volume), "HU of every pixel");
	}

	@ParameterizedTest(name = "precision {0}, NEAR {1}")
	@CsvSource({ "16, 0", "12, 0", "8, 0", "16, 3", "12, 1" })
	void jpegLsDecodesLikeTheEncoderReconstructs(int precision, int near) throws IOException,
		CodecException
	{
		int[] words = smoothWords(precision, 23);
		byte[] jls = JpegLsTestEncoder.encode(words, WIDTH, HEIGHT, precision, near);
		DicomTransferSyntax syntax = near == 0 ? DicomTransferSyntax.JPEG_LS_LOSSLESS
			: DicomTransferSyntax.JPEG_LS_NEAR_LOSSLESS;
		Path file = writeImage("jls.dcm", syntax, precision, false, List.of(jls), false);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		float[] hu = pixels(volume);
		for (int i = 0; i < words.length; i++) {
			assertEquals(words[i], hu[i], near, "HU at index " + i + " within NEAR");
		}
		if (near == 0) {
			assertArrayEquals(expectedHu(words, precision, false), hu, "lossless HU");
		}
	}

	/** A 16-bit codestream in 12-bit storage: the header's Bits Stored decides the sign. */
	@Test
	void jpegLosslessSignExtendsFromBitsStored() throws IOException {
		int[] words = randomWords(12, 3);
		byte[] jpeg = JpegLosslessTestEncoder.encode(words, WIDTH, HEIGHT, 16, 1, 0);
		Path file = writeImage("lossless12.dcm", DicomTransferSyntax.JPEG_LOSSLESS_SV1, 12, true,
			List.of(jpeg), false);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(expectedHu(words, 12, true), pixels(volume), "HU of every pixel");
	}

	/**
	 * The JDK's JPEG codec is libjpeg 6b with the integer inverse DCT, so a
	 * baseline frame must decode to the same samples here as through ImageIO.
	 */
	@Test
	void jpegBaselineMatchesLibjpeg() throws IOException {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
		int[] words = randomWords(8, 5);
		for (int i = 0; i < words.length; i++) {
			// Smooth gradients plus noise, so both DC and AC coefficients are coded.
			int x = i % WIDTH;
			int y = i / WIDTH;
			words[i] = Math.min(255, 3 * x + 4 * y + (words[i] & 31));
		}
		image.getRaster().setPixels(0, 0, WIDTH, HEIGHT, words);
		byte[] jpeg = imageIoJpeg(image, false);
		int[] libjpeg = ImageIO.read(new ByteArrayInputStream(jpeg)).getRaster().getPixels(0, 0,
			WIDTH, HEIGHT, (int[]) null);
		Path file = writeImage("baseline.dcm", DicomTransferSyntax.JPEG_BASELINE, 8, false, List
			.of(jpeg), false);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(expectedHu(libjpeg, 8, false), pixels(volume), "HU of every pixel");
	}

	@Test
	void jpeg2000LosslessDecodesExactly() throws IOException {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
		int[] words = randomWords(8, 11);
		image.getRaster().setPixels(0, 0, WIDTH, HEIGHT, words);
		byte[] j2k = jaiJpeg2000(image);
		Path file = writeImage("j2k.dcm", DicomTransferSyntax.JPEG_2000_LOSSLESS, 8, false, List
			.of(j2k), false);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(expectedHu(words, 8, false), pixels(volume), "HU of every pixel");
	}

	/**
	 * jai-imageio 1.4.0 encodes 16-bit images lossily even in lossless mode,
	 * so this checks that the reader returns what the codec itself decodes.
	 */
	@Test
	void jpeg2000SixteenBitMatchesCodec() throws IOException {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_USHORT_GRAY);
		image.getRaster().setPixels(0, 0, WIDTH, HEIGHT, randomWords(16, 19));
		byte[] j2k = jaiJpeg2000(image);
		J2KImageReader reader = new J2KImageReader(new J2KImageReaderSpi());
		reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(j2k)));
		int[] codec = reader.readRaster(0, null).getPixels(0, 0, WIDTH, HEIGHT, (int[]) null);
		Path file = writeImage("j2k16.dcm", DicomTransferSyntax.JPEG_2000, 16, false, List.of(j2k),
			false);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(expectedHu(codec, 16, false), pixels(volume), "HU of every pixel");
	}

	/** One frame split over three fragments, as encoders do for large frames. */
	@Test
	void frameSplitOverFragments() throws IOException {
		int[] words = randomWords(16, 13);
		byte[] jpeg = JpegLosslessTestEncoder.encode(words, WIDTH, HEIGHT, 16, 6, 0);
		int third = jpeg.length / 3 & ~1;
		List<byte[]> fragments = List.of(Arrays.copyOfRange(jpeg, 0, third), Arrays.copyOfRange(
			jpeg, third, 2 * third), Arrays.copyOfRange(jpeg, 2 * third, jpeg.length));
		Path file = writeImage("split.dcm", DicomTransferSyntax.JPEG_LOSSLESS, 16, true,
			fragments, false);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(expectedHu(words, 16, true), pixels(volume), "HU of every pixel");
	}

	@Test
	void codestreamOfAnotherSizeIsRejected() throws IOException {
		byte[] jpeg = JpegLosslessTestEncoder.encode(new int[36 * HEIGHT], 36, HEIGHT, 16, 1, 0);
		Path file = writeImage("size.dcm", DicomTransferSyntax.JPEG_LOSSLESS, 16, true, List.of(
			jpeg), false);

		String message = readError(file);

		assertTrue(message.startsWith(file + ": cannot be decoded as JPEG Lossless"), message);
		assertTrue(message.contains("the codestream is 36 x 29 pixels but Columns x Rows is 37" +
			" x 29"), message);
	}

	@Test
	void truncatedCodestreamIsRejected() throws IOException {
		byte[] jpeg = JpegLosslessTestEncoder.encode(randomWords(16, 17), WIDTH, HEIGHT, 16, 1, 0);
		byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2 & ~1);
		Path file = writeImage("cut.dcm", DicomTransferSyntax.JPEG_LOSSLESS, 16, true, List.of(
			cut), false);

		String message = readError(file);

		assertTrue(message.contains("the frame is truncated or corrupt"), message);
	}

	@Test
	void garbageJpeg2000IsRejected() throws IOException {
		byte[] garbage = new byte[400];
		new Random(3).nextBytes(garbage);
		garbage[0] = (byte) 0xFF;
		garbage[1] = 0x4F;
		Path file = writeImage("garbage.dcm", DicomTransferSyntax.JPEG_2000, 16, true, List.of(
			garbage), false);

		String message = readError(file);

		assertTrue(message.startsWith(file + ": cannot be decoded as JPEG 2000 Image Compression:"),
			message);
	}

	/** libjpeg decodes progressive frames with the same inverse DCT, so the samples match. */
	@Test
	void jpegProgressiveMatchesLibjpeg() throws IOException {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
		int[] words = randomWords(8, 29);
		for (int i = 0; i < words.length; i++) {
			words[i] = Math.min(255, 5 * (i % WIDTH) + 2 * (i / WIDTH) + (words[i] & 15));
		}
		image.getRaster().setPixels(0, 0, WIDTH, HEIGHT, words);
		byte[] jpeg = imageIoJpeg(image, true);
		assertTrue(indexOf(jpeg, 0xC2) > 0, "the codestream is progressive (SOF2)");
		int[] libjpeg = ImageIO.read(new ByteArrayInputStream(jpeg)).getRaster().getPixels(0, 0,
			WIDTH, HEIGHT, (int[]) null);
		Path file = writeImage("progressive.dcm", DicomTransferSyntax.JPEG_FULL_PROGRESSION, 8,
			false, List.of(jpeg), false);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(expectedHu(libjpeg, 8, false), pixels(volume), "HU of every pixel");
	}

	@Test
	void arithmeticCodingIsNamed() throws IOException {
		byte[] jpeg = JpegLosslessTestEncoder.encode(new int[WIDTH * HEIGHT], WIDTH, HEIGHT, 16, 1,
			0);
		int sof = indexOf(jpeg, 0xC3);
		jpeg[sof] = (byte) 0xCB;
		Path file = writeImage("arithmetic.dcm", DicomTransferSyntax.JPEG_LOSSLESS, 16, true, List
			.of(jpeg), false);

		String message = readError(file);

		assertTrue(message.contains("arithmetic coding, which is not supported (marker FF CB)"),
			message);
	}

	@Test
	void rleSegmentThatEndsEarlyIsRejected() throws IOException {
		byte[] rle = RleEncoder.encode(new short[WIDTH * HEIGHT], WIDTH, HEIGHT);
		byte[] cut = Arrays.copyOf(rle, rle.length - 4);
		Path file = writeImage("rle.dcm", DicomTransferSyntax.RLE_LOSSLESS, 16, true, List.of(cut),
			false);

		String message = readError(file);

		assertTrue(message.contains("RLE segment 2 decodes to"), message);
		assertTrue(message.contains("but Rows x Columns needs " + WIDTH * HEIGHT), message);
	}

	@Test
	void fragmentLongerThanFileIsRejected() throws IOException {
		Path file = writeImage("long.dcm", DicomTransferSyntax.RLE_LOSSLESS, 16, true, List.of(
			RleEncoder.encode(new short[WIDTH * HEIGHT], WIDTH, HEIGHT)), false);
		byte[] bytes = java.nio.file.Files.readAllBytes(file);
		// The fragment item follows the empty offset table: its length field is 12 + 4 bytes in.
		int item = lastIndexOfItem(bytes, 2);
		bytes[item + 7] = 0x7F;
		java.nio.file.Files.write(file, bytes);

		String message = readError(file);

		assertTrue(message.contains("corrupt file: fragment 1 at offset " + item + " declares"),
			message);
		assertTrue(message.contains("bytes but only"), message);
	}

	@Test
	void missingSequenceDelimiterIsRejected() throws IOException {
		Path file = writeImage("nodelimiter.dcm", DicomTransferSyntax.RLE_LOSSLESS, 16, true, List
			.of(RleEncoder.encode(new short[WIDTH * HEIGHT], WIDTH, HEIGHT)), false);
		byte[] bytes = java.nio.file.Files.readAllBytes(file);
		DicomTestFiles.truncate(file, bytes.length - 8);

		String message = readError(file);

		assertTrue(message.contains("truncated or corrupt file: fragment 2"), message);
	}

	@Test
	void unexpectedItemTagIsRejected() throws IOException {
		Path file = writeImage("tag.dcm", DicomTransferSyntax.RLE_LOSSLESS, 16, true, List.of(
			RleEncoder.encode(new short[WIDTH * HEIGHT], WIDTH, HEIGHT)), false);
		byte[] bytes = java.nio.file.Files.readAllBytes(file);
		int item = lastIndexOfItem(bytes, 2);
		bytes[item + 2] = 0x0D;
		java.nio.file.Files.write(file, bytes);

		String message = readError(file);

		assertTrue(message.contains("expected a fragment item (FFFE,E000) or the Sequence" +
			" Delimitation Item at offset " + item + ", found (FFFE,E00D)"), message);
	}

	/** 40000 x 40000 pixels from a few bytes of RLE: rejected before any allocation. */
	@Test
	void frameLargerThanTheHeapIsRejected() throws IOException {
		DicomDataSet data = DicomTestFiles.minimalImage(16, true, new short[0]);
		data.unsignedShort(DicomTag.ROWS, 40000);
		data.unsignedShort(DicomTag.COLUMNS, 40000);
		data.unsignedShort(DicomTag.BITS_ALLOCATED, 8);
		data.unsignedShort(DicomTag.BITS_STORED, 8);
		data.unsignedShort(DicomTag.HIGH_BIT, 7);
		data.fragments(DicomTag.PIXEL_DATA, List.of(new byte[64]), false);
		Path file = DicomTestFiles.write(folder.resolve("huge.dcm"), data,
			DicomTransferSyntax.RLE_LOSSLESS);
		long heapMb = Runtime.getRuntime().maxMemory() >> 20;
		assumeTrue(heapMb < 40000L * 40000 * 9 >> 20, "the heap could hold the frame");

		String message = readError(file);

		assertTrue(message.startsWith(file + ": 1 slice(s) of 40000 x 40000 pixels need about"),
			message);
		assertTrue(message.contains("raise the Java heap limit"), message);
	}

	/** Returns a file of one frame with the given fragments in the given syntax. */
	private Path writeImage(String name, DicomTransferSyntax syntax, int bitsStored,
		boolean signed, List<byte[]> fragments, boolean offsetTable) throws IOException
	{
		DicomDataSet data = DicomTestFiles.minimalImage(bitsStored, signed, new short[0]);
		data.unsignedShort(DicomTag.ROWS, HEIGHT);
		data.unsignedShort(DicomTag.COLUMNS, WIDTH);
		int bitsAllocated = bitsStored > 8 ? 16 : 8;
		data.unsignedShort(DicomTag.BITS_ALLOCATED, bitsAllocated);
		data.fragments(DicomTag.PIXEL_DATA, fragments, offsetTable);
		return DicomTestFiles.write(folder.resolve(name), data, syntax);
	}

	private String readError(Path file) {
		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> assertTimeoutPreemptively(DECODE_TIME_LIMIT, () -> DicomSeriesReader.read(file,
				ReadOptions.DEFAULT)));
		return e.getMessage();
	}

	/** Returns random sample words of the given bit depth, from a fixed seed. */
	private static int[] randomWords(int bits, long seed) {
		Random random = new Random(seed);
		int[] words = new int[WIDTH * HEIGHT];
		for (int i = 0; i < words.length; i++) {
			words[i] = random.nextInt(1 << bits);
		}
		return words;
	}

	/**
	 * Returns words with flat areas, gradients and noise, so JPEG-LS uses run
	 * mode, regular mode and, at the noisy edges, long Golomb codes.
	 */
	private static int[] smoothWords(int bits, long seed) {
		Random random = new Random(seed);
		int max = (1 << bits) - 1;
		int[] words = new int[WIDTH * HEIGHT];
		for (int i = 0; i < words.length; i++) {
			int x = i % WIDTH;
			int y = i / WIDTH;
			if (y < 6) {
				words[i] = max / 3;
			} else if (x < 20) {
				words[i] = (x * 37 + y * 11) % (max + 1);
			} else {
				words[i] = random.nextInt(max + 1);
			}
		}
		return words;
	}

	/** Returns HU with slope 1, intercept 0: the words read with the given sign and bits. */
	private static float[] expectedHu(int[] words, int bitsStored, boolean signed) {
		float[] hu = new float[words.length];
		for (int i = 0; i < words.length; i++) {
			hu[i] = PixelDecoder.decodeSample(words[i], bitsStored, signed);
		}
		return hu;
	}

	private static float[] pixels(CtVolume volume) {
		return (float[]) volume.image().getStack().getPixels(1);
	}

	static byte[] imageIoJpeg(BufferedImage image, boolean progressive) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.7f);
		if (progressive) param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		} finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	static byte[] jaiJpeg2000(BufferedImage image) throws IOException {
		J2KImageWriter writer = new J2KImageWriter(new J2KImageWriterSpi());
		J2KImageWriteParam param = (J2KImageWriteParam) writer.getDefaultWriteParam();
		param.setLossless(true);
		param.setFilter(J2KImageWriteParam.FILTER_53);
		param.setEncodingRate(Double.MAX_VALUE);
		param.setWriteCodeStreamOnly(true);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		} finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/** Returns the index of the marker byte after the first 0xFF that precedes it. */
	private static int indexOf(byte[] jpeg, int marker) {
		for (int i = 0; i + 1 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) return i + 1;
		}
		throw new AssertionError("marker not found");
	}

	/** Returns the offset of the n-th Item tag (FFFE,E000) counted from the Pixel Data. */
	private static int lastIndexOfItem(byte[] bytes, int n) {
		List<Integer> items = new ArrayList<>();
		for (int i = 0; i + 3 < bytes.length; i++) {
			if (bytes[i] == (byte) 0xFE && bytes[i + 1] == (byte) 0xFF && bytes[i + 2] == 0 &&
				bytes[i + 3] == (byte) 0xE0)
			{
				items.add(i);
			}
		}
		Collections.reverse(items);
		// Items are found from the end: the last fragment comes first.
		return items.get(items.size() - n);
	}
}
