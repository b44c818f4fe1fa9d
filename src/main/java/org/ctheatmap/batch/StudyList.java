package org.ctheatmap.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The studies found in a batch input folder, sorted by name, and notes on
 * the entries that were left out. Instances are immutable.
 */
public final class StudyList {

	private final List<Study> studies;
	private final List<String> notes;

	StudyList(List<Study> studies, List<String> notes) {
		this.studies = Collections.unmodifiableList(new ArrayList<>(studies));
		this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
	}

	/** Returns the studies sorted by name; an index into this list is 0-based. */
	public List<Study> studies() {
		return studies;
	}

	/** Returns one line per entry of the input folder that is not a study, with the reason. */
	public List<String> notes() {
		return notes;
	}

	/**
	 * Returns the study with the given output name.
	 *
	 * @throws IllegalArgumentException if no study has that name
	 */
	public Study byName(String name) {
		for (Study study : studies) {
			if (study.name().equals(name)) return study;
		}
		throw new IllegalArgumentException("no study named '" + name + "' among the " + studies
			.size() + " studies of the input folder; list them with --list");
	}

	/**
	 * Returns the study at a 0-based index of the sorted list.
	 *
	 * @throws IllegalArgumentException if the index is outside 0..size-1
	 */
	public Study byIndex(int index) {
		if (index < 0 || index >= studies.size()) {
			throw new IllegalArgumentException("study index " + index + " is outside 0.." +
				(studies.size() - 1) + "; the input folder contains " + studies.size() + " studies");
		}
		return studies.get(index);
	}
}
