package org.ctheatmap.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One follow-up of a comparison: how it was aligned, its values on the
 * baseline grid, and its change maps. Instances are immutable, but the
 * volumes' arrays are live.
 */
public final class FollowUpComparison {

	private final TimePoint timePoint;
	private final Alignment alignment;
	private final RigidTransform transform;
	private final RegistrationResult registration;
	private final PatientVolume aligned;
	private final DifferenceMaps maps;
	private final DifferenceSummary summary;
	private final List<String> warnings;

	FollowUpComparison(TimePoint timePoint, Alignment alignment, RigidTransform transform,
		RegistrationResult registration, PatientVolume aligned, DifferenceMaps maps,
		DifferenceSummary summary, List<String> warnings)
	{
		this.timePoint = timePoint;
		this.alignment = alignment;
		this.transform = transform;
		this.registration = registration;
		this.aligned = aligned;
		this.maps = maps;
		this.summary = summary;
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
	}

	public TimePoint timePoint() {
		return timePoint;
	}

	/** Returns the alignment used: patient coordinates or registration, never automatic. */
	public Alignment alignment() {
		return alignment;
	}

	/** Returns the baseline-to-follow-up transform; the identity without registration. */
	public RigidTransform transform() {
		return transform;
	}

	/** Returns the registration result, or null when none ran. */
	public RegistrationResult registration() {
		return registration;
	}

	/** Returns the follow-up HU on the baseline grid, NaN outside its field of view. */
	public PatientVolume aligned() {
		return aligned;
	}

	public DifferenceMaps maps() {
		return maps;
	}

	/** Returns the statistics of the absolute change over the overlap. */
	public DifferenceSummary summary() {
		return summary;
	}

	/** Returns warnings about this follow-up; unmodifiable. */
	public List<String> warnings() {
		return warnings;
	}

	/** Returns the facts for sidecars: alignment, transform, registration and change summary. */
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("timePoint", timePoint.name());
		map.put("date", timePoint.dateText());
		map.put("alignment", alignment.label());
		map.put("transform", transform.describe());
		if (registration != null) map.put("registration", registration.describe());
		map.put("absoluteChange", summary.describe(DifferenceMaps.ABSOLUTE_UNIT));
		map.put("warnings", warnings);
		return map;
	}
}
