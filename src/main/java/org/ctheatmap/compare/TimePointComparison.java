package org.ctheatmap.compare;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.measure.LabelMeasurer;
import org.ctheatmap.measure.RegionMeasurer;
import org.ctheatmap.measure.RoiRegion;

/**
 * Compares a baseline CT with one or more follow-ups: aligns each follow-up
 * onto the baseline grid (see {@link Alignment}), computes its change maps
 * and summary, and measures regions defined on the baseline at every time
 * point. No input volume is modified. Instances are immutable, but the
 * volumes' arrays are live.
 */
public final class TimePointComparison {

	/** Metadata key of the DICOM Frame of Reference UID, as the DICOM reader stores it. */
	public static final String FRAME_OF_REFERENCE = "FrameOfReferenceUID";

	/** Share of the baseline body below which a follow-up's coverage is reported. */
	static final double LOW_COVERAGE = 0.5;

	private final CtVolume baselineVolume;
	private final TimePoint baselinePoint;
	private final PatientVolume baseline;
	private final boolean[][] body;
	private final List<FollowUpComparison> followUps;
	private final ComparisonSettings settings;

	private TimePointComparison(CtVolume baselineVolume, TimePoint baselinePoint,
		PatientVolume baseline, boolean[][] body, List<FollowUpComparison> followUps,
		ComparisonSettings settings)
	{
		this.baselineVolume = baselineVolume;
		this.baselinePoint = baselinePoint;
		this.baseline = baseline;
		this.body = body;
		this.followUps = Collections.unmodifiableList(followUps);
		this.settings = settings;
	}

	/**
	 * Runs the comparison.
	 *
	 * @param baseline the reference scan; its grid is the grid of every output
	 * @param baselinePoint name and date of the baseline
	 * @param followUps later scans, each a single time point
	 * @param followUpPoints names and dates of the follow-ups, same order
	 * @param progress receives registration, resampling and smoothing progress
	 * @throws IllegalArgumentException if a volume has several time points,
	 *           the lists differ in length, or a registration is impossible
	 *           (see {@link RigidRegistration#register})
	 */
	public static TimePointComparison run(CtVolume baseline, TimePoint baselinePoint,
		List<CtVolume> followUps, List<TimePoint> followUpPoints, ComparisonSettings settings,
		ProgressListener progress)
	{
		if (followUps.size() != followUpPoints.size() || followUps.isEmpty()) {
			throw new IllegalArgumentException("A comparison needs at least one follow-up and one" +
				" name per follow-up, got " + followUps.size() + " and " + followUpPoints.size());
		}
		requireSingleFrame(baseline, baselinePoint);
		PatientVolume fixed = PatientVolume.of(baseline, 1);
		boolean[][] body = BodyMask.compute(baseline, 1, ProgressListener.NONE);
		List<FollowUpComparison> results = new ArrayList<>();
		for (int f = 0; f < followUps.size(); f++) {
			requireSingleFrame(followUps.get(f), followUpPoints.get(f));
			results.add(compare(baseline, fixed, body, followUps.get(f), followUpPoints.get(f),
				settings, progress));
		}
		return new TimePointComparison(baseline, baselinePoint, fixed, body, results, settings);
	}

	private static FollowUpComparison compare(CtVolume baselineVolume, PatientVolume fixed,
		boolean[][] body, CtVolume followUp, TimePoint point, ComparisonSettings settings,
		ProgressListener progress)
	{
		List<String> warnings = new ArrayList<>();
		for (String warning : followUp.warnings()) {
			warnings.add(point.name() + ": " + warning);
		}
		PatientVolume moving = PatientVolume.of(followUp, 1);
		boolean planar = fixed.depth() == 1 && moving.depth() == 1;
		Alignment alignment = resolve(settings.alignment(), baselineVolume, followUp, planar,
			warnings);
		RegistrationResult registration = null;
		RigidTransform transform = RigidTransform.identity();
		if (alignment == Alignment.REGISTRATION) {
			registration = RigidRegistration.register(fixed, moving, settings.registration(),
				progress);
			transform = registration.transform();
			warnings.addAll(registration.warnings());
		}
		PatientVolume aligned = Resampler.onto(moving, fixed, transform, Interpolation.LINEAR,
			planar, progress);
		DifferenceMaps maps = DifferenceMaps.compute(fixed, aligned, settings.bodyOnly() ? body
			: null, settings.difference(), progress);
		DifferenceSummary summary = DifferenceSummary.of(maps.absolute(), fixed, body);
		double coverage = coverage(aligned, body);
		if (coverage < LOW_COVERAGE) {
			warnings.add(String.format(Locale.ROOT, "%s covers only %.0f %% of the baseline body;" +
				" changes elsewhere are NaN", point.name(), 100 * coverage));
		}
		return new FollowUpComparison(point, alignment, transform, registration, aligned, maps,
			summary, warnings);
	}

