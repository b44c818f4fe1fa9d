package org.ctheatmap.compare;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.measure.ValueStatistics;

/**
 * Statistics of a change map over the voxels where both time points overlap
 * (the map is not NaN) and inside a mask, in the map's unit.
 * <p>
 * Two groups are summarised. "All" is every such voxel. "Uniform" keeps only
 * voxels away from edges: those whose 26 neighbours in the baseline all lie
 * within {@value #UNIFORM_RANGE_HU} HU of the voxel itself (8 in-plane
 * neighbours for a single slice), so voxels on the outer rows, columns and
 * slices never count. At edges the two scans
 * see different partial-volume mixtures whenever their slice thickness,
 * spacing or tilt differ, so a correct alignment still shows large signed
 * differences there, while uniform voxels show the change itself plus noise.
 * Instances are immutable.
 */
public final class DifferenceSummary {

	/** Largest deviation from the voxel, in HU, that still counts a neighbourhood as uniform. */
	public static final double UNIFORM_RANGE_HU = 40;

	private final ValueStatistics all;
	private final ValueStatistics uniform;

	private DifferenceSummary(ValueStatistics all, ValueStatistics uniform) {
		this.all = all;
		this.uniform = uniform;
	}

	/**
	 * Summarises a change map; no input is modified.
	 *
	 * @param change change map on the baseline grid, NaN outside the overlap
	 * @param baseline baseline HU on the same grid
	 * @param mask voxels to use, {@code mask[k][j * width + i]}, or null for all
	 */
	public static DifferenceSummary of(PatientVolume change, PatientVolume baseline,
		boolean[][] mask)
	{
		FloatVolume d = change.values();
		FloatVolume b = baseline.values();
		int width = d.width();
		int height = d.height();
		float[] allValues = new float[1024];
		float[] uniformValues = new float[1024];
		int allCount = 0;
		int uniformCount = 0;
		for (int k = 0; k < d.depth(); k++) {
			for (int j = 0; j < height; j++) {
				for (int i = 0; i < width; i++) {
					int index = j * width + i;
					float value = d.slices()[k][index];
					if (value != value || (mask != null && !mask[k][index])) continue;
					if (allCount == allValues.length) {
						allValues = Arrays.copyOf(allValues, allCount * 2);
					}
					allValues[allCount++] = value;
					if (!uniform(b, i, j, k)) continue;
					if (uniformCount == uniformValues.length) {
						uniformValues = Arrays.copyOf(uniformValues, uniformCount * 2);
					}
					uniformValues[uniformCount++] = value;
				}
			}
		}
		return new DifferenceSummary(ValueStatistics.of(Arrays.copyOf(allValues, allCount),
			Double.NaN), ValueStatistics.of(Arrays.copyOf(uniformValues, uniformCount),
				Double.NaN));
	}

	/** Returns the statistics over every overlapping voxel in the mask. */
	public ValueStatistics all() {
		return all;
	}

	/** Returns the statistics over the overlapping voxels away from baseline edges. */
	public ValueStatistics uniform() {
		return uniform;
	}

	/** Returns both groups for sidecars: voxel count, mean, SD, median, P5 and P95. */
	public Map<String, Object> describe(String unit) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("all", describe(all, unit));
		Map<String, Object> edgeFree = describe(uniform, unit);
		edgeFree.put("rule", "26 neighbours within " + UNIFORM_RANGE_HU +
			" HU of the voxel in the baseline");
		map.put("uniform", edgeFree);
		return map;
	}

	private static Map<String, Object> describe(ValueStatistics statistics, String unit) {
		Map<String, Object> map = new LinkedHashMap<>();
		String u = " (" + unit + ")";
		map.put("Voxels", statistics.count());
		map.put("Mean" + u, statistics.mean());
		map.put("SD" + u, statistics.sd());
		map.put("Median" + u, statistics.median());
		map.put("P5" + u, statistics.percentile(5));
		map.put("P95" + u, statistics.percentile(95));
		return map;
	}

	private static boolean uniform(FloatVolume b, int i, int j, int k) {
		int reach = b.depth() == 1 ? 0 : 1;
		if (i == 0 || j == 0 || i == b.width() - 1 || j == b.height() - 1 || k < reach || k >= b
			.depth() - reach)
		{
			return false;
		}
		float centre = b.get(i, j, k);
		for (int dk = -reach; dk <= reach; dk++) {
			for (int dj = -1; dj <= 1; dj++) {
				for (int di = -1; di <= 1; di++) {
					if (!(Math.abs(b.get(i + di, j + dj, k + dk) - centre) <= UNIFORM_RANGE_HU)) {
						return false;
					}
				}
			}
		}
		return true;
	}
}
