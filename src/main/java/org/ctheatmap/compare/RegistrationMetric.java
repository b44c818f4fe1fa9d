package org.ctheatmap.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Similarity measure that rigid registration maximises. The labels are
 * option and macro values: never rename one.
 */
public enum RegistrationMetric {

	/**
	 * Normalised cross-correlation of HU, -1..1: for scans whose HU agree up to
	 * noise, as from one scanner type and kernel.
	 */
	NCC(Labels.NCC, "normalized cross-correlation"),

	/**
	 * Mattes mutual information in nats, from a joint histogram with cubic
	 * B-spline Parzen windows on the moving values: for scans whose HU are
	 * related by any consistent mapping, such as different scanners or
	 * kernels.
	 */
	MATTES_MI(Labels.MATTES_MI, "Mattes mutual information");

	private final String label;
	private final String description;

	RegistrationMetric(String label, String description) {
		this.label = label;
		this.description = description;
	}

	/** Returns the short label used as option and macro value. */
	public String label() {
		return label;
	}

	/** Returns the full name used in reports. */
	public String description() {
		return description;
	}

	/** Returns the labels of all values, in declaration order. */
	public static List<String> labels() {
		List<String> labels = new ArrayList<>();
		for (RegistrationMetric metric : values()) {
			labels.add(metric.label);
		}
		return labels;
	}

	/**
	 * Returns the metric with the given label or name, ignoring case, blanks,
	 * hyphens and underscores, so "mattes-mi" also works.
	 *
	 * @throws IllegalArgumentException naming the valid labels
	 */
	public static RegistrationMetric fromLabel(String text) {
		String requested = text == null ? "" : text.trim().toLowerCase().replaceAll("[\\s_-]+", "");
		for (RegistrationMetric metric : values()) {
			String label = metric.label.toLowerCase().replaceAll("[\\s_-]+", "");
			String name = metric.name().toLowerCase().replaceAll("[\\s_-]+", "");
			if (label.equals(requested) || name.equals(requested)) return metric;
		}
		throw new IllegalArgumentException("Unknown registration metric '" + text +
			"'; use one of " + labels());
	}

	/** The labels as constants, for annotation choices. */
	public static final class Labels {

		public static final String NCC = "NCC";
		public static final String MATTES_MI = "Mattes MI";

		private Labels() {}
	}
}
