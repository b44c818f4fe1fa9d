package org.ctheatmap.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.io.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyFinderTest {

	private static final Path SLICE = BatchInputs.DICOM.resolve("CT00001.dcm");

	@TempDir
	Path root;

	@Test
	void findsFoldersAndFiles() throws IOException {
		Path in = Files.createDirectories(root.resolve("in"));
		dicom(in.resolve("p01/CT00001.dcm"));
		dicom(in.resolve("nested/a/b/IMG0001"));
		text(in.resolve("notes/readme.txt"));
		for (String name : new String[] { "p02.nii.gz", "P03.TIF", "scan.nrrd", "scan.raw",
			"x.mhd", "x.zraw", "s1.dcm", "s2.dcm", ".hidden.nii", "readme.md" })
		{
			text(in.resolve(name));
		}
		dicom(in.resolve("IM0001"));
		Files.createDirectories(in.resolve("out"));

		StudyList list = StudyFinder.find(in, in.resolve("out"));
		assertEquals(Arrays.asList("P03", "nested", "p01", "p02", "s1", "s2", "scan", "x"), names(
			list), "study names, sorted with upper case first");
		Study nested = list.byName("nested");
		assertEquals(in.toRealPath().resolve("nested"), nested.input(), "input of a DICOM tree");
		assertEquals(in.toRealPath().resolve("p02.nii.gz"), list.byName("p02").input(),
			"input of a file");
		List<String> notes = list.notes();
		assertEquals(6, notes.size(), "notes: " + notes);
		assertTrue(notes.contains("notes/: ignored, contains no DICOM files"), "folder note: " +
			notes);
		assertTrue(notes.get(0).startsWith("IM0001: ignored, a DICOM file without the .dcm" +
			" extension"), "DICOM file note: " + notes);
		assertTrue(notes.stream().anyMatch(n -> n.startsWith("readme.md: ignored")),
			"other file note: " + notes);
		assertTrue(notes.stream().anyMatch(n -> n.startsWith("scan.raw: ignored")),
			"data file of a detached header: " + notes);
		assertTrue(notes.stream().anyMatch(n -> n.startsWith("x.zraw: ignored")),
			"data file of a MetaImage header: " + notes);
		assertTrue(notes.get(notes.size() - 1).startsWith("2 .dcm files in the input folder" +
			" itself are 2 separate studies"), "several top-level DICOM files: " + notes);
	}

	@Test
	void clashingNamesKeepFileNames() throws IOException {
		Path in = Files.createDirectories(root.resolve("in"));
		dicom(in.resolve("dup/CT00001.dcm"));
		text(in.resolve("dup.nii"));
		text(in.resolve("DUP.tif"));
		text(in.resolve("one.nii"));
		text(in.resolve("batch-summary.csv.nii"));
		StudyList list = StudyFinder.find(in, root.resolve("out"));
		assertEquals(Arrays.asList("DUP.tif", "batch-summary.csv.nii", "dup", "dup.nii", "one"),
			names(list), "names");
	}

	@Test
	void linkedFolderReadThroughTarget() throws IOException {
		Path series = dicom(root.resolve("archive/series7/CT00001.dcm")).getParent();
		Path in = Files.createDirectories(root.resolve("in"));
		Files.createSymbolicLink(in.resolve("p07"), series);
		StudyList list = StudyFinder.find(in, root.resolve("out"));
		assertEquals(Collections.singletonList("p07"), names(list), "named after the link");
		assertEquals(series.toRealPath(), list.byName("p07").input(), "input is the target");
	}

	@Test
	void indexAndNameSelectStudies() throws IOException {
		Path in = Files.createDirectories(root.resolve("in"));
		text(in.resolve("b.nii"));
		text(in.resolve("a.nii"));
		StudyList list = StudyFinder.find(in, root.resolve("out"));
		assertEquals("a", list.byIndex(0).name(), "index 0");
		assertEquals("b", list.byIndex(1).name(), "index 1");
		IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
			() -> list.byIndex(2));
		assertEquals("study index 2 is outside 0..1; the input folder contains 2 studies", outside
			.getMessage(), "message");
		assertThrows(IllegalArgumentException.class, () -> list.byIndex(-1), "index -1");
		assertThrows(IllegalArgumentException.class, () -> list.byName("c"), "unknown name");
	}

	@Test
	void badFoldersAreRejected() throws IOException {
		Path in = Files.createDirectories(root.resolve("in"));
		dicom(in.resolve("p01/CT00001.dcm"));
		InvalidInputException missing = assertThrows(InvalidInputException.class,
			() -> StudyFinder.find(root.resolve("absent"), root.resolve("out")));
		assertTrue(missing.getMessage().endsWith("absent: folder not found"), missing
			.getMessage());
		Path file = text(root.resolve("file.nii"));
		InvalidInputException notFolder = assertThrows(InvalidInputException.class,
			() -> StudyFinder.find(file, root.resolve("out")));
		assertTrue(notFolder.getMessage().contains("is a file"), notFolder.getMessage());
		InvalidInputException same = assertThrows(InvalidInputException.class,
			() -> StudyFinder.find(in, in.resolve("x/..")));
		assertTrue(same.getMessage().contains("is the input folder"), same.getMessage());
		InvalidInputException inside = assertThrows(InvalidInputException.class,
			() -> StudyFinder.find(in, in.resolve("p01/out")));
		assertTrue(inside.getMessage().contains("lies inside the study folder"), inside
			.getMessage());
	}

	@Test
	void probeRecognisesDicom() throws IOException {
		Path withPreamble = Files.copy(SLICE, root.resolve("IMG1"));
		assertTrue(DicomProbe.looksLikeDicom(withPreamble), "preamble and DICM");
		byte[] slice = Files.readAllBytes(SLICE);
		Path noPreamble = root.resolve("IMG2");
		Files.write(noPreamble, Arrays.copyOfRange(slice, 132, slice.length));
		assertTrue(DicomProbe.looksLikeDicom(noPreamble), "starts with group 0002");
		assertFalse(DicomProbe.looksLikeDicom(text(root.resolve("notes.txt"))), "text file");
		Path tiny = root.resolve("tiny");
		Files.write(tiny, new byte[] { 8, 0, 5, 0 });
		assertFalse(DicomProbe.looksLikeDicom(tiny), "4 bytes");
		assertTrue(DicomProbe.looksLikeDicom(text(root.resolve("empty.dcm"))), "by extension");
		Path hidden = Files.createDirectories(root.resolve("only-hidden"));
		dicom(hidden.resolve(".cache/IMG1"));
		dicom(hidden.resolve(".IMG2"));
		assertFalse(DicomProbe.containsDicom(hidden), "hidden entries are skipped");
	}

	private static List<String> names(StudyList list) {
		List<String> names = new ArrayList<>();
		for (Study study : list.studies()) {
			names.add(study.name());
		}
		return names;
	}

	private static Path dicom(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.copy(SLICE, file);
	}

	private static Path text(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.write(file, "not an image\n".getBytes(StandardCharsets.UTF_8));
	}
}
