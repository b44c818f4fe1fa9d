package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Enhanced CT files written by {@link DicomSeriesWriter#writeMultiFrame}, with
 * frames in reverse order and geometry and rescale only in the functional
 * groups, read back as volumes; and multi-frame files whose groups or offset
 * tables are missing or wrong.
 */
class MultiFrameReaderTest {

	/** Positions are written as decimal strings of up to 16 characters. */
	private static final double POSITION_TOL_MM = 1e-9;

	private static final int WIDTH = 6;
	private static final int HEIGHT = 5;
	private static final int DEPTH = 7;

	@TempDir
	Path folder;

	@ParameterizedTest
	@EnumSource(names = { "IMPLICIT_VR_LITTLE_ENDIAN", "EXPLICIT_VR_LITTLE_ENDIAN",
		"EXPLICIT_VR_BIG_ENDIAN", "DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN", "RLE_LOSSLESS" })
	void framesInReverseOrderBecomeSortedSlices(DicomTransferSyntax syntax) throws IOException {
		CtVolume original = DicomTestFiles.volume(WIDTH, HEIGHT, DEPTH, DicomTestFiles.axial(0.8,
			0.7, 2.5));
		Path file = folder.resolve("enhanced.dcm");
		DicomSeriesWriter.writeMultiFrame(original, file, options(syntax).rescale(2, -1000)
			.build());

		CtVolume read = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertEquals(DEPTH, read.depth(), "one slice per frame");
		for (int z = 0; z < DEPTH; z++) {
			assertArrayEquals(pixels(original, z), pixels(read, z), "HU of slice " + z);
		}
		assertEquals("enhanced.dcm frame " + DEPTH, read.image().getStack().getSliceLabel(1),
			"slice 1 is the last frame");
		assertArrayEquals(original.geometry().origin(), read.geometry().origin(), POSITION_TOL_MM,
			"origin");
		assertArrayEquals(new double[] { 0.8, 0.7, 2.5 }, read.geometry().spacing(),
			POSITION_TOL_MM, "spacing from Pixel Measures and positions");
		assertEquals("HU = stored x 2 + (-1000), Rescale Slope/Intercept of each slice", read
			.huConversion(), "rescale from the Pixel Value Transformation group");
		assertEquals(DicomSeriesWriter.ENHANCED_CT_IMAGE_STORAGE, read.metadata().get(
			"SOPClassUID"), "SOP class");
		assertTrue(read.warnings().isEmpty(), "no warnings: " + read.warnings());
	}

	@Test
	void rescaleAndPositionComeOnlyFromGroups() throws IOException {
		Path file = folder.resolve("enhanced.dcm");
		DicomSeriesWriter.writeMultiFrame(DicomTestFiles.volume(WIDTH, HEIGHT, 2, DicomTestFiles
			.axial(1, 1, 3)), file, options(DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).build());

		DicomHeader header = DicomParser.parse(file);

		assertNull(header.text(DicomTag.RESCALE_INTERCEPT), "no top-level intercept");
		assertNull(header.text(DicomTag.IMAGE_POSITION_PATIENT), "no top-level position");
		assertEquals(2, header.frames().size(), "frames");
		assertEquals("-1024", header.frames().get(0).text(DicomTag.RESCALE_INTERCEPT),
			"intercept of frame 1 from the shared group");
		assertEquals("2", header.frames().get(0).text(DicomTag.IN_STACK_POSITION_NUMBER),
			"In-Stack Position Number of frame 1 from its per-frame group");
	}

	@Test
	void tiltedFramesKeepTheirPositions() throws IOException {
		double[] step = SliceGeometry.unit(new double[] { 0, 0.3, 1 });
		PatientGeometry tilted = new PatientGeometry(new double[] { -50, 20, 100 }, new double[] {
			1, 0, 0 }, new double[] { 0, 1, 0 }, step, new double[] { 0.5, 0.5, 2 });
		CtVolume original = DicomTestFiles.volume(WIDTH, HEIGHT, 4, tilted);
		Path file = folder.resolve("tilted.dcm");
		DicomSeriesWriter.writeMultiFrame(original, file, options(
			DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).build());

		CtVolume read = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(step, read.geometry().sliceDirection(), 1e-6, "step direction");
		assertTrue(read.warnings().get(0).startsWith("Gantry tilt"), read.warnings().toString());
	}

	@Test
	void duplicateFramePositionsAreSkipped() throws IOException {
		DicomDataSet data = multiFrame(3);
		data.sequence(DicomTag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, List.of(frameGroup(0),
			frameGroup(2), frameGroup(2)), false);
		Path file = write(data, "duplicates.dcm");

		CtVolume read = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertEquals(2, read.depth(), "one slice per distinct position");
		assertTrue(String.join("\n", read.warnings()).contains("duplicates.dcm frame 3" +
			" duplicates duplicates.dcm frame 2 at 2 mm"), read.warnings().toString());
	}

	/** "frame 11" sorts before "frame 2" as text, so the frame index must break the tie. */
	@Test
	void duplicateFramesKeepTheLowerFrame() throws IOException {
		DicomDataSet data = multiFrame(11);
		List<DicomDataSet> groups = new ArrayList<>();
		for (int f = 0; f < 10; f++) {
			groups.add(frameGroup(f));
		}
		groups.add(frameGroup(1));
		data.sequence(DicomTag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, groups, false);
		Path file = write(data, "eleven.dcm");

		CtVolume read = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertEquals(10, read.depth(), "one slice per distinct position");
		assertEquals("eleven.dcm frame 2", read.image().getStack().getSliceLabel(2),
			"frame 2 kept at 1 mm");
	}

	@Test
	void missingPerFrameItemIsRejected() throws IOException {
		DicomDataSet data = multiFrame(3);
		data.sequence(DicomTag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, List.of(frameGroup(0),
			frameGroup(1)), true);
		Path file = write(data, "missing.dcm");

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT));

		assertEquals(file + ": the Per-frame Functional Groups Sequence (5200,9230) has 2 items" +
			" but Number of Frames is 3; each frame needs one item to place it", e.getMessage(),
			"message");
	}

	@Test
	void frameWithoutPlanePositionIsRejected() throws IOException {
		DicomDataSet data = multiFrame(2);
		data.sequence(DicomTag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, List.of(frameGroup(0),
			new DicomDataSet()), false);
		Path file = write(data, "noposition.dcm");

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT));

		assertTrue(e.getMessage().contains("no Image Position or Orientation (Patient), so the 2" +
			" slices of the series cannot be sorted"), e.getMessage());
	}

	@Test
	void framesSplitAtJpegStartMarkers() throws IOException {
		DicomDataSet data = multiFrame(3);
		List<byte[]> fragments = new ArrayList<>();
		List<int[]> frames = new ArrayList<>();
		for (int f = 0; f < 3; f++) {
			int[] words = new int[WIDTH * HEIGHT];
			Arrays.fill(words, 1000 + 100 * f);
			words[f] = 7;
			frames.add(words);
			byte[] jpeg = JpegLosslessTestEncoder.encode(words, WIDTH, HEIGHT, 16, 1, 0);
			int half = jpeg.length / 2 & ~1;
			fragments.add(Arrays.copyOfRange(jpeg, 0, half));
			fragments.add(Arrays.copyOfRange(jpeg, half, jpeg.length));
		}
		data.fragments(DicomTag.PIXEL_DATA, fragments, false);
		Path file = write(data, DicomTransferSyntax.JPEG_LOSSLESS, "split.dcm");

		CtVolume read = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		for (int z = 0; z < 3; z++) {
			assertEquals(frames.get(z)[z] - 1024, read.image().getStack().getProcessor(z + 1).getf(z,
				0), "marked pixel of slice " + z);
			assertEquals(frames.get(z)[5] - 1024, read.image().getStack().getProcessor(z + 1).getf(5,
				0), "plain pixel of slice " + z);
		}
	}

	/** JJ2000 keeps some static state, so frames decoded on several threads are checked here. */
	@Test
	void jpeg2000FramesDecodedInParallel() throws IOException {
		int frames = 8;
		DicomDataSet data = multiFrame(frames);
		data.unsignedShort(DicomTag.BITS_ALLOCATED, 8);
		data.unsignedShort(DicomTag.BITS_STORED, 8);
		data.unsignedShort(DicomTag.HIGH_BIT, 7);
		data.unsignedShort(DicomTag.PIXEL_REPRESENTATION, 0);
		List<byte[]> fragments = new ArrayList<>();
		for (int f = 0; f < frames; f++) {
			BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
			int[] words = new int[WIDTH * HEIGHT];
			for (int i = 0; i < words.length; i++) {
				words[i] = (i * 7 + f * 31) % 256;
			}
			image.getRaster().setPixels(0, 0, WIDTH, HEIGHT, words);
			fragments.add(CompressedPixelDataTest.jaiJpeg2000(image));
		}
		data.fragments(DicomTag.PIXEL_DATA, fragments, true);
		Path file = write(data, DicomTransferSyntax.JPEG_2000_LOSSLESS, "j2k.dcm");

		CtVolume read = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		for (int z = 0; z < frames; z++) {
			for (int i = 0; i < WIDTH * HEIGHT; i++) {
				assertEquals((i * 7 + z * 31) % 256 - 1024, pixels(read, z)[i], "HU of slice " +
					z + " at index " + i);
			}
		}
	}

	@Test
	void offsetTableWithWrongEntryIsRejected() throws IOException {
		Path file = folder.resolve("bot.dcm");
		DicomSeriesWriter.writeMultiFrame(DicomTestFiles.volume(WIDTH, HEIGHT, 3, DicomTestFiles
			.axial(1, 1, 1)), file, options(DicomTransferSyntax.RLE_LOSSLESS).build());
		byte[] bytes = Files.readAllBytes(file);
		int table = offsetTableValue(bytes);
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(table + 4, buffer.getInt(table + 4) + 2);
		Files.write(file, bytes);

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT));

		assertTrue(e.getMessage().contains("the Basic Offset Table entry"), e.getMessage());
		assertTrue(e.getMessage().contains("of frame 2 does not point to the start of a fragment"),
			e.getMessage());
	}

	@Test
	void offsetTableWithTooFewEntriesIsRejected() throws IOException {
		Path file = folder.resolve("bot.dcm");
		DicomSeriesWriter.writeMultiFrame(DicomTestFiles.volume(WIDTH, HEIGHT, 3, DicomTestFiles
			.axial(1, 1, 1)), file, options(DicomTransferSyntax.RLE_LOSSLESS).build());
		byte[] bytes = Files.readAllBytes(file);
		int table = offsetTableValue(bytes);
		// Shrink the table to 2 entries; the third becomes garbage before the first fragment.
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(table - 4, 8);
		Files.write(file, bytes);

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT));

		assertTrue(e.getMessage().startsWith(file + ": corrupt file:"), e.getMessage());
	}

	private static DicomWriteOptions.Builder options(DicomTransferSyntax syntax) {
		return DicomWriteOptions.builder().transferSyntax(syntax).uids("1.2.3", "1.2.3.7",
			"1.2.3.8").instanceOrder(DicomWriteOptions.InstanceOrder.REVERSED);
	}

	/** Returns an Enhanced CT data set of {@code frames} axial frames, 1 mm apart, in order. */
	private static DicomDataSet multiFrame(int frames) {
		CtVolume volume = DicomTestFiles.volume(WIDTH, HEIGHT, frames, DicomTestFiles.axial(1, 1,
			1));
		DicomWriteOptions options = options(DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
			.instanceOrder(DicomWriteOptions.InstanceOrder.ASCENDING).build();
		return new SliceEncoder(volume, options).multiFrame("1.2.3", "1.2.3.7", "1.2.3.8",
			"1.2.3.7.1");
	}

	/** Returns a per-frame group item that places a frame at (0, 0, z). */
	private static DicomDataSet frameGroup(double z) {
		DicomDataSet position = new DicomDataSet().decimals(DicomTag.IMAGE_POSITION_PATIENT, 0, 0,
			z);
		return new DicomDataSet().sequence(DicomTag.PLANE_POSITION_SEQUENCE, List.of(position),
			true);
	}

	private Path write(DicomDataSet data, String name) throws IOException {
		return write(data, DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, name);
	}

	private Path write(DicomDataSet data, DicomTransferSyntax syntax, String name)
		throws IOException
	{
		Path file = folder.resolve(name);
		DicomSeriesWriter.writeFile(file, data, DicomSeriesWriter.ENHANCED_CT_IMAGE_STORAGE,
			"1.2.3.7.1", syntax);
		return file;
	}

	/** Returns the offset of the first Basic Offset Table entry after the Pixel Data header. */
	private static int offsetTableValue(byte[] bytes) {
		byte[] pixelData = { (byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1 };
		for (int i = bytes.length - pixelData.length; i >= 0; i--) {
			if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + pixelData.length), pixelData)) {
				return i + pixelData.length + 8;
			}
		}
		throw new AssertionError("no encapsulated Pixel Data");
	}

	private static float[] pixels(CtVolume volume, int z) {
		return (float[]) volume.image().getStack().getPixels(z + 1);
	}
}
