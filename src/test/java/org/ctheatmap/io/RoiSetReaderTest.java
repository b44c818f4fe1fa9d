package org.ctheatmap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

class RoiSetReaderTest {

	@Test
	void roundTripKeepsNamesAndPositions(@TempDir Path folder) throws IOException {
		Roi top = new OvalRoi(3, 4, 10, 8);
		top.setName("lesion");
		top.setPosition(4);
		Roi bottom = new PolygonRoi(new int[] { 1, 9, 5 }, new int[] { 1, 2, 8 }, 3,
			Roi.POLYGON);
		bottom.setName("lesion");
		bottom.setPosition(0, 5, 2);
		Roi grouped = new Roi(1, 1, 4, 4);
		grouped.setGroup(12);
		Path file = folder.resolve("set.zip");
		RoiSetWriter.write(Arrays.asList(top, bottom, grouped), file);

		List<Roi> rois = RoiSetReader.read(file);
		assertEquals(3, rois.size(), "ROI count");
		assertEquals("lesion", rois.get(0).getName(), "stored name");
		assertEquals("lesion", rois.get(1).getName(),
			"second ROI of one name keeps its name, not the entry name lesion-1");
		assertEquals(4, rois.get(0).getPosition(), "stack position");
		assertEquals(5, rois.get(1).getZPosition(), "hyperstack slice");
		assertEquals(2, rois.get(1).getTPosition(), "hyperstack frame");
		assertEquals(12, rois.get(2).getGroup(), "group");
		assertEquals(Roi.OVAL, rois.get(0).getType(), "oval type");
	}

	@Test
	void entryNamesFollowRoiManager(@TempDir Path folder) throws IOException {
		Roi a = new Roi(0, 0, 2, 2);
		a.setName("lesion");
		Roi b = (Roi) a.clone();
		Path file = folder.resolve("set.zip");
		RoiSetWriter.write(Arrays.asList(a, b, new Roi(0, 0, 1, 1)), file);

		List<String> entries = new ArrayList<>();
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
			zip.stream().forEach(e -> entries.add(e.getName()));
		}
		assertEquals(Arrays.asList("lesion.roi", "lesion-1.roi", "ROI 3.roi"), entries,
			"entry names");
	}

	@Test
	void nameFallsBackToEntryName(@TempDir Path folder) throws IOException {
		Path file = folder.resolve("set.zip");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("0004-0100-0200.roi"));
			zip.write(RoiEncoder.saveAsByteArray(new Roi(0, 0, 3, 3)));
			zip.putNextEntry(new ZipEntry("notes.txt"));
			zip.write("not a ROI".getBytes("UTF-8"));
		}
		List<Roi> rois = RoiSetReader.read(file);
		assertEquals(1, rois.size(), "non-.roi entries are skipped");
		assertEquals("0004-0100-0200", rois.get(0).getName(), "entry name without .roi");
	}

	@Test
	void singleRoiFile(@TempDir Path folder) throws IOException {
		Path file = folder.resolve("one.roi");
		Roi roi = new OvalRoi(1, 2, 3, 4);
		roi.setName("spot");
		Files.write(file, RoiEncoder.saveAsByteArray(roi));
		assertEquals("spot", RoiSetReader.read(file).get(0).getName(), "single .roi file");
	}

	@Test
	void invalidInputsNameTheFile(@TempDir Path folder) throws IOException {
		Path missing = folder.resolve("missing.zip");
		assertMessage(missing, "not found");

		Path text = folder.resolve("rois.txt");
		Files.write(text, new byte[] { 1 });
		assertMessage(text, "not a ROI set");

		Path notZip = folder.resolve("broken.zip");
		Files.write(notZip, "plain text, not a zip".getBytes("UTF-8"));
		assertMessage(notZip, "no .roi entry");

		Path truncated = folder.resolve("truncated.zip");
		byte[] roi = RoiEncoder.saveAsByteArray(new OvalRoi(1, 2, 3, 4));
		try (OutputStream out = Files.newOutputStream(truncated);
			ZipOutputStream zip = new ZipOutputStream(out))
		{
			zip.putNextEntry(new ZipEntry("cut.roi"));
			zip.write(roi, 0, 20);
		}
		assertMessage(truncated, "'cut.roi' is not a valid ImageJ ROI");

		Path garbage = folder.resolve("garbage.roi");
		Files.write(garbage, new byte[100]);
		assertMessage(garbage, "not a valid ImageJ ROI");
	}

	private static void assertMessage(Path file, String expected) {
		InvalidInputException e = assertThrows(InvalidInputException.class,
			() -> RoiSetReader.read(file), file.toString());
		assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}
}
