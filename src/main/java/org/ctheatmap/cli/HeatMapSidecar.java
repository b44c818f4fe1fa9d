package org.ctheatmap.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ctheatmap.core.BodyMask;
import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.io.SoftwareVersion;
import org.ctheatmap.lut.HeatMapSettings;

/**
 * Builds the JSON sidecar of a heat-map run. Patient-identifying metadata
 * never enters it: every metadata key that contains "Patient" is dropped,
 * whatever a reader put into the volume.
 */
final class HeatMapSidecar {

	/** Metadata keys listed under "acquisition"; null when the input lacks one. */
	static final List<String> ACQUISITION_KEYS = Arrays.asList("Manufacturer",
		"ManufacturerModelName", "KVP", "ConvolutionKernel", "SliceThickness",
		"ContrastBolusAgent", "XRayTubeCurrent", "Exposure", "BodyPartExamined");

	private HeatMapSidecar() {}

	/** Returns the sidecar content of a finished run, in output order. */
	static Map<String, Object> describe(HeatMapRequest request, HeatMapSettings settings,
		HeatMapResult result)
	{
		CtVolume volume = result.volume();
		Map<String, Object> sidecar = new LinkedHashMap<>();
		Map<String, Object> software = new LinkedHashMap<>();
		software.put("name", SoftwareVersion.NAME);
		software.put("version", SoftwareVersion.version());
		software.put("command", CtHeatMapCli.PROGRAM + " heatmap");
		sidecar.put("software", software);
		sidecar.put("input", input(request, volume));
		sidecar.put("huConversion", volume.huConversion());
		sidecar.put("parameters", request.toMap());
		sidecar.put("rendering", new LinkedHashMap<>(settings.describe()));
		sidecar.put("outputs", outputs(result));
		sidecar.put("statistics", statistics(result));
		sidecar.put("acquisition", acquisition(volume.metadata()));
		sidecar.put("metadata", withoutPatient(volume.metadata()));
		sidecar.put("warnings", new ArrayList<>(volume.warnings()));
		return sidecar;
	}

	private static Map<String, Object> input(HeatMapRequest request, CtVolume volume) {
		PatientGeometry geometry = volume.geometry();
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("path", request.input().toString());
		input.put("absolutePath", request.input().toAbsolutePath().normalize().toString());
		input.put("format", volume.metadata().get("Format"));
		input.put("seriesInstanceUid", volume.metadata().get("SeriesInstanceUID"));
		input.put("dimensions", new int[] { volume.width(), volume.height(), volume.depth(),
			volume.frames() });
		input.put("dimensionsOrder", "columns, rows, slices, time points");
		input.put("spacingMm", geometry.spacing());
		input.put("originMm", geometry.origin());
		input.put("rowDirection", geometry.rowDirection());
		input.put("columnDirection", geometry.columnDirection());
		input.put("sliceDirection", geometry.sliceDirection());
		input.put("coordinates", "DICOM LPS patient coordinates; origin is the centre of" +
			" voxel (0, 0, 0)");
		return input;
	}

	private static Map<String, Object> outputs(HeatMapResult result) {
		Map<String, Object> outputs = new LinkedHashMap<>();
		outputs.put("tiff", result.tiff().getFileName().toString());
		outputs.put("png", result.png().getFileName().toString());
		outputs.put("sidecar", result.sidecar().getFileName().toString());
		outputs.put("montageSlices", result.montageSlices());
		outputs.put("montageTimePoint", 1);
		return outputs;
	}

	private static Map<String, Object> statistics(HeatMapResult result) {
		Map<String, Object> statistics = new LinkedHashMap<>();
		statistics.put("note", "HU before smoothing; sdHu is the population standard deviation" +
			" (divisor N); NaN voxels are left out");
		statistics.put("wholeVolume", result.wholeVolume().toMap());
		statistics.put("body", result.body().toMap());
		statistics.put("bodyMask", String.format(Locale.ROOT, "HU > %.0f, largest 3-D" +
			" 6-connected component, holes filled slice by slice", BodyMask.THRESHOLD_HU));
		return statistics;
	}

	private static Map<String, Object> acquisition(Map<String, String> metadata) {
		Map<String, Object> acquisition = new LinkedHashMap<>();
		for (String key : ACQUISITION_KEYS) {
			acquisition.put(key, metadata.get(key));
		}
		return acquisition;
	}

	/** Returns the metadata without any key that mentions the patient. */
	static Map<String, Object> withoutPatient(Map<String, String> metadata) {
		Map<String, Object> kept = new LinkedHashMap<>();
		for (Map.Entry<String, String> entry : metadata.entrySet()) {
			if (!entry.getKey().toLowerCase(Locale.ROOT).contains("patient")) {
				kept.put(entry.getKey(), entry.getValue());
			}
		}
		return kept;
	}
}
