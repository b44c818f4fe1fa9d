package org.ctheatmap.phantom;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One time point of the phantom: what differs between the scans of the same
 * synthetic patient. Instances are immutable.
 */
public final class PhantomTimePoint {

	/** Base seed of the noise; time point n (0-based) uses {@code SEED + n}. */
	public static final long SEED = 20260105L;

	/** Baseline scan: lesion radius 8 mm at 60 HU. */
	public static final PhantomTimePoint BASELINE = new PhantomTimePoint("baseline",
		"Phantom baseline", "20260105", SEED, 8.0, 60);

	/** Follow-up where the lesion has grown by 3 mm in radius; HU unchanged. */
	public static final PhantomTimePoint FOLLOW_UP_GROWTH = new PhantomTimePoint(
		"followup-growth", "Phantom follow-up, lesion grown", "20260406", SEED + 1, 11.0, 60);

	/** Follow-up where the lesion value dropped by 40 HU; radius unchanged. */
	public static final PhantomTimePoint FOLLOW_UP_HU = new PhantomTimePoint("followup-hu",
		"Phantom follow-up, lesion HU changed", "20260406", SEED + 2, 8.0, 20);

	private final String name;
	private final String description;
	private final String studyDate;
	private final long seed;
	private final double lesionRadiusMm;
	private final int lesionHu;

	/**
	 * @param name short name used in file names, e.g. "baseline"
	 * @param description series description written to the images
	 * @param studyDate study date as DICOM DA text (YYYYMMDD)
	 * @param seed seed of the noise generator
	 * @param lesionRadiusMm lesion radius in mm
	 * @param lesionHu nominal lesion value in HU, before noise
	 */
	public PhantomTimePoint(String name, String description, String studyDate, long seed,
		double lesionRadiusMm, int lesionHu)
	{
		if (!(lesionRadiusMm > 0)) {
			throw new IllegalArgumentException("Lesion radius must be positive, got " +
				lesionRadiusMm + " mm");
		}
		this.name = name;
		this.description = description;
		this.studyDate = studyDate;
		this.seed = seed;
		this.lesionRadiusMm = lesionRadiusMm;
		this.lesionHu = lesionHu;
	}

	/** Returns the baseline and both follow-ups, in that order. */
	public static List<PhantomTimePoint> standardSeries() {
		return Collections.unmodifiableList(Arrays.asList(BASELINE, FOLLOW_UP_GROWTH,
			FOLLOW_UP_HU));
	}

	public String name() {
		return name;
	}

	public String description() {
		return description;
	}

	/** Returns the study date as DICOM DA text (YYYYMMDD). */
	public String studyDate() {
		return studyDate;
	}

	public long seed() {
		return seed;
	}

	public double lesionRadiusMm() {
		return lesionRadiusMm;
	}

	/** Returns the nominal lesion value in HU, before noise. */
	public int lesionHu() {
		return lesionHu;
	}

	@Override
	public String toString() {
		return name;
	}
}
