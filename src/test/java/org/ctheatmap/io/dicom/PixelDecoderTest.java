package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bits Stored masking, sign extension, HU conversion and rejected pixel formats. */
class PixelDecoderTest {

	@TempDir
	Path folder;

	@Test
	void masksAndSignExtendsFromBitsStored() {
		assertEquals(-1, PixelDecoder.decodeSample(0x0FFF, 12, true), "signed 12-bit 0xFFF");
		assertEquals(2047, PixelDecoder.decodeSample(0x07FF, 12, true), "signed 12-bit max");
		assertEquals(-2048, PixelDecoder.decodeSample(0x0800, 12, true), "signed 12-bit min");
		assertEquals(-1, PixelDecoder.decodeSample(0xFFFF, 12, true), "sign-extended word");
		assertEquals(0x123, PixelDecoder.decodeSample(0xF123, 12, false), "unsigned high bits");
		assertEquals(-32768, PixelDecoder.decodeSample(0x8000, 16, true), "signed 16-bit min");
		assertEquals(65535, PixelDecoder.decodeSample(0xFFFF, 16, false), "unsigned 16-bit max");
		assertEquals(-1, PixelDecoder.decodeSample(0xFF, 8, true), "signed 8-bit");
		// -2000 as int16 fits in 14-bit two's complement, so masking keeps it.
		assertEquals(-2000, PixelDecoder.decodeSample(0xF830, 14, true), "signed 14-bit -2000");
		assertEquals(2492, PixelDecoder.decodeSample(2492, 14, true), "signed 14-bit 2492");
	}

	@Test
	void huIsComputedInDoubleThenRounded() {
		float[] hu = PixelDecoder.toHu(new int[] { 497, 2708, 0 }, 2.0002442, -4047);

		assertArrayEquals(new float[] { (float) (497 * 2.0002442 - 4047), (float) (2708 *
			2.0002442 - 4047), -4047f }, hu, "HU values");
	}

	@Test
	void signedTwelveBitFileDecodesThroughReader() throws IOException {
		Path file = DicomTestFiles.write(folder.resolve("s12.dcm"), DicomTestFiles.minimalImage(12,
			true, (short) 0x0FFF, (short) 0x07FF, (short) 0x0800, (short) 0xF123, (short) 0,
			(short) 0xFFFF), DicomTransferSyntax.EXPLICIT_VR_BIG_ENDIAN);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertArrayEquals(new float[] { -1, 2047, -2048, 291, 0, -1 }, (float[]) volume.image()
			.getStack().getPixels(1), "HU = stored for slope 1, intercept 0");
		String warnings = String.join("\n", volume.warnings());
		assertTrue(warnings.contains("Bits Stored is 12 but 3 pixel(s) in 1 slice(s) had other" +
			" bits set above it"), warnings);
	}

	@Test
	void monochromeOneKeepsHu() throws IOException {
		DicomDataSet data = DicomTestFiles.minimalImage(16, true, (short) -1000, (short) 0,
			(short) 40, (short) 1, (short) 2, (short) 3);
		data.text(DicomTag.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME1");
		Path file = DicomTestFiles.write(folder.resolve("m1.dcm"), data,
			DicomTransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);

		CtVolume volume = DicomSeriesReader.read(file, ReadOptions.DEFAULT);

		assertEquals(-1000f, volume.image().getStack().getProcessor(1).getf(0, 0), "first HU");
		assertTrue(String.join("\n", volume.warnings()).contains("MONOCHROME1"), "note: " + volume
			.warnings());
	}

	@Test
	void rejectsColourMultiFrameAndOddLayouts() throws IOException {
		List<String> messages = List.of(problem("rgb", DicomTag.SAMPLES_PER_PIXEL, 3),
			problem("frames", DicomTag.NUMBER_OF_FRAMES, 2), problem("bits32",
				DicomTag.BITS_ALLOCATED, 32), problem("highbit", DicomTag.HIGH_BIT, 15));

		assertTrue(messages.get(0).contains("rgb.dcm: colour image (Samples per Pixel 3"),
			messages.get(0));
		assertTrue(messages.get(1).contains("frames.dcm: multi-frame image (2 frames"),
			messages.get(1));
		assertTrue(messages.get(1).contains("has no Shared or Per-frame Functional Groups"),
			messages.get(1));
		assertTrue(messages.get(2).contains("Bits Allocated 32 is not supported"), messages.get(2));
		assertTrue(messages.get(3).contains("Bits Stored 12, High Bit 15"), messages.get(3));
	}

	@Test
	void shortPixelDataIsRejected() throws IOException {
		Path file = DicomTestFiles.write(folder.resolve("short.dcm"), DicomTestFiles.minimalImage(
			16, true, new short[4]), DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(file, ReadOptions.DEFAULT));

		assertTrue(e.getMessage().contains("Pixel Data has 8 bytes but 3 x 2 pixels of 16 bits" +
			" need 12"), e.getMessage());
	}

	/** Writes a minimal image with one attribute changed and returns the read error. */
	private String problem(String name, int tag, int value) throws IOException {
		DicomDataSet data = DicomTestFiles.minimalImage(12, false, new short[6]);
		if (tag == DicomTag.NUMBER_OF_FRAMES) {
			data.text(tag, "IS", Integer.toString(value));
		} else {
			data.unsignedShort(tag, value);
		}
		Path file = DicomTestFiles.write(folder.resolve(name + ".dcm"), data,
			DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		return assertThrows(InvalidInputException.class, () -> DicomSeriesReader.read(file,
			ReadOptions.DEFAULT)).getMessage();
	}
}
