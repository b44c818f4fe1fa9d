package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ctheatmap.io.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Header parsing: sequences, skipped elements, damaged and foreign files. */
class DicomParserTest {

	/** Parsing a damaged file of a few kB must end well within this time. */
	private static final Duration PARSE_TIME_LIMIT = Duration.ofSeconds(5);

	@TempDir
	Path folder;

	@ParameterizedTest
	@EnumSource(names = { "IMPLICIT_VR_LITTLE_ENDIAN", "EXPLICIT_VR_LITTLE_ENDIAN",
		"EXPLICIT_VR_BIG_ENDIAN" })
	void skipsSequencesAndPrivateElements(DicomTransferSyntax syntax) throws IOException {
		DicomDataSet data = DicomTestFiles.minimalImage(16, true, new short[6]);
		DicomDataSet inner = new DicomDataSet().unsignedShort(DicomTag.ROWS, 999).text(
			DicomTag.SERIES_DESCRIPTION, "LO", "INNER");
		DicomDataSet outer = new DicomDataSet().sequence(0x00081115, List.of(inner, inner), false)
			.sequence(0x00081140, List.of(inner), true);
		data.sequence(0x00082112, List.of(outer, inner), true);
		data.sequence(0x00089215, List.of(inner), false);
		data.binary(0x00291010, "OB", new byte[200_000]);
		data.text(DicomTag.SERIES_DESCRIPTION, "LO", "OUTER");
		data.text(DicomTag.PATIENT_NAME, "PN", DicomTestFiles.PATIENT_NAME);
		Path file = DicomTestFiles.write(folder.resolve("seq.dcm"), data, syntax);

		DicomHeader header = DicomParser.parse(file);

		assertEquals(Integer.valueOf(2), header.integer(DicomTag.ROWS), "top-level Rows");
		assertEquals("OUTER", header.text(DicomTag.SERIES_DESCRIPTION), "top-level description");
		assertEquals(syntax.uid(), header.transferSyntaxUid(), "syntax");
		assertEquals(Files.size(file) - 12, header.pixelDataOffset(), "Pixel Data offset");
		assertEquals(12, header.pixelDataLength(), "Pixel Data length");
		assertFalse(header.values().containsKey(DicomTag.PATIENT_NAME), "name is not kept");
		assertFalse(header.values().toString().contains("PHANTOM"), "name is nowhere");
	}

	@Test
	void readsFileWithoutPreamble() throws IOException {
		Path file = DicomTestFiles.write(folder.resolve("old"), DicomTestFiles.minimalImage(16,
			true, (short) -5, (short) 0, (short) 7, (short) 1, (short) 2, (short) 3),
			DicomTransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
		DicomTestFiles.stripPreambleAndMeta(file);
		assertEquals(0x08, Files.readAllBytes(file)[0], "test setup: starts with group 0008");

		DicomHeader header = DicomParser.parse(file);

		assertTrue(DicomParser.isDicom(file), "recognised as DICOM");
		assertEquals(DicomTransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, header.transferSyntax(),
			"guessed syntax");
		assertEquals(Integer.valueOf(3), header.integer(DicomTag.COLUMNS), "Columns");
		assertEquals(-5, PixelDecoder.readStored(header, PixelFormat.of(header)).values[0],
			"first stored value");
	}

	@Test
	void textFileIsNotDicom() throws IOException {
		Path file = folder.resolve("README.md");
		Files.write(file, "# Scans\nTwo series of the head phantom.\n".getBytes(
			StandardCharsets.UTF_8));

		assertFalse(DicomParser.isDicom(file), "README is not DICOM");
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> DicomParser
			.parse(file));
		assertTrue(e.getMessage().startsWith(file + ": not a DICOM file"), e.getMessage());
	}

