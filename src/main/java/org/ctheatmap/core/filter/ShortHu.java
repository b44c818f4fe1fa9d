package org.ctheatmap.core.filter;

import ij.ImageStack;

/** Converts 16-bit stored values to float HU and back with a straight line. */
final class ShortHu {

	private ShortHu() {}

	/** Returns a new float volume with {@code HU = line[0] + line[1] * stored}. */
	static FloatVolume toFloat(ImageStack stack, double[] line) {
		FloatVolume hu = FloatVolume.allocate(stack.getWidth(), stack.getHeight(), stack
			.getSize());
		Parallel.forRange(stack.getSize(), (from, to) -> {
			for (int z = from; z < to; z++) {
				short[] stored = (short[]) stack.getPixels(z + 1);
				float[] values = hu.slices()[z];
				for (int i = 0; i < stored.length; i++) {
					values[i] = (float) (line[0] + line[1] * (stored[i] & 0xffff));
				}
			}
		});
		return hu;
	}

	/**
	 * Stores HU values as the nearest 16-bit value of the line, clamped to
	 * 0-65535; NaN is stored as 0.
	 */
	static void store(float[] values, short[] stored, double[] line) {
		for (int i = 0; i < values.length; i++) {
			double raw = Math.rint((values[i] - line[0]) / line[1]);
			if (raw != raw) raw = 0;
			stored[i] = (short) Math.max(0, Math.min(65535, raw));
		}
	}
}
