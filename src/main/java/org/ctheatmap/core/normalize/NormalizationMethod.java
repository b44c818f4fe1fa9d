package org.ctheatmap.core.normalize;

/** Mapping that "Normalize CT" applies to HU. The labels are dialog choices and CLI names. */
public enum NormalizationMethod {

	/** A CT window: display range, or (v - lower) / width clamped to [0, 1]. */
	WINDOW("Window", "window"),
	/** (v - min) / (max - min) with min and max of the voxels in scope. */
	MIN_MAX("Min-max", "min-max"),
	/** (v - mean) / SD with the population SD of the voxels in scope. */
	Z_SCORE("Z-score", "z-score"),
	/** (v - P_low) / (P_high - P_low), optionally clamped to [0, 1]. */
	PERCENTILE("Percentile", "percentile"),
	/** Quantile mapping of the values in scope onto a reference study's values. */
	HISTOGRAM_MATCHING("Histogram matching", "histogram-matching");

	private final String label;
	private final String cliName;

	NormalizationMethod(String label, String cliName) {
		this.label = label;
		this.cliName = cliName;
	}

	public String label() {
		return label;
	}

	public String cliName() {
		return cliName;
	}

	/**
	 * Returns the method with the given label or command-line name, ignoring
	 * case.
	 *
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static NormalizationMethod fromName(String name) {
		for (NormalizationMethod m : values()) {
			if (m.label.equalsIgnoreCase(name) || m.cliName.equalsIgnoreCase(name)) return m;
		}
		throw new IllegalArgumentException("Unknown normalization '" + name +
			"'; expected window, min-max, z-score, percentile or histogram-matching");
	}

	@Override
	public String toString() {
		return label;
	}
}
