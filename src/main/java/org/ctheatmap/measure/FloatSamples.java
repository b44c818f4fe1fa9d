package org.ctheatmap.measure;

import java.util.Arrays;

/** A growable list of float values, which are kept for percentiles. */
final class FloatSamples {

	private float[] values = new float[64];
	private int size;

	void add(float value) {
		if (size == values.length) {
			values = Arrays.copyOf(values, Math.max(64, values.length + (values.length >> 1)));
		}
		values[size++] = value;
	}

	int size() {
		return size;
	}

	/** Returns the backing array; only the first {@link #size()} entries are values. */
	float[] values() {
		return values;
	}
}
