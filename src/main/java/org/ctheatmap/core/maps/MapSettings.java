package org.ctheatmap.core.maps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ctheatmap.core.LocalMean;

/**
 * Settings of a parameter map: the map type, the box radius in mm and the
 * settings that only some types use. Instances are immutable; the
 * {@code with...} methods return copies.
 */
public final class MapSettings {

	/** Lower edge of the first entropy bin: -1024 HU, the floor of 12-bit CT. */
	public static final double ENTROPY_LOWEST_HU = -1024;

	/** Upper edge of the last entropy bin: 3072 HU, the top of 12-bit CT. */
	public static final double ENTROPY_HIGHEST_HU = 3072;

	private final MapType type;
	private final double radiusMm;
	private final double rangeLowHu;
	private final double rangeHighHu;
	private final double binWidthHu;

	private MapSettings(MapType type, double radiusMm, double rangeLowHu, double rangeHighHu,
		double binWidthHu)
	{
		if (!(radiusMm >= 0) || Double.isInfinite(radiusMm)) {
			throw new IllegalArgumentException("Radius must be 0 mm or more, got " + radiusMm +
				" mm");
		}
		if (Double.isNaN(rangeLowHu) || Double.isNaN(rangeHighHu) || !(rangeLowHu <=
			rangeHighHu))
		{
			throw new IllegalArgumentException("HU range needs low <= high, got " + rangeLowHu +
				" to " + rangeHighHu + " HU");
		}
		if (!(binWidthHu > 0) || (ENTROPY_HIGHEST_HU - ENTROPY_LOWEST_HU) /
			binWidthHu > Short.MAX_VALUE)
		{
			throw new IllegalArgumentException("Entropy bin width must be above " +
				(ENTROPY_HIGHEST_HU - ENTROPY_LOWEST_HU) / Short.MAX_VALUE + " HU, got " +
				binWidthHu + " HU");
		}
		this.type = type;
		this.radiusMm = radiusMm;
		this.rangeLowHu = rangeLowHu;
		this.rangeHighHu = rangeHighHu;
		this.binWidthHu = binWidthHu;
	}

	/**
	 * Returns settings with the defaults: the HU range of emphysema, below
	 * -950 HU (from -1024 HU), and entropy bins of 16 HU.
	 *
	 * @param radiusMm box radius in mm; half-widths follow
	 *          {@link LocalMean#halfWidths(double, double[])}
	 * @throws IllegalArgumentException if the radius is negative or infinite
	 */
	public static MapSettings of(MapType type, double radiusMm) {
		return new MapSettings(type, radiusMm, -1024, -950, 16);
	}

	/** Returns a copy whose "HU in range" counts HU from {@code low} to {@code high}, inclusive. */
	public MapSettings withRange(double lowHu, double highHu) {
		return new MapSettings(type, radiusMm, lowHu, highHu, binWidthHu);
	}

	/** Returns a copy with entropy bins of the given width in HU. */
	public MapSettings withBinWidth(double widthHu) {
		return new MapSettings(type, radiusMm, rangeLowHu, rangeHighHu, widthHu);
	}

	public MapType type() {
		return type;
	}

	/** Returns the box radius in mm. */
	public double radiusMm() {
		return radiusMm;
	}

	/** Returns the lowest HU counted by "HU in range". */
	public double rangeLowHu() {
		return rangeLowHu;
	}

	/** Returns the highest HU counted by "HU in range". */
	public double rangeHighHu() {
		return rangeHighHu;
	}

	/** Returns the width of an entropy bin in HU. */
	public double binWidthHu() {
		return binWidthHu;
	}

	/** Returns the number of entropy bins between the lowest and highest HU. */
	public int bins() {
		return (int) Math.ceil((ENTROPY_HIGHEST_HU - ENTROPY_LOWEST_HU) / binWidthHu);
	}

	/**
	 * Returns the settings and the half-widths they give on a grid as
	 * labelled text, for sidecars and image info; unmodifiable.
	 *
	 * @param spacingMm voxel size along x, y and z in mm
	 */
	public Map<String, String> describe(double[] spacingMm) {
		int[] half = LocalMean.halfWidths(radiusMm, spacingMm);
		Map<String, String> map = new LinkedHashMap<>();
		map.put("Map", type.label());
		map.put("Map unit", type.unit());
		map.put("Radius (mm)", format(radiusMm));
		map.put("Box half-widths x, y, z (voxels)", half[0] + ", " + half[1] + ", " + half[2]);
		map.put("Box", "(2 rx + 1) x (2 ry + 1) x (2 rz + 1) voxels, clipped at the borders");
		if (type == MapType.LOCAL_SD) map.put("SD", "sample SD, divisor n - 1");
		if (type == MapType.GRADIENT) {
			map.put("Gradient", "central differences of the box mean (of the values for" +
				" radius 0), one-sided at edges");
		}
		if (type == MapType.RANGE_FRACTION) {
			map.put("Range (HU)", format(rangeLowHu) + " to " + format(rangeHighHu) +
				", inclusive");
		}
		if (type == MapType.ENTROPY) {
			map.put("Entropy bins", bins() + " bins of " + format(binWidthHu) + " HU from " +
				format(ENTROPY_LOWEST_HU) + " HU, end bins open");
		}
		return Collections.unmodifiableMap(map);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s, radius %s mm", type.label(), format(radiusMm));
	}

	static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return Double.toString(value);
	}
}
