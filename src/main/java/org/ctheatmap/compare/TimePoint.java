package org.ctheatmap.compare;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.ctheatmap.core.CtVolume;

/**
 * The name and study date of one scan in a comparison. Instances are
 * immutable.
 */
public final class TimePoint {

	private static final DateTimeFormatter DICOM_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final String name;
	private final LocalDate date;

	/**
	 * @param name label in tables and plots, e.g. "baseline" or a file name
	 * @param date study date, or null when unknown
	 */
	public TimePoint(String name, LocalDate date) {
		this.name = name;
		this.date = date;
	}

	/**
	 * Returns a time point named {@code name} with the volume's "StudyDate"
	 * metadata (DICOM DA text, YYYYMMDD) as date, or no date when that is
	 * missing or invalid.
	 */
	public static TimePoint of(String name, CtVolume volume) {
		return new TimePoint(name, parseDate(volume.metadata().get("StudyDate")));
	}

	/** Parses DICOM DA text (YYYYMMDD); returns null for null or invalid text. */
	static LocalDate parseDate(String text) {
		if (text == null || text.trim().isEmpty()) return null;
		try {
			return LocalDate.parse(text.trim(), DICOM_DATE);
		} catch (DateTimeParseException e) {
			return null;
		}
	}

	public String name() {
		return name;
	}

	/** Returns the study date, or null when unknown. */
	public LocalDate date() {
		return date;
	}

	/** Returns the date as ISO text (YYYY-MM-DD), or "" when unknown. */
	public String dateText() {
		return date == null ? "" : date.toString();
	}

	/** Returns the days from {@code baseline}'s date to this one, or NaN when either is unknown. */
	public double daysSince(TimePoint baseline) {
		if (date == null || baseline.date == null) return Double.NaN;
		return ChronoUnit.DAYS.between(baseline.date, date);
	}

	@Override
	public String toString() {
		return date == null ? name : name + " (" + date + ")";
	}
}
