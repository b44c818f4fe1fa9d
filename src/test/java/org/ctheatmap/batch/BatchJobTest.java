package org.ctheatmap.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.ctheatmap.cli.HeatMapRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchJobTest {

	@TempDir
	Path root;

	@Test
	void abandonLeavesNoPartialStudy() throws IOException {
		Path in = Files.createDirectories(root.resolve("in"));
		BatchInputs.copyFolder(BatchInputs.DICOM, in.resolve("p01"));
		Files.copy(BatchInputs.NIFTI, in.resolve("p02.nii.gz"));
		Path out = root.resolve("out");
		AtomicReference<BatchJob> job = new AtomicReference<>();
		StudyRequests requests = (input, folder) -> {
			// Interrupts the batch while p02 is being written, as a shutdown hook would.
			if (input.getFileName().toString().equals("p02.nii.gz")) job.get().abandon();
			return new HeatMapRequest.Builder(input, folder).build();
		};
		List<String> lines = new ArrayList<>();
		job.set(new BatchJob(out, requests, false, (done, total, line) -> lines.add(line)));
		List<Study> studies = StudyFinder.find(in, out).studies();
		job.get().runAll(studies);

		assertTrue(BatchJob.isFinished(out, studies.get(0)), "p01 finished");
		assertFalse(Files.exists(out.resolve("p02")), "no folder for the abandoned p02");
		assertEquals(Collections.emptyList(), BatchInputs.hiddenEntries(out),
			"no staging folder left");
		List<List<String>> rows = BatchInputs.readCsv(out.resolve(BatchJob.SUMMARY_NAME));
		assertEquals(3, rows.size(), "header and two rows");
		assertEquals("ok", rows.get(1).get(2), "p01 status");
		assertEquals("pending", rows.get(2).get(2), "p02 status");
		assertEquals(3, lines.size(), "start and end of p01, start of p02: " + lines);
	}

	@Test
	void foreignFilesFailTheStudy() throws IOException {
		Path in = Files.createDirectories(root.resolve("in"));
		BatchInputs.copyFolder(BatchInputs.DICOM, in.resolve("p01"));
		Path out = root.resolve("out");
		Path notes = Files.createDirectories(out.resolve("p01")).resolve("notes.txt");
		Files.write(notes, "reader's notes\n".getBytes(StandardCharsets.UTF_8));
		List<StudyOutcome> outcomes = new BatchJob(out, (input, folder) ->
			new HeatMapRequest.Builder(input, folder).build(), true, BatchListener.NONE).runAll(
				StudyFinder.find(in, out).studies());

		StudyOutcome p01 = outcomes.get(0);
		assertEquals(StudyStatus.FAILED, p01.status(), "status");
		assertTrue(p01.error().endsWith("p01: contains files this batch did not write (notes.txt);" +
			" move them or choose another output folder"), p01.error());
		assertTrue(Files.exists(notes), "notes kept");
		assertEquals(Collections.singletonList("notes.txt"), StudyFolder.otherEntries(out
			.resolve("p01")), "nothing written beside the notes");
	}

	@Test
	void commitReplacesOldFolder() throws IOException {
		Path target = Files.createDirectories(root.resolve("p01"));
		Files.write(target.resolve(BatchJob.LOG_NAME), "old\n".getBytes(StandardCharsets.UTF_8));
		Path staging = StudyFolder.stage(root);
		Files.write(staging.resolve(BatchJob.LOG_NAME), "new\n".getBytes(StandardCharsets.UTF_8));
		StudyFolder.commit(staging, target);
		assertEquals("new\n", new String(Files.readAllBytes(target.resolve(BatchJob.LOG_NAME)),
			StandardCharsets.UTF_8), "log replaced");
		assertFalse(Files.exists(staging), "staging folder renamed");
		assertEquals(Collections.emptyList(), BatchInputs.hiddenEntries(root),
			"old folder deleted");
	}
}
