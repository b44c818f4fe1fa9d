package org.ctheatmap.commands;

import ij.measure.ResultsTable;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ctheatmap.batch.StudyFinder;
import org.ctheatmap.batch.StudyOutcome;
import org.ctheatmap.batch.StudyStatus;

/**
 * Input checks, messages and the summary table of
 * {@link BatchHeatMapsCommand}. Each message names the macro key.
 */
final class BatchMessages {

	/** Title of the summary table window. */
	static final String SUMMARY_TITLE = "Batch summary";

	private BatchMessages() {}

	/** Returns the first problem with the input and output folders, or null. */
	static String checkFolders(File inputDir, File outputDir) {
		if (isEmpty(inputDir)) return "No input folder (inputDir) given.";
		if (!inputDir.exists()) return "Input folder (inputDir) not found: " + inputDir;
		if (!inputDir.isDirectory()) {
			return "Input folder (inputDir) is a file: " + inputDir + ". Give the folder that" +
				" contains the studies.";
		}
		if (isEmpty(outputDir)) return "No output folder (outputDir) given.";
		if (outputDir.isFile()) return "Output folder (outputDir) is a file: " + outputDir;
		return null;
	}

	/** Returns the message for an input folder without studies. */
	static String noStudies(File inputDir) {
		return "Input folder (inputDir) contains no studies: no sub-folder with DICOM files and" +
			" no file ending in " + String.join(", ", StudyFinder.IMAGE_EXTENSIONS) + ": " +
			inputDir;
	}

	/**
	 * Returns the cancel reason when studies failed, naming up to
	 * {@code named} of them with their errors, or null when none failed.
	 */
	static String failures(List<StudyOutcome> outcomes, int named, Path summaryFile) {
		List<String> failed = new ArrayList<>();
		for (StudyOutcome outcome : outcomes) {
			if (outcome.status() == StudyStatus.FAILED) {
				failed.add(outcome.study().name() + " (" + outcome.error() + ")");
			}
		}
		if (failed.isEmpty()) return null;
		String shown = String.join("; ", failed.subList(0, Math.min(named, failed.size())));
		String more = failed.size() > named ? "; and " + (failed.size() - named) + " more" : "";
		return failed.size() + " of " + outcomes.size() + " studies failed: " + shown + more +
			". The other studies are done; see " + summaryFile;
	}

	/** Returns the summary as a results table with the columns of the CSV file. */
	static ResultsTable table(List<StudyOutcome> outcomes) {
		ResultsTable table = new ResultsTable();
		for (StudyOutcome outcome : outcomes) {
			table.incrementCounter();
			List<Object> cells = outcome.cells();
			for (int c = 0; c < cells.size(); c++) {
				String column = StudyOutcome.COLUMNS.get(c);
				Object cell = cells.get(c);
				if (cell instanceof Number) {
					table.addValue(column, ((Number) cell).doubleValue());
				} else {
					table.addValue(column, cell == null ? "" : cell.toString());
				}
			}
		}
		return table;
	}

	private static boolean isEmpty(File file) {
		return file == null || file.getPath().trim().isEmpty();
	}
}