	/** Returns the alignment to use for one follow-up; never {@link Alignment#AUTOMATIC}. */
	static Alignment resolve(Alignment requested, CtVolume baseline, CtVolume followUp,
		boolean planar, List<String> warnings)
	{
		String a = baseline.metadata().get(FRAME_OF_REFERENCE);
		String b = followUp.metadata().get(FRAME_OF_REFERENCE);
		boolean shared = a != null && !a.trim().isEmpty() && a.trim().equals(b == null ? null : b
			.trim());
		if (requested == Alignment.AUTOMATIC) {
			return shared && !planar ? Alignment.PATIENT_COORDINATES : Alignment.REGISTRATION;
		}
		if (requested == Alignment.PATIENT_COORDINATES && !shared) {
			warnings.add("The scans do not name the same Frame of Reference UID, so their patient" +
				" coordinates may not match; consider rigid registration");
		}
		return requested;
	}

	private static double coverage(PatientVolume aligned, boolean[][] body) {
		long inside = 0;
		long covered = 0;
		for (int k = 0; k < body.length; k++) {
			float[] values = aligned.values().slices()[k];
			for (int index = 0; index < body[k].length; index++) {
				if (!body[k][index]) continue;
				inside++;
				if (values[index] == values[index]) covered++;
			}
		}
		return inside == 0 ? 1 : covered / (double) inside;
	}

	private static void requireSingleFrame(CtVolume volume, TimePoint point) {
		if (volume.frames() != 1) {
			throw new IllegalArgumentException(point.name() + " has " + volume.frames() +
				" time points; compare single 3-D scans, or use Dynamic Series Maps for a series");
		}
	}

	/** Returns the baseline HU as a volume in patient space. */
	public PatientVolume baseline() {
		return baseline;
	}

	/** Returns the baseline CT as it was read. */
	public CtVolume baselineVolume() {
		return baselineVolume;
	}

	public TimePoint baselinePoint() {
		return baselinePoint;
	}

	/** Returns the baseline body mask, {@code mask[k][j * width + i]}. */
	public boolean[][] body() {
		return body;
	}

	/** Returns the follow-ups in input order; unmodifiable. */
	public List<FollowUpComparison> followUps() {
		return followUps;
	}

	public ComparisonSettings settings() {
		return settings;
	}

	/** Returns every time point, the baseline first. */
	public List<TimePoint> timePoints() {
		List<TimePoint> points = new ArrayList<>();
		points.add(baselinePoint);
		for (FollowUpComparison followUp : followUps) {
			points.add(followUp.timePoint());
		}
		return points;
	}

	/**
	 * Returns the baseline image and each aligned follow-up as 32-bit HU
	 * images on the baseline grid, with the baseline's calibration, for
	 * measuring.
	 */
	public List<ImagePlus> images() {
		List<ImagePlus> images = new ArrayList<>();
		images.add(baselineVolume.image());
		for (FollowUpComparison followUp : followUps) {
			CtVolume aligned = followUp.aligned().toCtVolume(followUp.timePoint().name() +
				" aligned", CtVolume.VALUE_UNIT, "follow-up HU resampled onto the baseline grid");
			images.add(aligned.image());
		}
		return images;
	}

	/**
	 * Measures ROI regions defined on the baseline at every time point.
	 *
	 * @throws IllegalArgumentException if a ROI lies outside the baseline grid
	 */
	public ChangeTable changeTable(List<RoiRegion> regions, ProgressListener progress) {
		return ChangeTable.of(RegionMeasurer.measureRois(regions, images(), Double.NaN,
			progress), timePoints());
	}

	/**
	 * Measures the labels of a label map on the baseline grid at every time
	 * point; label map rules as in {@link LabelMeasurer}.
	 *
	 * @throws IllegalArgumentException if the label map is not on the
	 *           baseline grid or contains invalid labels
	 */
	public ChangeTable changeTable(ImagePlus labels, ProgressListener progress) {
		return ChangeTable.of(LabelMeasurer.measure(labels, images(), Double.NaN, progress),
			timePoints());
	}

	/** Returns the facts for sidecars: settings, baseline and every follow-up. */
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("settings", settings.describe());
		Map<String, Object> base = new LinkedHashMap<>();
		base.put("timePoint", baselinePoint.name());
		base.put("date", baselinePoint.dateText());
		base.put("grid", baseline.toString());
		base.put("geometry", baseline.geometry().toText());
		base.put("bodyVoxels", BodyMask.count(body));
		map.put("baseline", base);
		List<Object> items = new ArrayList<>();
		for (FollowUpComparison followUp : followUps) {
			items.add(followUp.describe());
		}
		map.put("followUps", items);
		return map;
	}
}
