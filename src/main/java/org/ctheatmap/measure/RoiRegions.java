package org.ctheatmap.measure;

import ij.gui.Roi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups ImageJ ROIs into named regions.
 * <p>
 * Naming rule, applied to each ROI in turn:
 * <ol>
 * <li>A ROI in a group ({@link Roi#getGroup()} greater than 0) joins the
 * region of that group, named after the group's name in ImageJ
 * ({@link Roi#getGroupName(int)}) or "Group N" when the group has none.</li>
 * <li>Otherwise a ROI with a name ({@link Roi#getName()}, leading and
 * trailing blanks removed) joins the region of every other ungrouped ROI
 * with exactly the same name, case included. Three ROIs named "lesion" on
 * slices 4, 5 and 6 form the 3-D region "lesion".</li>
 * <li>A ROI without a name is a region of its own, named "ROI N" after its
 * 1-based place in the list.</li>
 * </ol>
 * NB: the name used is the ROI's own name, which the ROI Manager stores in
 * each ".roi" file of a saved set. When a set contains several ROIs of one name,
 * the ROI Manager makes the zip entry names unique by appending "-1", "-2"
 * and so on, and shows those entry names as list labels after the set is
 * reopened; the ROIs' own names stay "lesion", so they still form one region.
 * ROIs the ROI Manager named itself ("0004-0123-0456": slice, y and x of the
 * centre) differ from each other and stay separate regions.
 * <p>
 * Regions are returned in the order of their first ROI.
 */
public final class RoiRegions {

	private RoiRegions() {}

	/**
	 * Groups ROIs into regions on a grid; the ROIs are not modified.
	 *
	 * @throws IllegalArgumentException if a ROI is not an area ROI or lies on a
	 *           slice or frame beyond the grid
	 */
	public static List<RoiRegion> group(List<Roi> rois, VoxelGrid grid) {
		Map<String, RoiRegion> regions = new LinkedHashMap<>();
		for (int n = 0; n < rois.size(); n++) {
			Roi roi = rois.get(n);
			if (!roi.isArea()) {
				throw new IllegalArgumentException("ROI '" + displayName(roi, n) + "' is a " + roi
					.getTypeAsString() + " selection; only area ROIs can be measured");
			}
			RoiPosition position = RoiPosition.of(roi, grid);
			String key = key(roi, n);
			regions.computeIfAbsent(key, k -> new RoiRegion(regionName(roi, k))).add(roi,
				position);
		}
		return new ArrayList<>(regions.values());
	}

	/** Returns the region key: "group:N", "name:NAME" or "roi:N". */
	private static String key(Roi roi, int index) {
		if (roi.getGroup() > 0) return "group:" + roi.getGroup();
		String name = roi.getName() == null ? "" : roi.getName().trim();
		return name.isEmpty() ? "roi:" + (index + 1) : "name:" + name;
	}

	private static String regionName(Roi roi, String key) {
		String value = key.substring(key.indexOf(':') + 1);
		if (key.startsWith("group:")) {
			String groupName = Roi.getGroupName(roi.getGroup());
			return groupName == null ? "Group " + value : groupName;
		}
		return key.startsWith("roi:") ? "ROI " + value : value;
	}

	private static String displayName(Roi roi, int index) {
		return roi.getName() == null ? "ROI " + (index + 1) : roi.getName();
	}
}
