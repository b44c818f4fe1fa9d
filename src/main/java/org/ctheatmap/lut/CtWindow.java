package org.ctheatmap.lut;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A CT display window: a centre (level) and width in HU that map HU to grey
 * levels 0..255.
 * <p>
 * The presets are the typical values listed by Radiopaedia's article
 * "Windowing (CT)" (radiopaedia.org/articles/windowing-ct); institutions and
 * vendors vary:
 * <table>
 * <caption>Window presets</caption>
 * <tr><th>name</th><th>centre (HU)</th><th>width (HU)</th><th>Radiopaedia entry</th></tr>
 * <tr><td>Lung</td><td>-600</td><td>1500</td><td>chest, lungs</td></tr>
 * <tr><td>Mediastinum</td><td>50</td><td>350</td><td>chest, mediastinum</td></tr>
 * <tr><td>Soft tissue</td><td>50</td><td>400</td><td>abdomen, soft tissues</td></tr>
 * <tr><td>Bone</td><td>400</td><td>1800</td><td>spine, bone</td></tr>
 * <tr><td>Brain</td><td>40</td><td>80</td><td>head, brain</td></tr>
 * <tr><td>Liver</td><td>30</td><td>150</td><td>abdomen, liver</td></tr>
 * <tr><td>Stroke</td><td>40</td><td>40</td><td>head, stroke (second of two options)</td></tr>
 * <tr><td>Subdural</td><td>75</td><td>215</td><td>head, subdural: middle of L 50-100,
 * W 130-300</td></tr>
 * </table>
 * <p>
 * The preset names are macro values of the heat-map commands: never rename one.
 * Instances are immutable.
 */
public final class CtWindow {

	public static final String LUNG = "Lung";
	public static final String MEDIASTINUM = "Mediastinum";
	public static final String SOFT_TISSUE = "Soft tissue";
	public static final String BONE = "Bone";
	public static final String BRAIN = "Brain";
	public static final String LIVER = "Liver";
	public static final String STROKE = "Stroke";
	public static final String SUBDURAL = "Subdural";
	/** Name of windows made by {@link #custom(double, double)}. */
	public static final String CUSTOM = "Custom";

	private static final List<CtWindow> PRESETS = Collections.unmodifiableList(Arrays.asList(
		new CtWindow(LUNG, -600, 1500), new CtWindow(MEDIASTINUM, 50, 350), new CtWindow(
			SOFT_TISSUE, 50, 400), new CtWindow(BONE, 400, 1800), new CtWindow(BRAIN, 40, 80),
		new CtWindow(LIVER, 30, 150), new CtWindow(STROKE, 40, 40), new CtWindow(SUBDURAL, 75,
			215)));

	private final String name;
	private final double centerHu;
	private final double widthHu;
	/** Lower HU rounded to float and grey levels per HU, as {@link #grey} uses them. */
	private final double greyLow;
	private final double greyScale;

	private CtWindow(String name, double centerHu, double widthHu) {
		if (!Double.isFinite(centerHu)) {
			throw new IllegalArgumentException("Window centre must be a finite number of HU, got " +
				centerHu);
		}
		if (!(widthHu > 0) || Double.isInfinite(widthHu)) {
			throw new IllegalArgumentException("Window width must be a positive number of HU, got " +
				widthHu);
		}
		this.name = name;
		this.centerHu = centerHu;
		this.widthHu = widthHu;
		this.greyLow = (float) lowerHu();
		this.greyScale = 255.0 / ((float) upperHu() - greyLow);
	}

	/**
	 * Returns the preset with the given name, ignoring case.
	 *
	 * @throws IllegalArgumentException for an unknown name, including
	 *           {@link #CUSTOM}, which needs {@link #custom(double, double)}
	 */
	public static CtWindow preset(String name) {
		for (CtWindow window : PRESETS) {
			if (window.name.equalsIgnoreCase(name == null ? "" : name.trim())) return window;
		}
		throw new IllegalArgumentException("Unknown CT window '" + name + "'; use one of " +
			presetNames() + " or custom centre and width");
	}

	/**
	 * Returns a window named {@link #CUSTOM}.
	 *
	 * @param centerHu window centre (level) in HU, finite
	 * @param widthHu window width in HU, positive and finite
	 * @throws IllegalArgumentException if the centre or width is invalid
	 */
	public static CtWindow custom(double centerHu, double widthHu) {
		return new CtWindow(CUSTOM, centerHu, widthHu);
	}

	/** Returns the preset names in menu order, without {@link #CUSTOM}. */
	public static List<String> presetNames() {
		String[] names = new String[PRESETS.size()];
		for (int i = 0; i < names.length; i++) {
			names[i] = PRESETS.get(i).name;
		}
		return Collections.unmodifiableList(Arrays.asList(names));
	}

	public String name() {
		return name;
	}

	/** Returns the window centre (level) in HU. */
	public double centerHu() {
		return centerHu;
	}

	/** Returns the window width in HU. */
	public double widthHu() {
		return widthHu;
	}

	/** Returns the HU shown black: centre - width / 2. */
	public double lowerHu() {
		return centerHu - widthHu / 2;
	}

	/** Returns the HU shown white: centre + width / 2. */
	public double upperHu() {
		return centerHu + widthHu / 2;
	}

	/**
	 * Returns the grey level 0..255 of a HU value, exactly as ImageJ 1.54p
	 * displays a 32-bit image whose display range is this window.
	 * <p>
	 * With {@code lo} and {@code hi} the lower and upper HU rounded to float
	 * (ImageJ stores a 32-bit display range as floats), the grey level is
	 * {@code min(255, (int) (max(0, hu - lo) * 255 / (hi - lo) + 0.5))}: 0 at
	 * and below {@code lo}, 255 at and above {@code hi}, 128 at the centre,
	 * linear and rounded half up in between. NaN gives 0, as in ImageJ.
	 * <p>
	 * NB: this is the simple linear form, not DICOM's linear VOI LUT function
	 * (PS3.3 C.11.2.1.2.1), which uses {@code centre - 0.5} and
	 * {@code width - 1} for integer stored values. Before rounding the two
	 * differ by at most 127.5 / (width - 1) grey levels, under 0.5 for widths
	 * of 256 HU and more.
	 */
	public int grey(double hu) {
		double value = hu - greyLow;
		if (value < 0) value = 0;
		int grey = (int) (value * greyScale + 0.5);
		return Math.min(grey, 255);
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof CtWindow)) return false;
		CtWindow w = (CtWindow) other;
		return name.equals(w.name) && centerHu == w.centerHu && widthHu == w.widthHu;
	}

	@Override
	public int hashCode() {
		return Objects.hash(name, centerHu, widthHu);
	}

	/** Returns e.g. "Lung (centre -600 HU, width 1500 HU)". */
	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s (centre %s HU, width %s HU)", name, format(
			centerHu), format(widthHu));
	}

	private static String format(double hu) {
		return hu == Math.rint(hu) ? Long.toString((long) hu) : Double.toString(hu);
	}
}
