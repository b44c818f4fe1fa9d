package org.ctheatmap.core.filter;

/** The filters of "Filter CT"; the labels are dialog choices and CLI names. */
public enum FilterType {

	/** Gaussian smoothing; size = sigma in mm. */
	GAUSSIAN("Gaussian", "gaussian"),
	/** Median; size = neighbourhood radius in mm. */
	MEDIAN("Median", "median"),
	/** Mean; size = neighbourhood radius in mm. */
	MEAN("Mean", "mean"),
	/** Sample variance (HU squared); size = neighbourhood radius in mm. */
	VARIANCE("Variance", "variance"),
	/** Bilateral; size = spatial sigma in mm, plus a range sigma in HU. */
	BILATERAL("Bilateral", "bilateral");

	private final String label;
	private final String cliName;

	FilterType(String label, String cliName) {
		this.label = label;
		this.cliName = cliName;
	}

	/** Returns the dialog label, e.g. "Gaussian". */
	public String label() {
		return label;
	}

	/** Returns the command-line name, e.g. "gaussian". */
	public String cliName() {
		return cliName;
	}

	/** Returns whether the size parameter is a sigma (true) or a radius (false). */
	public boolean sizeIsSigma() {
		return this == GAUSSIAN || this == BILATERAL;
	}

	/**
	 * Returns the filter with the given label or command-line name, ignoring
	 * case.
	 *
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static FilterType fromName(String name) {
		for (FilterType type : values()) {
			if (type.label.equalsIgnoreCase(name) || type.cliName.equalsIgnoreCase(name)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown filter '" + name +
			"'; expected gaussian, median, mean, variance or bilateral");
	}

	@Override
	public String toString() {
		return label;
	}
}
