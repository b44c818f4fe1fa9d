package org.ctheatmap.core.filter;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What to filter with: the filter, its size in mm, the range sigma of the
 * bilateral filter in HU and whether the neighbourhood is 3-D or stays in
 * each slice. Instances are immutable.
 */
public final class FilterSettings {

	private final FilterType type;
	private final double sizeMm;
	private final double rangeSigmaHu;
	private final boolean threeD;

	/**
	 * @param type the filter
	 * @param sizeMm Gaussian sigma, bilateral spatial sigma or neighbourhood
	 *          radius, in mm; positive
	 * @param rangeSigmaHu bilateral range sigma in HU, positive; ignored (may
	 *          be NaN) for the other filters
	 * @param threeD true for a 3-D neighbourhood, false for each slice alone
	 * @throws IllegalArgumentException if a size is not positive and finite
	 */
	public FilterSettings(FilterType type, double sizeMm, double rangeSigmaHu, boolean threeD) {
		if (!(sizeMm > 0) || Double.isInfinite(sizeMm)) {
			throw new IllegalArgumentException(type.label() + (type.sizeIsSigma() ? " sigma"
				: " radius") + " must be a positive number of mm, got " + sizeMm);
		}
		if (type == FilterType.BILATERAL && (!(rangeSigmaHu > 0) || Double.isInfinite(
			rangeSigmaHu)))
		{
			throw new IllegalArgumentException("Bilateral range sigma must be a positive number " +
				"of HU, got " + rangeSigmaHu);
		}
		this.type = type;
		this.sizeMm = sizeMm;
		this.rangeSigmaHu = type == FilterType.BILATERAL ? rangeSigmaHu : Double.NaN;
		this.threeD = threeD;
	}

	/** Returns settings for a Gaussian with sigma in mm. */
	public static FilterSettings gaussian(double sigmaMm, boolean threeD) {
		return new FilterSettings(FilterType.GAUSSIAN, sigmaMm, Double.NaN, threeD);
	}

	/** Returns settings for a median over a sphere of the given radius in mm. */
	public static FilterSettings median(double radiusMm, boolean threeD) {
		return new FilterSettings(FilterType.MEDIAN, radiusMm, Double.NaN, threeD);
	}

	/** Returns settings for a bilateral filter. */
	public static FilterSettings bilateral(double sigmaSpatialMm, double sigmaRangeHu,
		boolean threeD)
	{
		return new FilterSettings(FilterType.BILATERAL, sigmaSpatialMm, sigmaRangeHu, threeD);
	}

	public FilterType type() {
		return type;
	}

	/** Returns the sigma or radius in mm. */
	public double sizeMm() {
		return sizeMm;
	}

	/** Returns the bilateral range sigma in HU, or NaN for other filters. */
	public double rangeSigmaHu() {
		return rangeSigmaHu;
	}

	public boolean threeD() {
		return threeD;
	}

	/**
	 * Returns the neighbourhood of a median, mean or variance filter for a
	 * voxel spacing in mm.
	 */
	public Neighbourhood neighbourhood(double[] spacing) {
		return Neighbourhood.sphereMm(sizeMm, spacing, threeD);
	}

	/** Returns a one-line description, e.g. "Gaussian 3-D, sigma 1.5 mm". */
	public String describe() {
		String size = String.format(Locale.ROOT, "%s %s mm", type.sizeIsSigma() ? "sigma"
			: "radius", trim(sizeMm));
		String range = type == FilterType.BILATERAL ? ", range sigma " + trim(rangeSigmaHu) +
			" HU" : "";
		return type.label() + (threeD ? " 3-D, " : " 2-D, ") + size + range;
	}

	/** Returns the settings as ordered key-value pairs for sidecars and logs. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("filter", type.cliName());
		map.put("dimensions", threeD ? "3D" : "2D");
		map.put(type.sizeIsSigma() ? "sigmaMm" : "radiusMm", sizeMm);
		if (type == FilterType.BILATERAL) map.put("rangeSigmaHu", rangeSigmaHu);
		return map;
	}

	private static String trim(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	@Override
	public String toString() {
		return describe();
	}
}
