package org.ctheatmap.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Method that brings a follow-up onto the baseline grid. The labels are
 * macro values of the comparison command: never rename one.
 */
public enum Alignment {

	/**
	 * Patient coordinates when both scans name the same DICOM Frame of
	 * Reference UID and are not single slices, otherwise rigid registration.
	 */
	AUTOMATIC(Labels.AUTOMATIC),

	/** Resampling in patient coordinates only: the scans share a frame of reference. */
	PATIENT_COORDINATES(Labels.PATIENT_COORDINATES),

	/** Rigid registration, then resampling through the found transform. */
	REGISTRATION(Labels.REGISTRATION);

	private final String label;

	Alignment(String label) {
		this.label = label;
	}

	/** Returns the label shown in menus and used as macro value. */
	public String label() {
		return label;
	}

	/** Returns the labels of all values, in declaration order. */
	public static List<String> labels() {
		List<String> labels = new ArrayList<>();
		for (Alignment alignment : values()) {
			labels.add(alignment.label);
		}
		return labels;
	}

	/**
	 * Returns the value with the given label or name, ignoring case, blanks,
	 * hyphens and underscores, so "patient-coordinates" also works.
	 *
	 * @throws IllegalArgumentException naming the valid labels
	 */
	public static Alignment fromLabel(String text) {
		String requested = normalised(text);
		for (Alignment alignment : values()) {
			boolean label = normalised(alignment.label).equals(requested);
			if (label || normalised(alignment.name()).equals(requested)) return alignment;
		}
		if ("registration".equals(requested) || "register".equals(requested)) return REGISTRATION;
		throw new IllegalArgumentException("Unknown alignment '" + text + "'; use one of " +
			labels());
	}

	private static String normalised(String text) {
		return text == null ? "" : text.trim().toLowerCase().replaceAll("[\\s_-]+", "");
	}

	/** The labels as constants, for annotation choices. */
	public static final class Labels {

		public static final String AUTOMATIC = "Automatic";
		public static final String PATIENT_COORDINATES = "Patient coordinates";
		public static final String REGISTRATION = "Rigid registration";

		private Labels() {}
	}
}
