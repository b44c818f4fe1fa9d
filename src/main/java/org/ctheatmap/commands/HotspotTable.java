package org.ctheatmap.commands;

import ij.measure.ResultsTable;

import java.util.List;

import org.ctheatmap.core.hotspot.Hotspot;

/**
 * The table of "Find Hotspots": one row per hotspot, units in the column
 * headings. Positions in mm are DICOM LPS patient coordinates; voxel
 * positions are 0-based column, row and slice indices.
 */
final class HotspotTable {

	private HotspotTable() {}

	/**
	 * Returns the rows as an ImageJ results table.
	 *
	 * @param unit unit of the map values, e.g. "HU"
	 */
	static ResultsTable of(List<Hotspot> hotspots, String unit) {
		ResultsTable table = new ResultsTable();
		table.showRowNumbers(false);
		String u = " (" + unit + ")";
		String[] axes = { "x", "y", "z" };
		String[] indices = { "i", "j", "k" };
		for (Hotspot h : hotspots) {
			table.incrementCounter();
			table.addValue("Hotspot", h.name());
			table.addValue("Frame", h.frame());
			table.addValue("Voxels", h.voxelCount());
			table.addValue("Volume (mm³)", h.volumeMm3());
			table.addValue("Peak" + u, h.peak());
			table.addValue("Mean" + u, h.mean());
			for (int a = 0; a < 3; a++) {
				table.addValue("Peak " + axes[a] + " (mm)", h.peakMm()[a]);
			}
			for (int a = 0; a < 3; a++) {
				table.addValue("Centroid " + axes[a] + " (mm)", h.centroidMm()[a]);
			}
			for (int a = 0; a < 3; a++) {
				table.addValue("Centroid " + indices[a] + " (voxel)", h.centroidVoxel()[a]);
			}
			table.addValue("First slice", h.firstSlice());
			table.addValue("Last slice", h.lastSlice());
		}
		return table;
	}
}
