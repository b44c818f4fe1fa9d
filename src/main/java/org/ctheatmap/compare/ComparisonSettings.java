package org.ctheatmap.compare;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters of a {@link TimePointComparison}. Instances are immutable. */
public final class ComparisonSettings {

	/** Automatic alignment, default registration and differences, body mask on. */
	public static final ComparisonSettings DEFAULT = new ComparisonSettings(Alignment.AUTOMATIC,
		RegistrationSettings.DEFAULT, DifferenceSettings.DEFAULT, true);

	private final Alignment alignment;
	private final RegistrationSettings registration;
	private final DifferenceSettings difference;
	private final boolean bodyOnly;

	/**
	 * @param alignment how follow-ups reach the baseline grid
	 * @param registration settings used when a follow-up is registered
	 * @param difference settings of the difference maps
	 * @param bodyOnly whether the difference maps are NaN outside the
	 *          baseline's body mask
	 */
	public ComparisonSettings(Alignment alignment, RegistrationSettings registration,
		DifferenceSettings difference, boolean bodyOnly)
	{
		this.alignment = alignment;
		this.registration = registration;
		this.difference = difference;
		this.bodyOnly = bodyOnly;
	}

	public Alignment alignment() {
		return alignment;
	}

	public RegistrationSettings registration() {
		return registration;
	}

	public DifferenceSettings difference() {
		return difference;
	}

	/** Returns whether the difference maps keep only the baseline body. */
	public boolean bodyOnly() {
		return bodyOnly;
	}

	/** Returns the settings for sidecars. */
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("alignment", alignment.label());
		map.put("resampling", "trilinear in patient coordinates onto the baseline grid;" +
			" NaN outside the follow-up");
		map.put("registration", registration.describe());
		map.put("difference", difference.describe());
		map.put("bodyOnly", bodyOnly);
		return map;
	}
}