	@Test
	void lengthBeyondFileEndIsRejected() throws IOException {
		Path file = DicomTestFiles.write(folder.resolve("long.dcm"), DicomTestFiles.minimalImage(16,
			true, new short[6]), DicomTransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
		byte[] bytes = Files.readAllBytes(file);
		int rows = indexOf(bytes, new byte[] { 0x28, 0, 0x10, 0 });
		ByteBuffer.wrap(bytes, rows + 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7FFFFFF0);
		Files.write(file, bytes);

		InvalidInputException e = assertThrows(InvalidInputException.class, () -> DicomParser
			.parse(file));

		assertTrue(e.getMessage().contains("element (0028,0010) at offset " + rows +
			" declares 2147483632 bytes"), e.getMessage());
	}

	@Test
	void everyTruncationFailsCleanly() throws IOException {
		Path source = DicomTestFiles.write(folder.resolve("full.dcm"), DicomTestFiles.minimalImage(
			12, false, new short[6]), DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		byte[] bytes = Files.readAllBytes(source);
		Path file = folder.resolve("cut.dcm");
		int failures = 0;
		for (int length = 0; length < bytes.length; length++) {
			Files.write(file, Arrays.copyOf(bytes, length));
			try {
				DicomHeader header = DicomParser.parse(file);
				// Cut at an element boundary before Pixel Data: a header without an image.
				assertFalse(header.hasPixelData(), "length " + length + " has no complete pixels");
			} catch (InvalidInputException e) {
				assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e
					.getMessage());
				failures++;
			}
		}
		assertTrue(failures > bytes.length / 2, "most cuts raise an error: " + failures);
	}

	@Test
	void randomGarbageNeverHangs() throws IOException {
		Random random = new Random(11);
		Path file = folder.resolve("garbage.dcm");
		for (int trial = 0; trial < 200; trial++) {
			byte[] bytes = new byte[132 + random.nextInt(4000)];
			random.nextBytes(bytes);
			System.arraycopy(new byte[] { 'D', 'I', 'C', 'M' }, 0, bytes, 128, 4);
			if (trial % 2 == 1) {
				// No preamble: group 0008 at offset 0, the rest random.
				bytes[0] = 0x08;
				bytes[1] = 0;
				bytes[128] = 0;
			}
			Files.write(file, bytes);
			assertTimeoutPreemptively(PARSE_TIME_LIMIT, () -> {
				try {
					DicomParser.parse(file);
				} catch (InvalidInputException e) {
					assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
				}
			}, "trial " + trial);
		}
	}

	@Test
	void deepNestingIsRejected() throws IOException {
		DicomDataSet item = new DicomDataSet().text(DicomTag.MODALITY, "CS", "CT");
		for (int depth = 0; depth < DicomParser.MAX_NESTING + 2; depth++) {
			item = new DicomDataSet().sequence(0x00081115, List.of(item), true);
		}
		DicomDataSet data = DicomTestFiles.minimalImage(16, true, new short[6]);
		data.sequence(0x00082112, List.of(item), true);
		Path file = DicomTestFiles.write(folder.resolve("deep.dcm"), data,
			DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

		InvalidInputException e = assertThrows(InvalidInputException.class, () -> DicomParser
			.parse(file));

		assertTrue(e.getMessage().contains("nested deeper than 32 levels"), e.getMessage());
	}

	@Test
	void oversizedKeptValueIsRejected() throws IOException {
		DicomDataSet data = DicomTestFiles.minimalImage(16, true, new short[6]);
		char[] description = new char[DicomParser.MAX_KEPT_VALUE_BYTES + 2];
		Arrays.fill(description, 'A');
		data.text(DicomTag.SERIES_DESCRIPTION, "UT", new String(description));
		Path file = DicomTestFiles.write(folder.resolve("big.dcm"), data,
			DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

		InvalidInputException e = assertThrows(InvalidInputException.class, () -> DicomParser
			.parse(file));

		assertTrue(e.getMessage().contains("SeriesDescription (0008,103E) has a 65538-byte value"),
			e.getMessage());
	}

	@Test
	void undecodableSyntaxIsNamedWhenPixelsAreRead() throws IOException {
		Path file = DicomTestFiles.write(folder.resolve("htj2k.dcm"), DicomTestFiles.minimalImage(
			16, true, new short[6]), DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		DicomTestFiles.setTransferSyntaxUid(file, "1.2.840.10008.1.2.4.201");

		DicomHeader header = DicomParser.parse(file);
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> PixelFormat.of(
			header));

		assertEquals(file + ": compressed transfer syntax High-Throughput JPEG 2000 Image" +
			" Compression (Lossless Only) (1.2.840.10008.1.2.4.201) is not supported yet; convert the file to Explicit VR" +
			" Little Endian first, e.g. with 'gdcmconv --raw' (GDCM) or 'dcmdjpeg' / 'dcmdjpls'" +
			" (DCMTK)", e.getMessage(), "message");
	}

	@Test
	void compressedSyntaxWithNativePixelDataIsRejected() throws IOException {
		Path file = DicomTestFiles.write(folder.resolve("j2k.dcm"), DicomTestFiles.minimalImage(16,
			true, new short[6]), DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		DicomTestFiles.setTransferSyntaxUid(file, "1.2.840.10008.1.2.4.90");

		DicomHeader header = DicomParser.parse(file);
		InvalidInputException e = assertThrows(InvalidInputException.class, () -> PixelFormat.of(
			header));

		assertEquals(file + ": Pixel Data has a defined length of 12 bytes, but the compressed" +
			" transfer syntax JPEG 2000 Image Compression (Lossless Only) needs encapsulated" +
			" fragments of undefined length", e.getMessage(), "message");
	}

	@Test
	void deflatedHeaderIsInflatedUpToPixelData() throws IOException {
		DicomDataSet image = DicomTestFiles.minimalImage(16, true, new short[6]);
		image.text(DicomTag.SERIES_DESCRIPTION, "LO", "DEFLATED");
		image.text(DicomTag.PATIENT_NAME, "PN", DicomTestFiles.PATIENT_NAME);
		Path file = DicomTestFiles.write(folder.resolve("deflated.dcm"), image,
			DicomTransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

		DicomHeader header = DicomParser.parse(file);

		assertEquals("DEFLATED", header.text(DicomTag.SERIES_DESCRIPTION), "description");
		assertEquals(12, header.pixelDataLength(), "Pixel Data length");
		assertTrue(header.pixelData().deflatedStart > 0, "deflate stream offset recorded");
		assertFalse(header.values().toString().contains("PHANTOM"), "name is nowhere");
	}

	@Test
	void badDeflateAndUnknownSyntaxFail() throws IOException {
		List<String> messages = new ArrayList<>();
		for (String uid : new String[] { "1.2.840.10008.1.2.1.99", "1.2.3.4.5.6" }) {
			DicomDataSet image = DicomTestFiles.minimalImage(16, true, new short[6]);
			Path file = DicomTestFiles.write(folder.resolve(uid + ".dcm"), image,
				DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
			// The data set stays uncompressed, so it is not a valid deflate stream.
			DicomTestFiles.setTransferSyntaxUid(file, uid);
			messages.add(assertThrows(InvalidInputException.class, () -> DicomParser.parse(file))
				.getMessage());
		}

		assertTrue(messages.get(0).contains("corrupt deflate stream"), messages.get(0));
		assertTrue(messages.get(1).contains("unknown transfer syntax 1.2.3.4.5.6"), messages.get(
			1));
	}

	private static int indexOf(byte[] bytes, byte[] pattern) {
		for (int i = 0; i + pattern.length <= bytes.length; i++) {
			if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + pattern.length), pattern)) return i;
		}
		throw new AssertionError("pattern not found");
	}
}
