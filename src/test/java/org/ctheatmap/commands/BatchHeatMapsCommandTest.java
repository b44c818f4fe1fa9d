package org.ctheatmap.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.ctheatmap.batch.BatchInputs;
import org.ctheatmap.batch.BatchJob;
import org.ctheatmap.batch.Study;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.console.ConsoleService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.parse.ParseService;
import org.scijava.run.RunService;
import org.scijava.script.ScriptService;
import org.scijava.startup.StartupService;
import org.scijava.ui.UIService;

/**
 * Runs {@link BatchHeatMapsCommand} through SciJava's CommandService,
 * headless, on two good studies and a broken one.
 */
class BatchHeatMapsCommandTest {

	/** Status events are published on another thread; this is ample time for them to arrive. */
	private static final long STATUS_WAIT_SECONDS = 10;

	/** Time a one-study batch started through Fiji's --run gets on a loaded machine. */
	private static final long FIJI_RUN_WAIT_SECONDS = 120;

	@TempDir
	static Path root;

	private static Context context;
	private static CommandService commands;
	private static final List<String> ERRORS = Collections.synchronizedList(new ArrayList<>());
	private static final BlockingQueue<StatusEvent> STATUS = new LinkedBlockingQueue<>();

	private static Object statusSubscriber;
	private static Path in;
	private static Path out;
	private static CommandModule module;

