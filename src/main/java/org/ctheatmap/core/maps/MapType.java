package org.ctheatmap.core.maps;

/**
 * The parameter maps of "Parameter Map". Labels are dialog choices and macro
 * values, command-line names are the CLI's; never rename either.
 */
public enum MapType {

	/** Mean of the box, in HU. */
	LOCAL_MEAN("Local mean", "mean", "HU"),
	/** Sample standard deviation of the box (heterogeneity), in HU. */
	LOCAL_SD("Local SD", "sd", "HU"),
	/** Magnitude of the central-difference gradient, in HU per mm. */
	GRADIENT("Gradient magnitude", "gradient", "HU/mm"),
	/** Shannon entropy of the box's HU histogram (texture), in bits. */
	ENTROPY("Local entropy", "entropy", "bits"),
	/** Percentage of the box's voxels whose HU lies in a range, e.g. emphysema. */
	RANGE_FRACTION("HU in range", "range", "%");

	private final String label;
	private final String cliName;
	private final String unit;

	MapType(String label, String cliName, String unit) {
		this.label = label;
		this.cliName = cliName;
		this.unit = unit;
	}

	/** Returns the dialog label and macro value, e.g. "Local SD". */
	public String label() {
		return label;
	}

	/** Returns the command-line name, e.g. "sd". */
	public String cliName() {
		return cliName;
	}

	/** Returns the unit of the map values, e.g. "HU/mm". */
	public String unit() {
		return unit;
	}

	/**
	 * Returns the map type with the given label or command-line name, ignoring
	 * case.
	 *
	 * @throws IllegalArgumentException for an unknown name; the message lists
	 *           the valid names
	 */
	public static MapType fromName(String name) {
		String trimmed = name == null ? "" : name.trim();
		for (MapType type : values()) {
			if (type.label.equalsIgnoreCase(trimmed) || type.cliName.equalsIgnoreCase(trimmed)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown parameter map '" + name +
			"'; use one of mean, sd, gradient, entropy or range");
	}

	@Override
	public String toString() {
		return label;
	}
}
