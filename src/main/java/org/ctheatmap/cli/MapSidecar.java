package org.ctheatmap.cli;

import ij.ImageStack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.maps.MapPercentiles;
import org.ctheatmap.io.SoftwareVersion;
import org.ctheatmap.lut.HeatMapSettings;

/**
 * Builds the JSON sidecar of a parameter-map run: software, input grid,
 * parameters, the map's settings, the mask, the rendering with the colour
 * range used, map statistics, outputs and warnings. Patient-identifying
 * metadata never enters it, because only the listed input facts are copied.
 */
final class MapSidecar {

	private MapSidecar() {}

	/**
	 * Returns the sidecar content of a finished run, in output order.
	 *
	 * @param values the map, for its percentiles
	 * @param description the map's settings as labelled text
	 * @param unit unit of the map values
	 * @param mask the mask planes used, or null
	 * @param maskDescription how the mask was made
	 */
	static Map<String, Object> describe(MapRequest request, CtVolume volume, ImageStack values,
		Map<String, String> description, String unit, HeatMapSettings settings,
		boolean[][] mask, String maskDescription, int[] slices, List<String> warnings)
	{
		Map<String, Object> sidecar = new LinkedHashMap<>();
		Map<String, Object> software = new LinkedHashMap<>();
		software.put("name", SoftwareVersion.NAME);
		software.put("version", SoftwareVersion.version());
		software.put("command", CtHeatMapCli.PROGRAM + " map");
		sidecar.put("software", software);
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("path", request.input().toString());
		input.put("format", volume.metadata().get("Format"));
		input.put("dimensions", new int[] { volume.width(), volume.height(), volume.depth(),
			volume.frames() });
		input.put("spacingMm", volume.geometry().spacing());
		input.put("originMm", volume.geometry().origin());
		sidecar.put("input", input);
		sidecar.put("huConversion", volume.huConversion());
		sidecar.put("parameters", request.toMap());
		sidecar.put("map", new LinkedHashMap<>(description));
		sidecar.put("mask", maskDescription);
		sidecar.put("rendering", new LinkedHashMap<>(settings.describe()));
		double[] q = MapPercentiles.of(values, mask, volume.depth(), 0, 2, 50, 98, 100);
		Map<String, Object> statistics = new LinkedHashMap<>();
		statistics.put("unit", unit);
		statistics.put("note", "finite map values" + (mask == null ? "" : " inside the mask") +
			"; percentiles interpolate linearly between order statistics");
		statistics.put("minimum", q[0]);
		statistics.put("percentile2", q[1]);
		statistics.put("median", q[2]);
		statistics.put("percentile98", q[3]);
		statistics.put("maximum", q[4]);
		sidecar.put("statistics", statistics);
		Map<String, Object> outputs = new LinkedHashMap<>();
		outputs.put("nifti", MapJob.NIFTI_NAME);
		outputs.put("png", MapJob.PNG_NAME);
		outputs.put("views", MapJob.VIEWS_NAME);
		outputs.put("montageSlices", slices);
		outputs.put("viewsOrder", "axial, coronal, sagittal through the view point, then the" +
			" axial maximum projection; time point 1");
		sidecar.put("outputs", outputs);
		sidecar.put("warnings", warnings);
		return sidecar;
	}
}
