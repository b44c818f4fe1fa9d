package org.ctheatmap.compare.report;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;

/** Drawing and storage options of a comparison report. Instances are immutable. */
public final class ReportOptions {

	/** Coolwarm, automatic ranges, soft tissue, opacity 0.7, 12 slices in rows of 4, NIfTI. */
	public static final ReportOptions DEFAULT = new ReportOptions(Colormaps.COOLWARM,
		Double.NaN, Double.NaN, CtWindow.preset(CtWindow.SOFT_TISSUE), 0.7, 12, 4, true);

	private final String colormap;
	private final double absoluteLimitHu;
	private final double relativeLimitPercent;
	private final CtWindow window;
	private final double opacity;
	private final int montageSlices;
	private final int montageColumns;
	private final boolean nifti;

	/**
	 * @param colormap name of a diverging colormap (see {@link Colormaps})
	 * @param absoluteLimitHu half-width of the ΔHU colour range, or NaN for
	 *          the automatic range (99th percentile of |ΔHU| in the body)
	 * @param relativeLimitPercent half-width of the % colour range, or NaN
	 *          for the automatic range
	 * @param window CT window of the grey background
	 * @param opacity opacity of the colours, 0..1
	 * @param montageSlices number of slices in each difference montage
	 * @param montageColumns tiles per montage row
	 * @param nifti whether to save the maps and aligned follow-ups as NIfTI
	 * @throws IllegalArgumentException if the colormap is unknown, a limit is
	 *           not positive, the opacity is outside 0..1 or a count is below 1
	 */
	public ReportOptions(String colormap, double absoluteLimitHu, double relativeLimitPercent,
		CtWindow window, double opacity, int montageSlices, int montageColumns, boolean nifti)
	{
		Colormaps.get(colormap);
		checkLimit(absoluteLimitHu, "ΔHU");
		checkLimit(relativeLimitPercent, "%");
		if (!(opacity >= 0 && opacity <= 1)) {
			throw new IllegalArgumentException("Opacity must be between 0 and 1, got " + opacity);
		}
		if (montageSlices < 1 || montageColumns < 1) {
			throw new IllegalArgumentException("A montage needs at least 1 slice and 1 column," +
				" got " + montageSlices + " and " + montageColumns);
		}
		this.colormap = colormap;
		this.absoluteLimitHu = absoluteLimitHu;
		this.relativeLimitPercent = relativeLimitPercent;
		this.window = window;
		this.opacity = opacity;
		this.montageSlices = montageSlices;
		this.montageColumns = montageColumns;
		this.nifti = nifti;
	}

	private static void checkLimit(double limit, String unit) {
		if (limit != limit) return;
		if (!(limit > 0) || Double.isInfinite(limit)) {
			throw new IllegalArgumentException("A colour range limit must be above 0 " + unit +
				", got " + limit);
		}
	}

	public String colormap() {
		return colormap;
	}

	/** Returns the ΔHU half-width, or NaN for automatic. */
	public double absoluteLimitHu() {
		return absoluteLimitHu;
	}

	/** Returns the % half-width, or NaN for automatic. */
	public double relativeLimitPercent() {
		return relativeLimitPercent;
	}

	public CtWindow window() {
		return window;
	}

	public double opacity() {
		return opacity;
	}

	public int montageSlices() {
		return montageSlices;
	}

	public int montageColumns() {
		return montageColumns;
	}

	/** Returns whether NIfTI files are written. */
	public boolean nifti() {
		return nifti;
	}

	/** Returns the options for sidecars. */
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("colormap", colormap);
		map.put("absoluteLimitHu", absoluteLimitHu != absoluteLimitHu ? "automatic"
			: absoluteLimitHu);
		map.put("relativeLimitPercent", relativeLimitPercent != relativeLimitPercent
			? "automatic" : relativeLimitPercent);
		map.put("window", window.name());
		map.put("windowCentreHu", window.centerHu());
		map.put("windowWidthHu", window.widthHu());
		map.put("opacity", opacity);
		map.put("montageSlices", montageSlices);
		map.put("montageColumns", montageColumns);
		map.put("nifti", nifti);
		return map;
	}
}
