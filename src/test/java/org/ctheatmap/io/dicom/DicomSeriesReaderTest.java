package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Series grouping, choice, sorting and the checks on irregular stacks. */
class DicomSeriesReaderTest {

	/** Positions are written as decimal strings of up to 16 characters. */
	private static final double POSITION_TOL_MM = 1e-9;

	@TempDir
	Path folder;

	@Test
	void sortsByPositionNotNameOrInstance() throws IOException {
		CtVolume original = DicomTestFiles.volume(4, 3, 6, DicomTestFiles.axial(0.5, 0.5, 3));
		List<Path> files = DicomSeriesWriter.write(original, folder, DicomWriteOptions.builder()
			.instanceOrder(DicomWriteOptions.InstanceOrder.REVERSED).fileNaming(
				DicomWriteOptions.FileNaming.SHUFFLED, 7).build());
		List<String> sortedNames = new ArrayList<>();
		files.forEach(f -> sortedNames.add(f.getFileName().toString()));
		List<String> byName = new ArrayList<>(sortedNames);
		Collections.sort(byName);
		assertFalse(byName.equals(sortedNames), "test setup: names must not follow slice order");

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		for (int z = 0; z < 6; z++) {
			assertEquals(sortedNames.get(z), read.image().getStack().getSliceLabel(z + 1),
				"file of slice " + z);
			assertArrayEquals((float[]) original.image().getStack().getPixels(z + 1),
				(float[]) read.image().getStack().getPixels(z + 1), "HU of slice " + z);
		}
		assertEquals(3.0, read.geometry().spacing()[2], POSITION_TOL_MM, "slice spacing");
		assertTrue(read.warnings().isEmpty(), "no warnings for a regular stack: " + read
			.warnings());
	}

	@Test
	void choosesLargestSeriesAndNamesOthers() throws IOException {
		String large = writeInterleavedSeries();

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		assertEquals(5, read.depth(), "slices of the larger series");
		assertEquals(large, read.metadata().get("SeriesInstanceUID"), "chosen UID");
		String note = read.warnings().get(0);
		assertTrue(note.contains("Read series " + large), "note names the choice: " + note);
		assertTrue(note.contains("largest CT series"), "note gives the reason: " + note);
		assertTrue(note.contains("1.2.826.0.1.2 \"SMALL\" (CT, 3 images)"),
			"note lists the other series: " + note);
	}

	@Test
	void choosesSeriesByUid() throws IOException {
		writeInterleavedSeries();

		CtVolume read = DicomSeriesReader.read(folder, new ReadOptions("1.2.826.0.1.2", null));

		assertEquals(3, read.depth(), "slices of the requested series");
		assertEquals("SMALL", read.image().getTitle(), "title from Series Description");
		assertTrue(read.warnings().get(0).contains("as requested"), "note: " + read.warnings());
	}

	@Test
	void unknownUidListsSeries() throws IOException {
		writeInterleavedSeries();

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(folder, new ReadOptions("9.9.9", null)));

