package org.ctheatmap.core.normalize;

/** Set of voxels that share one set of statistics. */
public enum NormalizationScope {

	/** One set of statistics for the whole stack (per time point). */
	STACK("Whole stack", "stack"),
	/** Statistics of each slice on its own. */
	SLICE("Each slice", "slice");

	private final String label;
	private final String cliName;

	NormalizationScope(String label, String cliName) {
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
	 * Returns the scope with the given label or command-line name, ignoring case.
	 *
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static NormalizationScope fromName(String name) {
		for (NormalizationScope s : values()) {
			if (s.label.equalsIgnoreCase(name) || s.cliName.equalsIgnoreCase(name)) return s;
		}
		throw new IllegalArgumentException("Unknown scope '" + name + "'; expected stack or slice");
	}

	@Override
	public String toString() {
		return label;
	}
}
