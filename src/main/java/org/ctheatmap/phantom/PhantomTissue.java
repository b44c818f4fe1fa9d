package org.ctheatmap.phantom;

/**
 * Tissue classes of the generated phantom, each with its nominal value in HU
 * before noise. The ordinal is the label stored per voxel by
 * {@link PhantomGenerator#labels(PhantomTimePoint)}.
 */
public enum PhantomTissue {

	/** Air around the patient. */
	AIR("air", -1000),
	/** Patient table below the body, separated from it by an air gap. */
	TABLE("table", 200),
	/** Soft tissue of the trunk. */
	BODY("body", 40),
	/** Contrast-enhanced liver on the patient's right. */
	LIVER("liver", 100),
	/** Both lungs, in the superior part of the volume. */
	LUNG("lung", -850),
	/** Spine, posterior and central. */
	BONE("bone", 700),
	/**
	 * Spherical lesion inside the liver; its value here is the baseline value,
	 * and {@link PhantomTimePoint#lesionHu()} gives the value per time point.
	 */
	LESION("lesion", 60);

	private final String key;
	private final int hu;

	PhantomTissue(String key, int hu) {
		this.key = key;
		this.hu = hu;
	}

	/** Returns the lower-case name used in the ground-truth sidecar. */
	public String key() {
		return key;
	}

	/** Returns the nominal value in HU, before noise. */
	public int hu() {
		return hu;
	}
}
