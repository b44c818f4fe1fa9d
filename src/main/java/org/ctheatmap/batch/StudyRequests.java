package org.ctheatmap.batch;

import java.nio.file.Path;

import org.ctheatmap.cli.HeatMapRequest;

/** Builds the heat-map request of each study of a batch, with the same settings for all. */
@FunctionalInterface
public interface StudyRequests {

	/**
	 * Returns the request that reads one study and writes its heat map.
	 *
	 * @param input DICOM folder or image file of the study
	 * @param outputFolder empty folder that receives the heat-map outputs
	 * @throws IllegalArgumentException if a setting is invalid
	 */
	HeatMapRequest request(Path input, Path outputFolder);
}
