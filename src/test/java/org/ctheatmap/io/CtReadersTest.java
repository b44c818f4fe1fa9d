package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ctheatmap.core.CtVolume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtReadersTest {

	private static final Path IMAGES = Paths.get("test-images");

	@Test
	void opensEachFormatWithSameHu(@TempDir Path folder) throws IOException {
		CtVolume dicom = CtReaders.open(IMAGES.resolve("baseline-dicom"), ReadOptions.DEFAULT);
		CtVolume nifti = CtReaders.open(IMAGES.resolve("baseline.nii.gz"), ReadOptions.DEFAULT);
		Path tiff = folder.resolve("baseline.tif");
		IJ.saveAsTiff(dicom.image(), tiff.toString());
		CtVolume fromTiff = CtReaders.open(tiff, ReadOptions.DEFAULT);
		assertEquals("DICOM", dicom.metadata().get("Format"), "Format of the folder");
		assertTrue(nifti.metadata().get("Format").startsWith("NIfTI"), "Format of .nii.gz: " +
			nifti.metadata().get("Format"));
		for (int n = 1; n <= dicom.depth(); n++) {
			float[] expected = (float[]) dicom.image().getStack().getPixels(n);
			assertArrayEquals(expected, (float[]) nifti.image().getStack().getPixels(n),
				"NIfTI HU of slice " + n);
			assertArrayEquals(expected, (float[]) fromTiff.image().getStack().getPixels(n),
				"TIFF HU of slice " + n);
		}
	}

	@Test
	void missingPathIsNamed() {
		Path missing = Paths.get("no-such-folder", "scan");
		InvalidInputException error = assertThrows(InvalidInputException.class, () -> CtReaders
			.open(missing, ReadOptions.DEFAULT), "Missing input");
		assertEquals(missing + ": file or folder not found", error.getMessage(), "Message");
	}

	@Test
	void textFileIsRejectedAsDicom(@TempDir Path folder) throws IOException {
		Path text = folder.resolve("notes.txt");
		Files.write(text, "not a CT".getBytes(StandardCharsets.UTF_8));
		InvalidInputException error = assertThrows(InvalidInputException.class, () -> CtReaders
			.open(text, ReadOptions.DEFAULT), "Text file");
		assertTrue(error.getMessage().startsWith(text.toString()), "Message names the file: " +
			error.getMessage());
	}
}