	@BeforeAll
	static void runBatch() throws Exception {
		context = new Context(CommandService.class, LogService.class, StatusService.class);
		commands = context.service(CommandService.class);
		context.service(LogService.class).addLogListener(message -> {
			if (message.level() == LogLevel.ERROR) ERRORS.add(message.text());
		});
		// SciJava's EventService holds subscribers weakly, so a static field keeps
		// this one alive; otherwise a garbage collection drops the events.
		statusSubscriber = new Object() {

			@EventHandler
			void onStatus(StatusEvent event) {
				STATUS.add(event);
			}
		};
		context.service(EventService.class).subscribe(statusSubscriber);
		in = BatchInputs.threeStudies(root.resolve("in"));
		out = root.resolve("out");
		module = run(in, out);
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	@Test
	void runsHeadless() {
		assertTrue(GraphicsEnvironment.isHeadless(), "surefire sets java.awt.headless=true");
	}

	@Test
	void failedStudyCancelsWithReason() {
		assertTrue(module.isCanceled(), "canceled after a failed study");
		String reason = module.getCancelReason();
		assertTrue(reason.startsWith("Batch Heat Maps: 1 of 3 studies failed: p03 ("), reason);
		assertTrue(reason.endsWith("The other studies are done; see " + out.resolve(
			BatchJob.SUMMARY_NAME)), reason);
	}

	@Test
	void summaryTableListsStudies() {
		ResultsTable table = (ResultsTable) module.getOutput("summary");
		assertEquals(3, table.size(), "rows");
		assertEquals("p01", table.getStringValue("study", 0), "study of row 1");
		assertEquals("ok", table.getStringValue("status", 0), "status of p01");
		assertEquals("ok", table.getStringValue("status", 1), "status of p02");
		assertEquals("failed", table.getStringValue("status", 2), "status of p03");
		assertEquals(BatchInputs.SLICES, table.getValue("slices", 0), 0, "slices of p01");
		assertTrue(table.getStringValue("error", 2).contains("p03.nii.gz: "), "error of p03");
	}

	@Test
	void studiesWrittenToFolders() throws IOException {
		for (String study : new String[] { "p01", "p02" }) {
			assertTrue(BatchJob.isFinished(out, new Study(study, in.resolve(study))), study +
				" finished");
		}
		assertTrue(Files.isRegularFile(out.resolve(BatchJob.SUMMARY_NAME)), "summary CSV");
		assertTrue(Files.isRegularFile(out.resolve("p03").resolve(BatchJob.LOG_NAME)), "p03 log");
	}

	@Test
	void failureLoggedAsError() {
		assertEquals(1, ERRORS.size(), "errors: " + ERRORS);
		assertTrue(ERRORS.get(0).startsWith("Batch Heat Maps: study p03 failed: "), ERRORS.get(0));
	}

	@Test
	void statusBarShowsProgress() throws InterruptedException {
		// Status events are published asynchronously and may arrive out of order, so
		// all of them are collected before the checks.
		List<String> messages = new ArrayList<>();
		StatusEvent finished = null;
		boolean barFull = false;
		for (StatusEvent event = STATUS.poll(STATUS_WAIT_SECONDS, TimeUnit.SECONDS); event != null;
			event = STATUS.poll(1, TimeUnit.SECONDS))
		{
			String message = event.getStatusMessage();
			if (!message.startsWith(BatchHeatMapsCommand.NAME)) continue;
			messages.add(message);
			barFull |= event.getProgressValue() == 3 && event.getProgressMaximum() == 3;
			if (message.startsWith(BatchHeatMapsCommand.NAME + ": Batch finished in ")) {
				finished = event;
			}
		}
		// The elapsed time depends on the machine's load, so only its format is checked.
		assertTrue(messages.stream().anyMatch(m -> m.matches(
			"Batch Heat Maps: 1/3 p01, elapsed \\d\\d:\\d\\d:\\d\\d, ETA unknown")),
			"first study: " + messages);
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("Batch Heat Maps: 3/3 p03: failed")),
			"failure: " + messages);
		assertNotNull(finished, "final status: " + messages);
		assertTrue(barFull, "progress bar reached 3 of 3: " + messages);
	}

	@Test
	void rerunSkipsThenOverwriteRedoes(@TempDir Path dir) throws Exception {
		Path good = dir.resolve("in");
		BatchInputs.copyFolder(BatchInputs.DICOM, good.resolve("p01"));
		Path again = dir.resolve("out");
		BatchInputs.copyTree(out, again);
		CommandModule skipped = run(good, again);
		assertFalse(skipped.isCanceled(), "no failure: " + skipped.getCancelReason());
		ResultsTable table = (ResultsTable) skipped.getOutput("summary");
		assertEquals(1, table.size(), "rows");
		assertEquals("skipped", table.getStringValue("status", 0), "p01 skipped");
		CommandModule redone = run(good, again, "overwrite", true);
		assertFalse(redone.isCanceled(), "no failure: " + redone.getCancelReason());
		table = (ResultsTable) redone.getOutput("summary");
		assertEquals("ok", table.getStringValue("status", 0), "p01 processed again");
	}

	@Test
	void badInputsCancel(@TempDir Path dir) throws Exception {
		Path target = dir.resolve("out");
		assertCancel(run(dir.resolve("absent"), target), "Input folder (inputDir) not found");
		assertCancel(run(in, target, "minHu", 300.0), "minHu");
		assertCancel(run(in, target, "colormap", "parula"), "parula");
		assertCancel(run(in, in), "is the input folder");
		assertCancel(run(Files.createDirectories(dir.resolve("empty")), target),
			"Input folder (inputDir) contains no studies");
		assertFalse(Files.exists(target), "nothing written");
	}

	@Test
	void fijiRunArgumentStartsBatch(@TempDir Path dir) throws IOException,
		InterruptedException
	{
		Path good = dir.resolve("in");
		Files.createDirectories(good);
		Files.copy(BatchInputs.NIFTI, good.resolve("p02.nii.gz"));
		Path target = dir.resolve("out");
		// What "ImageJ-linux64 --headless --run NAME ARGS" hands to SciJava's console service.
		Context fiji = new Context(ConsoleService.class, StartupService.class, RunService.class,
			ParseService.class, CommandService.class, ScriptService.class, UIService.class);
		try {
			fiji.service(ConsoleService.class).processArgs("--run", "Batch Heat Maps", "inputDir='" +
				good + "',outputDir='" + target + "',colormap='magma',minHu=0");
			fiji.service(StartupService.class).executeOperations();
			// The console service starts the command without waiting for it to end.
			// The study folder is renamed into place only when complete.
			Path study = target.resolve("p02/heatmap.json");
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIJI_RUN_WAIT_SECONDS);
			while (!Files.exists(study) && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
		} finally {
			fiji.dispose();
		}
		String sidecar = new String(Files.readAllBytes(target.resolve("p02/heatmap.json")),
			StandardCharsets.UTF_8);
		assertTrue(sidecar.contains("\"colormap\": \"magma\""), "colormap passed");
		assertTrue(sidecar.contains("\"minHu\": 0.0"), "minimum passed");
	}

	private static void assertCancel(CommandModule canceled, String expected) {
		assertTrue(canceled.isCanceled(), "canceled for " + expected);
		String reason = canceled.getCancelReason();
		assertTrue(reason.startsWith(BatchHeatMapsCommand.NAME + ": "), "reason: " + reason);
		assertTrue(reason.contains(expected), "reason names '" + expected + "': " + reason);
		assertNull(canceled.getOutput("summary"), "no summary for " + expected);
	}

	/** Runs the command on two folders with default settings, replaced by {@code overrides}. */
	private static CommandModule run(Path input, Path output, Object... overrides)
		throws InterruptedException, ExecutionException
	{
		List<Object> inputs = new ArrayList<>(Arrays.asList("inputDir", input.toFile(),
			"outputDir", output.toFile()));
		inputs.addAll(Arrays.asList(overrides));
		return commands.run(BatchHeatMapsCommand.class, true, inputs.toArray()).get();
	}
}
