package org.ctheatmap.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.dicom.DicomSeriesReader;
import org.ctheatmap.io.nifti.NiftiReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the phantom and compares it with the committed
 * {@code test-images/}, so the generator and the files cannot drift apart.
 */
class PhantomWriterTest {

	private static final Path COMMITTED = Paths.get("test-images");

	@TempDir
	static Path generated;

	@BeforeAll
	static void generate() throws IOException {
		PhantomWriter.write(generated, ProgressListener.NONE);
	}

	@Test
	void groundTruthIsByteIdentical() throws IOException {
		assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(PhantomWriter.GROUND_TRUTH)),
			Files.readAllBytes(generated.resolve(PhantomWriter.GROUND_TRUTH)),
			"ground-truth.json regenerated");
	}

	@Test
	void niftiFilesAreByteIdentical() throws IOException {
		for (PhantomTimePoint timePoint : PhantomTimePoint.standardSeries()) {
			String name = PhantomWriter.niftiFileName(timePoint);
			assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(name)), Files.readAllBytes(
				generated.resolve(name)), name + " regenerated");
		}
	}

	@Test
	void dicomFilesAreByteIdentical() throws IOException {
		for (PhantomTimePoint timePoint : PhantomTimePoint.standardSeries()) {
			String folder = PhantomWriter.dicomFolderName(timePoint);
			List<String> names = list(COMMITTED.resolve(folder));
			assertEquals(names, list(generated.resolve(folder)), "File names in " + folder);
			for (String name : names) {
				assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(folder).resolve(name)), Files
					.readAllBytes(generated.resolve(folder).resolve(name)), folder + "/" + name +
						" regenerated");
			}
		}
	}

	@Test
	void filesMatchTheGenerator() throws IOException {
		for (PhantomTimePoint timePoint : PhantomTimePoint.standardSeries()) {
			CtVolume expected = PhantomGenerator.generate(timePoint);
			CtVolume dicom = DicomSeriesReader.read(generated.resolve(PhantomWriter
				.dicomFolderName(timePoint)), ReadOptions.DEFAULT);
			CtVolume nifti = NiftiReader.read(generated.resolve(PhantomWriter.niftiFileName(
				timePoint)), ReadOptions.DEFAULT);
			assertSameVoxels(expected, dicom, "DICOM of " + timePoint);
			assertSameVoxels(expected, nifti, "NIfTI of " + timePoint);
			assertTrue(dicom.warnings().isEmpty(), "DICOM warnings of " + timePoint + ": " + dicom
				.warnings());
		}
	}

	@Test
	void dicomCarriesNoPatientInMetadata() throws IOException {
		CtVolume dicom = DicomSeriesReader.read(generated.resolve(PhantomWriter.dicomFolderName(
			PhantomTimePoint.BASELINE)), ReadOptions.DEFAULT);
		String text = dicom.metadata().toString();
		assertFalse(text.contains(PhantomWriter.FAKE_PATIENT_NAME), "Patient name in " + text);
		assertFalse(text.contains(PhantomWriter.FAKE_PATIENT_ID), "Patient ID in " + text);
		assertFalse(text.contains(PhantomWriter.FAKE_BIRTH_DATE), "Birth date in " + text);
	}

	private static void assertSameVoxels(CtVolume expected, CtVolume actual, String label) {
		assertEquals(expected.width(), actual.width(), "Width of " + label);
		assertEquals(expected.height(), actual.height(), "Height of " + label);
		assertEquals(expected.depth(), actual.depth(), "Depth of " + label);
		for (int n = 1; n <= expected.depth(); n++) {
			assertArrayEquals((float[]) expected.image().getStack().getPixels(n), (float[]) actual
				.image().getStack().getPixels(n), "HU of slice " + n + " of " + label);
		}
	}

	private static List<String> list(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors
				.toList());
		}
	}
}
