package org.ctheatmap.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One row of the batch summary: what happened to a study. Instances are
 * immutable.
 */
public final class StudyOutcome {

	/** Column names of the summary, in order; see {@link #cells()}. */
	public static final List<String> COLUMNS = Collections.unmodifiableList(Arrays.asList(
		"study", "input", "status", "error", "seconds", "slices", "outputs"));

	/** Separator of the output paths in the "outputs" cell. */
	public static final String OUTPUT_SEPARATOR = ";";

	private final Study study;
	private final StudyStatus status;
	private final String error;
	private final Double seconds;
	private final Integer slices;
	private final List<String> outputs;

	/**
	 * @param error one-line error message, or null
	 * @param seconds wall-clock time spent on the study by this run, or null
	 *          when it was not processed
	 * @param slices slices per time point of the CT, or null when unknown
	 * @param outputs paths of the study's output files relative to the batch
	 *          output folder, with '/' between names
	 */
	StudyOutcome(Study study, StudyStatus status, String error, Double seconds,
		Integer slices, List<String> outputs)
	{
		this.study = study;
		this.status = status;
		this.error = error;
		this.seconds = seconds;
		this.slices = slices;
		this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
	}

	static StudyOutcome pending(Study study) {
		return new StudyOutcome(study, StudyStatus.PENDING, null, null, null, Collections
			.emptyList());
	}

	public Study study() {
		return study;
	}

	public StudyStatus status() {
		return status;
	}

	/** Returns the one-line error message of a failed study, or null. */
	public String error() {
		return error;
	}

	/** Returns the seconds this run spent on the study, or null if it did not process it. */
	public Double seconds() {
		return seconds;
	}

	/** Returns the number of slices per time point, or null when unknown. */
	public Integer slices() {
		return slices;
	}

	/** Returns the output files relative to the batch output folder, e.g. "p01/heatmap.tif". */
	public List<String> outputs() {
		return outputs;
	}

	/** Returns the summary cells in the order of {@link #COLUMNS}, seconds rounded to 1 ms. */
	public List<Object> cells() {
		Double milliseconds = seconds == null ? null : Math.round(seconds * 1000) / 1000.0;
		return Arrays.asList(study.name(), study.input().toString(), status.label(), error,
			milliseconds, slices, String.join(OUTPUT_SEPARATOR, outputs));
	}

	@Override
	public String toString() {
		return study.name() + ": " + status.label() + (error == null ? "" : ": " + error);
	}
}
