package org.ctheatmap.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Roi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ctheatmap.compare.ChangeTable;
import org.ctheatmap.compare.ComparisonSettings;
import org.ctheatmap.compare.TimePoint;
import org.ctheatmap.compare.TimePointComparison;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.CtReaders;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.measure.RoiRegions;
import org.ctheatmap.measure.VoxelGrid;
import org.ctheatmap.phantom.PhantomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a report of the phantom baseline against its HU follow-up, both read from DICOM. */
class ComparisonReportTest {

	private static final Path BASELINE = Paths.get("test-images", "baseline-dicom");
	private static final Path FOLLOW_UP = Paths.get("test-images", "followup-hu-dicom");

	/** Report options without NIfTI files, for the tests of the folder handling. */
	private static final ReportOptions QUICK = new ReportOptions("coolwarm", 100, 50, ReportOptions
		.DEFAULT.window(), 0.5, 4, 2, false);

	private static TimePointComparison comparison;
	private static ChangeTable table;

	@TempDir
	static Path shared;

	private static Path report;

	@TempDir
	Path folder;

	@BeforeAll
	static void compare() throws IOException {
		CtVolume baseline = CtReaders.open(BASELINE, ReadOptions.DEFAULT);
		CtVolume followUp = CtReaders.open(FOLLOW_UP, ReadOptions.DEFAULT);
		comparison = TimePointComparison.run(baseline, TimePoint.of("baseline", baseline),
			Collections.singletonList(followUp), Collections.singletonList(TimePoint.of(
				"follow-up 1", followUp)), ComparisonSettings.DEFAULT, ProgressListener.NONE);
		int[] centre = PhantomGenerator.lesionCentreVoxel();
		Roi roi = new OvalRoi(centre[0] - 4, centre[1] - 4, 9, 9);
		roi.setName("lesion/core");
		roi.setPosition(centre[2] + 1);
		ImagePlus image = comparison.baselineVolume().image();
		table = comparison.changeTable(RoiRegions.group(Collections.singletonList(roi), VoxelGrid
			.of(image)), ProgressListener.NONE);
		report = write(shared, "report", ReportOptions.DEFAULT);
	}

	/** Releases the volumes, because every test class shares the fork's 512 MB heap. */
	@AfterAll
	static void release() {
		comparison = null;
		table = null;
	}

	@Test
	void writesEveryFile() throws IOException {
		for (String name : Arrays.asList("change-follow-up_1-hu.png",
			"change-follow-up_1-percent.png", "change-follow-up_1-hu.nii.gz",
			"change-follow-up_1-percent.nii.gz", "aligned-follow-up_1.nii.gz", "summary.csv",
			"changes.csv", "trend-lesion_core.png", "comparison.json"))
		{
			assertTrue(Files.isRegularFile(report.resolve(name)), name + " written");
		}
		try (Stream<Path> entries = Files.list(shared)) {
			assertEquals(1, entries.count(), "no temporary folder left beside the report");
		}
	}

	@Test
	void sidecarListsRangesAndFiles() throws IOException {
		JsonObject json = JsonParser.parseString(new String(Files.readAllBytes(report.resolve(
			ComparisonReport.SIDECAR_NAME)), StandardCharsets.UTF_8)).getAsJsonObject();
		JsonArray range = json.getAsJsonArray("colourRanges").get(0).getAsJsonObject()
			.getAsJsonArray("absoluteRangeHu");
		assertEquals(-range.get(1).getAsDouble(), range.get(0).getAsDouble(), 0,
			"symmetric ΔHU range");
		assertTrue(range.get(1).getAsDouble() > 0, "positive limit");
		JsonObject followUp = json.getAsJsonObject("comparison").getAsJsonArray("followUps").get(
			0).getAsJsonObject();
		assertEquals("Patient coordinates", followUp.get("alignment").getAsString(), "alignment");
		assertEquals(9, json.getAsJsonArray("files").size(), "files listed");
		assertEquals("CT Heat Map", json.getAsJsonObject("software").get("name").getAsString(),
			"software");
	}

	@Test
	void changeTableIsSigned() throws IOException {
		List<String> lines = Files.readAllLines(report.resolve(ComparisonReport.CHANGES_NAME));
		assertEquals(3, lines.size(), "header and two rows");
		assertTrue(lines.get(0).startsWith("Region,Time point,Date,Days since baseline"), lines
			.get(0));
		String[] cells = lines.get(2).split(",");
		double change = Double.parseDouble(cells[ChangeTable.HEADERS.indexOf(
			"Change in mean (HU)")]);
		assertEquals(-40, change, 2, "lesion ROI change in HU");
	}

	@Test
	void noPatientIdentityInOutputs() throws IOException {
		try (Stream<Path> files = Files.list(report)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				for (String secret : Arrays.asList("PHANTOM^TEST", "PHANTOM-0001", "19700101")) {
					assertFalse(text.contains(secret), file.getFileName() + " contains " + secret);
				}
			}
		}
	}

	@Test
	void existingFolderNeedsOverwrite() throws IOException {
		write(folder, "report", QUICK);
		assertThrows(InvalidInputException.class, () -> ReportFolder.begin(folder.resolve(
			"report"), false, Collections.emptyList()), "exists");
		write(folder, "report", QUICK);
		assertTrue(Files.isRegularFile(folder.resolve("report").resolve("summary.csv")),
			"replaced with overwrite");
	}

	@Test
	void reportCannotContainInput() {
		assertThrows(InvalidInputException.class, () -> ReportFolder.begin(Paths.get(
			"test-images"), true, Collections.singletonList(BASELINE)), "input inside");
	}

	private static Path write(Path folder, String name, ReportOptions options)
		throws IOException
	{
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("baseline", BASELINE.toString());
		try (ReportFolder output = ReportFolder.begin(folder.resolve(name), true, Arrays.asList(
			BASELINE, FOLLOW_UP)))
		{
			ComparisonReport.write(comparison, table, options, inputs, output.folder(),
				ProgressListener.NONE);
			output.commit();
			return output.target();
		}
	}
}
