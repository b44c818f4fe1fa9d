package org.ctheatmap.commands;

import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;

import org.ctheatmap.io.CsvWriter;
import org.ctheatmap.measure.MeasurementTable;

import java.io.File;
import java.io.IOException;

/** Publishes the tables of the measuring commands as results and CSV files. */
final class MeasureOutputs {

	/** Title of ImageJ's system results table, which macros read with getResult. */
	static final String RESULTS_TITLE = "Results";

	private MeasureOutputs() {}

	/**
	 * Returns the table as an ImageJ results table and makes it the system
	 * "Results" table, replacing its previous rows, so that macros read it
	 * with {@code nResults} and {@code getResult}. The table is
	 * shown in the Results window unless Java runs headless.
	 */
	static ResultsTable publish(MeasurementTable table) {
		ResultsTable results = table.toResultsTable();
		Analyzer.setResultsTable(results);
		if (!RoiSources.headless()) {
			results.show(RESULTS_TITLE);
		}
		return results;
	}

	/**
	 * Writes the table as CSV when a file is given; see {@link CsvWriter}.
	 *
	 * @throws IOException if the file cannot be written
	 */
	static void writeCsv(MeasurementTable table, File csvFile) throws IOException {
		if (csvFile == null || csvFile.getPath().trim().isEmpty()) return;
		CsvWriter.write(table.headers(), table.rows(), csvFile.toPath());
	}

	/** Returns whether a file parameter was left empty. */
	static boolean isEmpty(File file) {
		return file == null || file.getPath().trim().isEmpty();
	}
}
