package org.ctheatmap.core.normalize;

/** Policy for the voxels outside the mask. */
public enum OutsideMask {

	/** Set to NaN, so they show as background and are left out of later steps. */
	NAN("NaN", "nan"),
	/** Keep their input HU value, unmapped. */
	UNCHANGED("Unchanged", "unchanged"),
	/** Map them like the voxels inside; only the statistics come from the mask. */
	MAPPED("Mapped", "mapped");

	private final String label;
	private final String cliName;

	OutsideMask(String label, String cliName) {
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
	 * Returns the policy with the given label or command-line name, ignoring
	 * case.
	 *
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static OutsideMask fromName(String name) {
		for (OutsideMask o : values()) {
			if (o.label.equalsIgnoreCase(name) || o.cliName.equalsIgnoreCase(name)) return o;
		}
		throw new IllegalArgumentException("Unknown outside-mask policy '" + name +
			"'; expected nan, unchanged or mapped");
	}

	@Override
	public String toString() {
		return label;
	}
}
