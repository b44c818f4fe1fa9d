package org.ctheatmap.lut;

/**
 * Blends a colour over a grey level with
 * {@link HeatMapRenderer#blend(int, int, double)}. Without an opacity ramp the opacity is the same for every voxel, so all
 * 256 x 256 results are computed once and looked up, which gives the same
 * values with less arithmetic per voxel.
 */
final class Blender {

	private final HeatMapSettings settings;
	private final int[] table;

	Blender(HeatMapSettings settings) {
		this.settings = settings;
		if (settings.hasRamp()) {
			table = null;
			return;
		}
		table = new int[256 * 256];
		double a = settings.opacity();
		for (int grey = 0; grey < 256; grey++) {
			for (int colour = 0; colour < 256; colour++) {
				table[grey << 8 | colour] = HeatMapRenderer.blend(grey, colour, a);
			}
		}
	}

	/** Returns the packed RGB of a colour 0xRRGGBB over a grey level for a value. */
	int pixel(int grey, int colour, double value) {
		int red = colour >> 16 & 0xff;
		int green = colour >> 8 & 0xff;
		int blue = colour & 0xff;
		if (table != null) {
			int row = grey << 8;
			return table[row | red] << 16 | table[row | green] << 8 | table[row | blue];
		}
		double a = settings.opacity(value);
		int r = HeatMapRenderer.blend(grey, red, a);
		int g = HeatMapRenderer.blend(grey, green, a);
		int b = HeatMapRenderer.blend(grey, blue, a);
		return r << 16 | g << 8 | b;
	}
}
