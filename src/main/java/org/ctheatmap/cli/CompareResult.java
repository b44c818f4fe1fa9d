package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.compare.ChangeTable;
import org.ctheatmap.compare.TimePointComparison;

/**
 * Outcome of a {@link CompareJob}: the comparison, its table and the files
 * written. Instances are immutable.
 */
public final class CompareResult {

	private final TimePointComparison comparison;
	private final ChangeTable table;
	private final Path folder;
	private final List<String> files;

	CompareResult(TimePointComparison comparison, ChangeTable table, Path folder,
		List<String> files)
	{
		this.comparison = comparison;
		this.table = table;
		this.folder = folder;
		this.files = Collections.unmodifiableList(new ArrayList<>(files));
	}

	public TimePointComparison comparison() {
		return comparison;
	}

	/** Returns the region table, or null when no regions were given. */
	public ChangeTable table() {
		return table;
	}

	/** Returns the report folder. */
	public Path folder() {
		return folder;
	}

	/** Returns the names of the files in the report folder. */
	public List<String> files() {
		return files;
	}
}