		assertTrue(e.getMessage().contains("9.9.9"), "message names the UID: " + e.getMessage());
		assertTrue(e.getMessage().contains("\"SMALL\""), "message lists series: " + e
			.getMessage());
	}

	@Test
	void scanListsBothSeries() throws IOException {
		String large = writeInterleavedSeries();

		List<DicomSeriesInfo> series = DicomSeriesReader.scan(folder);

		assertEquals(2, series.size(), "series count");
		assertEquals(large, series.get(0).seriesInstanceUid(), "largest first");
		assertEquals(5, series.get(0).sliceCount(), "slices of the first");
		assertEquals(3, series.get(1).sliceCount(), "slices of the second");
		assertArrayEquals(new double[] { 0.5, 0.5, 2 }, series.get(0).spacing(), POSITION_TOL_MM,
			"spacing of the first");
		assertTrue(series.get(0).readable(), "first is readable");
	}

	/** Writes series of 5 and 3 slices into one folder with interleaved names. */
	private String writeInterleavedSeries() throws IOException {
		String large = "1.2.826.0.1.1";
		List<Path> files = new ArrayList<>();
		files.addAll(DicomSeriesWriter.write(DicomTestFiles.volume(4, 3, 5, DicomTestFiles.axial(
			0.5, 0.5, 2)), folder.resolve("a"), DicomWriteOptions.builder().uids(null, large, null)
				.series("LARGE", 2).build()));
		files.addAll(DicomSeriesWriter.write(DicomTestFiles.volume(4, 3, 3, DicomTestFiles.axial(
			0.5, 0.5, 4)), folder.resolve("b"), DicomWriteOptions.builder().uids(null,
				"1.2.826.0.1.2", null).series("SMALL", 3).build()));
		Collections.shuffle(files, new Random(3));
		for (int i = 0; i < files.size(); i++) {
			Files.move(files.get(i), folder.resolve("IM" + i));
		}
		Files.delete(folder.resolve("a"));
		Files.delete(folder.resolve("b"));
		return large;
	}

	@Test
	void unevenStepsAreReportedWithNumbers() throws IOException {
		DicomTestFiles.writeSlices(folder, "1.2.3.5", DicomTestFiles.zPositions(0, 2.5, 5, 8,
			10.5));

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		String warnings = String.join("\n", read.warnings());
		assertTrue(warnings.contains("Uneven slice spacing: 1 of 4 steps"), warnings);
		assertTrue(warnings.contains("median step of 2.5 mm"), warnings);
		assertTrue(warnings.contains("from 3 to 3 mm"), warnings);
		assertTrue(warnings.contains("up to 0.5 mm away"), warnings);
		assertEquals(2.5, read.geometry().spacing()[2], POSITION_TOL_MM, "median spacing");
	}

	@Test
	void missingSliceIsReported() throws IOException {
		DicomTestFiles.writeSlices(folder, "1.2.3.5", DicomTestFiles.zPositions(0, 2.5, 5, 10,
			12.5));

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		String warnings = String.join("\n", read.warnings());
		assertTrue(warnings.contains("the gap between S3.dcm and S4.dcm is 5 mm, 2 times the" +
			" usual step of 2.5 mm, so about 1 slice(s) are missing"), warnings);
		assertFalse(warnings.contains("Uneven"), "a missing slice is not uneven: " + warnings);
		assertEquals(5, read.depth(), "slices are kept as found");
	}

	@Test
	void missingSliceInShortStack() throws IOException {
		DicomTestFiles.writeSlices(folder, "1.2.3.5", DicomTestFiles.zPositions(0, 2.5, 7.5));

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		String warnings = String.join("\n", read.warnings());
		assertTrue(warnings.contains("the gap between S2.dcm and S3.dcm is 5 mm"), warnings);
		assertEquals(2.5, read.geometry().spacing()[2], POSITION_TOL_MM, "usual step");
	}

	@Test
	void rescaleMayDifferPerSlice() throws IOException {
		CtVolume lower = DicomTestFiles.volume(4, 3, 2, DicomTestFiles.axial(0.5, 0.5, 2));
		PatientGeometry upperGeometry = PatientGeometry.axial(new double[] { -120.5, 33.25, 704 },
			new double[] { 0.5, 0.5, 2 });
		CtVolume upper = DicomTestFiles.volume(4, 3, 2, upperGeometry);
		DicomSeriesWriter.write(lower, folder.resolve("p1"), DicomWriteOptions.builder().uids("1",
			"1.5", "1.6").build());
		DicomSeriesWriter.write(upper, folder.resolve("p2"), DicomWriteOptions.builder().uids("1",
			"1.5", "1.6").signed(false).rescale(0.5, -1024.5).build());

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		assertEquals(4, read.depth(), "slices of both parts");
		for (int z = 0; z < 4; z++) {
			CtVolume part = z < 2 ? lower : upper;
			assertArrayEquals((float[]) part.image().getStack().getPixels(z % 2 + 1),
				(float[]) read.image().getStack().getPixels(z + 1), "HU of slice " + z);
		}
		assertEquals("HU = stored x slope + intercept with the Rescale Slope/Intercept of each" +
			" slice, which differ between slices: slope 0.5 to 1, intercept -1024.5 to -1024",
			read.huConversion(), "conversion text");
	}

	@Test
	void duplicatePositionKeepsOne() throws IOException {
		DicomTestFiles.writeSlices(folder, "1.2.3.5", DicomTestFiles.zPositions(0, 2.5, 2.5, 5));

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		assertEquals(3, read.depth(), "one of the duplicates is dropped");
		assertEquals("S2.dcm", read.image().getStack().getSliceLabel(2), "kept file");
		String warnings = String.join("\n", read.warnings());
		assertTrue(warnings.contains("S3.dcm duplicates S2.dcm at 2.5 mm"), warnings);
		assertEquals(2.5, read.geometry().spacing()[2], POSITION_TOL_MM, "spacing");
	}

	@Test
	void gantryTiltKeepsExactPositions() throws IOException {
		double tilt = Math.toRadians(18.5);
		PatientGeometry sheared = new PatientGeometry(new double[] { -123.5, -15.6, 777.3 },
			new double[] { 1, 0, 0 }, new double[] { 0, Math.cos(tilt), -Math.sin(tilt) },
			new double[] { 0, 0, 1 }, new double[] { 0.5, 0.5, 2.5 });
		CtVolume original = DicomTestFiles.volume(4, 3, 6, sheared);
		DicomSeriesWriter.write(original, folder, DicomWriteOptions.builder().build());

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		String warnings = String.join("\n", read.warnings());
		assertTrue(warnings.contains("Gantry tilt: slice positions step 2.5 mm"), warnings);
		assertTrue(warnings.contains("18.50 degrees"), warnings);
		assertTrue(warnings.contains("Spacing along the normal is 2.3708 mm"), warnings);
		assertEquals(18.5, read.geometry().tiltDegrees(), 1e-6, "tilt of the geometry");
		assertEquals(2.5, read.geometry().spacing()[2], POSITION_TOL_MM, "step length");
		for (int k = 0; k < 6; k++) {
			assertArrayEquals(sheared.voxelToPatient(0, 0, k), read.geometry().voxelToPatient(0, 0,
				k), POSITION_TOL_MM, "position of slice " + k);
		}
	}

	@Test
	void nonImageObjectIsSkippedWithNote() throws IOException {
		DicomSeriesWriter.write(DicomTestFiles.volume(4, 3, 2, DicomTestFiles.axial(1, 1, 1)),
			folder, DicomWriteOptions.builder().build());
		DicomDataSet report = new DicomDataSet();
		report.text(DicomTag.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.88.11");
		report.text(DicomTag.MODALITY, "CS", "SR");
		report.text(DicomTag.SERIES_INSTANCE_UID, "UI", "1.2.3.77");
		DicomDataSet content = new DicomDataSet().text(0x0040A160, "UT", "No findings.");
		report.sequence(0x0040A730, List.of(content, content), true);
		DicomSeriesWriter.writeFile(folder.resolve("report.dcm"), report,
			"1.2.840.10008.5.1.4.1.1.88.11", "1.2.3.78",
			DicomTransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		assertEquals(2, read.depth(), "image slices");
		String warnings = String.join("\n", read.warnings());
		assertTrue(warnings.contains("Skipped 1 non-image object(s)"), warnings);
		assertTrue(warnings.contains("report.dcm (SR)"), warnings);
	}

	@Test
	void localizerWithOtherOrientationIsSkipped() throws IOException {
		DicomTestFiles.writeSlices(folder, "1.2.3.5", DicomTestFiles.zPositions(0, 2, 4));
		PatientGeometry sagittal = new PatientGeometry(new double[] { 0, 0, 0 }, new double[] { 0,
			1, 0 }, new double[] { 0, 0, -1 }, new double[] { 1, 0, 0 }, new double[] { 1, 1, 1 });
		Path scout = DicomSeriesWriter.write(DicomTestFiles.volume(4, 3, 1, sagittal), folder
			.resolve("scout"), DicomWriteOptions.builder().uids("1.2.3", "1.2.3.5", "1.2.3.4")
				.build()).get(0);

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		assertEquals(3, read.depth(), "axial slices");
		String warnings = String.join("\n", read.warnings());
		assertTrue(warnings.contains("Skipped 1 image(s) whose orientation differs"), warnings);
		assertTrue(warnings.contains(scout.getFileName() + " (IOP 0\\1\\0\\0\\0\\-1)"), warnings);
	}

	@Test
	void differentSizesInOneSeriesNameFiles() throws IOException {
		DicomTestFiles.writeSlices(folder, "1.2.3.5", DicomTestFiles.zPositions(0, 2));
		PatientGeometry geometry = PatientGeometry.axial(new double[] { 0, 0, 4 }, new double[] {
			0.5, 0.5, 1 });
		DicomSeriesWriter.write(DicomTestFiles.volume(5, 3, 1, geometry), folder.resolve("wide"),
			DicomWriteOptions.builder().uids("1.2.3", "1.2.3.5", "1.2.3.4").build());

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(folder, ReadOptions.DEFAULT));

		assertTrue(e.getMessage().contains("differ in size"), e.getMessage());
		assertTrue(e.getMessage().contains("5 x 3 pixels"), e.getMessage());
		assertTrue(e.getMessage().contains("4 x 3 pixels in S1.dcm"), e.getMessage());
	}

	@Test
	void truncatedFileNamesFile() throws IOException {
		List<Path> files = DicomSeriesWriter.write(DicomTestFiles.volume(4, 3, 4, DicomTestFiles
			.axial(1, 1, 1)), folder, DicomWriteOptions.builder().build());
		Path cut = files.get(1);
		DicomTestFiles.truncate(cut, (int) Files.size(cut) - 5);

		InvalidInputException single = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(cut, ReadOptions.DEFAULT));
		CtVolume rest = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		// The offset depends on the length of the generated UIDs.
		assertTrue(single.getMessage().startsWith(cut + ": truncated or corrupt file: element" +
			" (7FE0,0010) at offset "), single.getMessage());
		assertTrue(single.getMessage().endsWith(" declares 24 bytes but only 19 remain"), single
			.getMessage());
		assertEquals(3, rest.depth(), "readable slices of the folder");
		String warnings = String.join("\n", rest.warnings());
		assertTrue(warnings.contains("Skipped 1 unreadable DICOM file(s): " + cut +
			": truncated or corrupt file"), warnings);
		assertTrue(warnings.contains("Missing slices: the gap between CT00001.dcm and" +
			" CT00003.dcm is 2 mm"), warnings);
	}

	@Test
	void compressedSeriesNamesFileAndSyntax() throws IOException {
		List<Path> files = DicomSeriesWriter.write(DicomTestFiles.volume(4, 3, 2, DicomTestFiles
			.axial(1, 1, 1)), folder, DicomWriteOptions.builder().build());
		for (Path file : files) {
			DicomTestFiles.setTransferSyntaxUid(file, "1.2.840.10008.1.2.4.201");
		}

		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> DicomSeriesReader.read(folder, ReadOptions.DEFAULT));
		List<DicomSeriesInfo> series = DicomSeriesReader.scan(folder);

		assertTrue(e.getMessage().startsWith(files.get(0) + ": compressed transfer syntax" +
			" High-Throughput JPEG 2000 Image Compression (Lossless Only)" +
			" (1.2.840.10008.1.2.4.201) is not supported yet"), e.getMessage());
		assertFalse(series.get(0).readable(), "scan marks the series unreadable");
		assertTrue(series.get(0).warnings().get(0).contains("High-Throughput JPEG 2000"), series
			.get(0).warnings().toString());
	}

	@Test
	void ignoresTextAndHiddenFilesQuietly() throws IOException {
		DicomSeriesWriter.write(DicomTestFiles.volume(4, 3, 2, DicomTestFiles.axial(1, 1, 1)),
			folder, DicomWriteOptions.builder().build());
		Files.write(folder.resolve("README.md"), "# Phantom\n".getBytes(StandardCharsets.UTF_8));
		Files.write(folder.resolve(".DS_Store"), new byte[300]);

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		assertEquals(2, read.depth(), "slices");
		assertTrue(read.warnings().isEmpty(), "no notes on ignored files: " + read.warnings());
	}

	@Test
	void reportsProgressPerFile() throws IOException {
		DicomSeriesWriter.write(DicomTestFiles.volume(4, 3, 3, DicomTestFiles.axial(1, 1, 1)),
			folder, DicomWriteOptions.builder().build());
		List<String> reports = new ArrayList<>();

		DicomSeriesReader.read(folder, new ReadOptions(null, (step, done, total) -> reports.add(
			step + " " + done + "/" + total)));

		assertEquals(List.of("Reading DICOM headers 0/3", "Reading DICOM headers 1/3",
			"Reading DICOM headers 2/3", "Reading DICOM headers 3/3", "Reading DICOM pixels 0/3",
			"Reading DICOM pixels 1/3", "Reading DICOM pixels 2/3", "Reading DICOM pixels 3/3"),
			reports, "progress reports");
	}

	@Test
	void patientIdentityNeverReachesOutputs() throws IOException {
		DicomSeriesWriter.write(DicomTestFiles.volume(4, 3, 2, DicomTestFiles.axial(1, 1, 1)),
			folder, DicomWriteOptions.builder().patient(DicomTestFiles.PATIENT_NAME,
				DicomTestFiles.PATIENT_ID, DicomTestFiles.BIRTH_DATE).build());
		String written = new String(Files.readAllBytes(Files.list(folder).findFirst().get()),
			StandardCharsets.ISO_8859_1);
		assertTrue(written.contains(DicomTestFiles.PATIENT_NAME), "test setup: name is written");

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);
		List<DicomSeriesInfo> infos = DicomSeriesReader.scan(folder);

		StringBuilder outputs = new StringBuilder();
		outputs.append(read.metadata()).append(read.warnings()).append(read.huConversion());
		outputs.append(read.image().getTitle()).append(read.image().getInfoProperty());
		for (int z = 1; z <= read.depth(); z++) {
			outputs.append(read.image().getStack().getSliceLabel(z));
		}
		outputs.append(infos).append(infos.get(0).warnings());
		for (String identity : new String[] { "PHANTOM", DicomTestFiles.PATIENT_ID,
			DicomTestFiles.BIRTH_DATE })
		{
			assertFalse(outputs.toString().contains(identity), identity + " leaked into " +
				outputs);
		}
	}
}
