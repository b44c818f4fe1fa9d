package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CtFormatTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource({ "ct.nii, NIFTI", "CT.NII.GZ, NIFTI", "pair.hdr, NIFTI", "ct.nrrd, NRRD",
		"ct.nhdr, NRRD", "ct.mha, METAIMAGE", "ct.MHD, METAIMAGE", "stack.tif, TIFF",
		"slice.dcm, DICOM" })
	void extensionDecides(String name, CtFormat expected) throws IOException {
		Path file = Files.write(dir.resolve(name), new byte[] { 1, 2, 3 });
		assertEquals(expected, CtFormat.of(file), name);
	}

	@ParameterizedTest
	@CsvSource({ "'NRRD0004\ntype: short\n', NRRD", "'ObjectType = Image\n', METAIMAGE",
		"'NDims = 3\n', METAIMAGE", "'II*\u0000rest', TIFF", "'plain notes', UNKNOWN" })
	void signatureDecidesWithoutExtension(String content, CtFormat expected) throws IOException {
		Path file = Files.write(dir.resolve("IM0001"), content.getBytes(
			StandardCharsets.ISO_8859_1));
		assertEquals(expected, CtFormat.of(file), "content " + content);
	}

	@Test
	void dicomPreambleRecognised() throws IOException {
		byte[] bytes = new byte[200];
		System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, bytes, 128, 4);
		assertEquals(CtFormat.DICOM, CtFormat.of(Files.write(dir.resolve("I10"), bytes)),
			"DICM at byte 128");
	}

	@Test
	void folderIsDicomFolder() throws IOException {
		assertEquals(CtFormat.DICOM_FOLDER, CtFormat.of(dir), "folder");
	}
}
