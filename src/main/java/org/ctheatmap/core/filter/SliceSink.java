package org.ctheatmap.core.filter;

/**
 * Receives finished output slices from a neighbourhood filter, so that the
 * result can go to a float volume, a 16-bit stack or back into the source
 * without a second full-size buffer.
 */
@FunctionalInterface
public interface SliceSink {

	/**
	 * Stores output slice z (0-based), {@code width * height} values indexed
	 * [y * width + x]. The array is reused after the call returns. Calls for
	 * different slices may come from different threads at the same time.
	 */
	void accept(int z, float[] values);

	/** Returns a sink that copies each slice into {@code target}. */
	static SliceSink into(FloatVolume target) {
		return (z, values) -> System.arraycopy(values, 0, target.slices()[z], 0, values.length);
	}
}
