package org.ctheatmap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.compare.ComparisonSettings;
import org.ctheatmap.compare.report.ReportOptions;

/**
 * Inputs and outputs of a {@code compare} run: a baseline, follow-ups with
 * their names, optional regions on the baseline, and the comparison and
 * report settings. Instances are immutable.
 */
public final class CompareRequest {

	private final Path baseline;
	private final List<Path> followUps;
	private final List<String> names;
	private final Path labels;
	private final Path rois;
	private final Path outputFolder;
	private final ComparisonSettings settings;
	private final ReportOptions report;
	private final boolean overwrite;

	/**
	 * @param names time point names, the baseline's first, or null for the
	 *          file names
	 * @param labels label map on the baseline's patient space, or null
	 * @param rois ImageJ ROI set on the baseline grid, or null
	 * @throws IllegalArgumentException if there is no follow-up, the number of
	 *           names differs from the number of scans, a name repeats, or both
	 *           labels and ROIs are given
	 */
	public CompareRequest(Path baseline, List<Path> followUps, List<String> names, Path labels,
		Path rois, Path outputFolder, ComparisonSettings settings, ReportOptions report,
		boolean overwrite)
	{
		if (followUps == null || followUps.isEmpty()) {
			throw new IllegalArgumentException("Give at least one follow-up after the baseline");
		}
		if (labels != null && rois != null) {
			throw new IllegalArgumentException("Use either --labels or --rois, not both");
		}
		this.baseline = baseline;
		this.followUps = Collections.unmodifiableList(new ArrayList<>(followUps));
		this.names = Collections.unmodifiableList(names == null ? defaultNames() : checked(names));
		this.labels = labels;
		this.rois = rois;
		this.outputFolder = outputFolder;
		this.settings = settings;
		this.report = report;
		this.overwrite = overwrite;
	}

	private List<String> defaultNames() {
		List<String> names = new ArrayList<>();
		names.add("baseline");
		for (int f = 0; f < followUps.size(); f++) {
			names.add(followUps.size() == 1 ? "follow-up" : "follow-up " + (f + 1));
		}
		return names;
	}

	private List<String> checked(List<String> given) {
		if (given.size() != followUps.size() + 1) {
			throw new IllegalArgumentException("--names needs " + (followUps.size() + 1) +
				" names (baseline first), got " + given.size());
		}
		List<String> names = new ArrayList<>();
		for (String name : given) {
			String trimmed = name.trim();
			if (trimmed.isEmpty() || names.contains(trimmed)) {
				throw new IllegalArgumentException("Time point names must be distinct and not" +
					" empty, got " + given);
			}
			names.add(trimmed);
		}
		return names;
	}

	public Path baseline() {
		return baseline;
	}

	public List<Path> followUps() {
		return followUps;
	}

	/** Returns the time point names, the baseline's first. */
	public List<String> names() {
		return names;
	}

	/** Returns the label map, or null. */
	public Path labels() {
		return labels;
	}

	/** Returns the ROI set, or null. */
	public Path rois() {
		return rois;
	}

	/** Returns the report folder. */
	public Path outputFolder() {
		return outputFolder;
	}

	public ComparisonSettings settings() {
		return settings;
	}

	public ReportOptions report() {
		return report;
	}

	public boolean overwrite() {
		return overwrite;
	}

	/** Returns every input path, for the sidecar and the output checks. */
	public List<Path> inputs() {
		List<Path> inputs = new ArrayList<>();
		inputs.add(baseline);
		inputs.addAll(followUps);
		if (labels != null) inputs.add(labels);
		if (rois != null) inputs.add(rois);
		return inputs;
	}

	/** Returns the inputs as text for the sidecar. */
	Map<String, Object> describeInputs() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("baseline", baseline.toString());
		List<String> paths = new ArrayList<>();
		for (Path followUp : followUps) {
			paths.add(followUp.toString());
		}
		map.put("followUps", paths);
		map.put("names", names);
		if (labels != null) map.put("labels", labels.toString());
		if (rois != null) map.put("rois", rois.toString());
		return map;
	}
}
