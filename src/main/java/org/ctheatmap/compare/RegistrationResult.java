package org.ctheatmap.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of a rigid registration. Instances are immutable. */
public final class RegistrationResult {

	private final RigidTransform transform;
	private final RigidTransform start;
	private final RegistrationMetric metric;
	private final double startMetric;
	private final double finalMetric;
	private final boolean converged;
	private final boolean planar;
	private final int[] iterations;
	private final int samples;
	private final long elapsedMillis;
	private final List<String> warnings;

	RegistrationResult(RigidTransform transform, RigidTransform start, RegistrationMetric metric,
		double startMetric,
		double finalMetric, boolean converged, boolean planar, int[] iterations, int samples,
		long elapsedMillis, List<String> warnings)
	{
		this.transform = transform;
		this.start = start;
		this.metric = metric;
		this.startMetric = startMetric;
		this.finalMetric = finalMetric;
		this.converged = converged;
		this.planar = planar;
		this.iterations = iterations.clone();
		this.samples = samples;
		this.elapsedMillis = elapsedMillis;
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
	}

	/** Returns the transform from baseline to follow-up patient coordinates. */
	public RigidTransform transform() {
		return transform;
	}

	/** Returns the starting transform (identity or the centre-of-mass translation). */
	public RigidTransform start() {
		return start;
	}

	/** Returns the similarity measure that was maximised. */
	public RegistrationMetric metric() {
		return metric;
	}

	/** Returns the metric at the start, on the full-resolution samples. */
	public double startMetric() {
		return startMetric;
	}

	/** Returns the metric at the result on the full-resolution samples: NCC or MI (nats). */
	public double finalMetric() {
		return finalMetric;
	}

	/** Returns whether the optimiser's step fell below its minimum on every level. */
	public boolean converged() {
		return converged;
	}

	/** Returns whether the registration was 2-D: rotation about the slice normal only. */
	public boolean planar() {
		return planar;
	}

	/** Returns the optimiser iterations per level, coarse to fine. */
	public int[] iterations() {
		return iterations.clone();
	}

	/** Returns the number of full-resolution sample points inside both images at the end. */
	public int samples() {
		return samples;
	}

	/** Returns the wall-clock time of the registration in ms. */
	public long elapsedMillis() {
		return elapsedMillis;
	}

	/** Returns warnings for the user, such as non-convergence; unmodifiable. */
	public List<String> warnings() {
		return warnings;
	}

	/** Returns the result for sidecars, units in the keys. */
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("mode", planar ? "2-D (rotation about the slice normal, in-plane translation)"
			: "3-D");
		map.put("transform", transform.describe());
		map.put("start", start.describe());
		map.put("metric", metric.description());
		map.put("startMetric", startMetric);
		map.put("finalMetric", finalMetric);
		map.put("converged", converged);
		map.put("iterationsPerLevel", iterations.clone());
		map.put("samples", samples);
		map.put("elapsedMs", elapsedMillis);
		map.put("warnings", warnings);
		return map;
	}
}
