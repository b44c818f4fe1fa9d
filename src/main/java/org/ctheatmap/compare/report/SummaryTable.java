package org.ctheatmap.compare.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ctheatmap.compare.FollowUpComparison;
import org.ctheatmap.compare.RegistrationResult;
import org.ctheatmap.compare.TimePointComparison;
import org.ctheatmap.measure.ValueStatistics;

/** One row per follow-up: alignment, transform and the statistics of its change map. */
final class SummaryTable {

	static final List<String> HEADERS = Collections.unmodifiableList(Arrays.asList(
		"Time point", "Date", "Alignment", "Rotation (deg)", "Translation x (mm)",
		"Translation y (mm)", "Translation z (mm)", "Metric", "Final metric", "Converged",
		"Voxels compared",
		"Mean change (HU)", "SD change (HU)", "Median change (HU)", "Uniform voxels",
		"Uniform mean change (HU)", "Uniform SD change (HU)", "Warnings"));

	private SummaryTable() {}

	static List<List<Object>> rows(TimePointComparison comparison) {
		List<List<Object>> rows = new ArrayList<>();
		for (FollowUpComparison f : comparison.followUps()) {
			double[] t = f.transform().translationMm();
			RegistrationResult r = f.registration();
			ValueStatistics all = f.summary().all();
			ValueStatistics uniform = f.summary().uniform();
			String metric = r == null ? "" : r.metric().label();
			double value = r == null ? Double.NaN : r.finalMetric();
			String converged = r == null ? "" : Boolean.toString(r.converged());
			rows.add(Arrays.asList(f.timePoint().name(), f.timePoint().dateText(), f.alignment()
				.label(), f.transform().rotationAngleDegrees(), t[0], t[1], t[2], metric, value,
				converged,
				all.count(), all.mean(), all.sd(), all.median(), uniform.count(), uniform.mean(),
				uniform.sd(), String.join(" | ", f.warnings())));
		}
		return rows;
	}
}
