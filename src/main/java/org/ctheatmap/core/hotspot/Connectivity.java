package org.ctheatmap.core.hotspot;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbourhood that joins voxels into one region: 6 neighbours share a
 * face, 18 a face or an edge, 26 a face, an edge or a corner. The labels are dialog
 * choices, macro values and command-line values; never rename one.
 */
public enum Connectivity {

	SIX("6", 1), EIGHTEEN("18", 2), TWENTY_SIX("26", 3);

	private final String label;
	private final int maxNonZero;

	Connectivity(String label, int maxNonZero) {
		this.label = label;
		this.maxNonZero = maxNonZero;
	}

	/** Returns "6", "18" or "26". */
	public String label() {
		return label;
	}

	/**
	 * Returns the neighbour offsets {dx, dy, dz}: those with 1 (6), up to 2
	 * (18) or up to 3 (26) non-zero components.
	 */
	public int[][] offsets() {
		List<int[]> offsets = new ArrayList<>();
		for (int dz = -1; dz <= 1; dz++) {
			for (int dy = -1; dy <= 1; dy++) {
				for (int dx = -1; dx <= 1; dx++) {
					int nonZero = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
					if (nonZero > 0 && nonZero <= maxNonZero) offsets.add(new int[] { dx, dy, dz });
				}
			}
		}
		return offsets.toArray(new int[0][]);
	}

	/**
	 * Returns the connectivity with the given label ("6", "18", "26").
	 *
	 * @throws IllegalArgumentException for any other text
	 */
	public static Connectivity fromLabel(String label) {
		String trimmed = label == null ? "" : label.trim();
		for (Connectivity c : values()) {
			if (c.label.equals(trimmed)) return c;
		}
		throw new IllegalArgumentException("Connectivity must be 6, 18 or 26, got '" + label +
			"'");
	}

	@Override
	public String toString() {
		return label;
	}
}
