package org.ctheatmap.lut;

import ij.process.LUT;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A colour table of 256 entries, each an RGB triple stored both as floats in
 * 0..1 and as 8-bit values in 0..255. Entry 0 is the colour of the low end of
 * a value range, entry 255 the colour of the high end.
 * <p>
 * Tables defined by floats (the matplotlib maps) get their 8-bit values from
 * {@link #toByte(double)}, which truncates as matplotlib 3.6.3's
 * {@code Colormap.__call__(..., bytes=True)} does. Tables defined by 8-bit
 * values (ImageJ's grays and fire) get the floats {@code value / 255}.
 * <p>
 * Instances are immutable.
 */
public final class Colormap {

	/** Number of entries in every table. */
	public static final int SIZE = 256;

	private final String name;
	private final String source;
	private final double[][] floats;
	private final int[] packed;

	private Colormap(String name, String source, double[][] floats, int[] packed) {
		this.name = name;
		this.source = source;
		this.floats = floats;
		this.packed = packed;
	}

	/**
	 * Creates a table from float colours; the 8-bit colours follow
	 * {@link #toByte(double)}.
	 *
	 * @param name short name, e.g. "viridis"
	 * @param source where the values come from and their licence
	 * @param rgb 256 rows of {red, green, blue}, each in 0..1; copied
	 * @throws IllegalArgumentException if there are not 256 rows of 3 values
	 *           in 0..1
	 */
	public static Colormap fromFloats(String name, String source, double[][] rgb) {
		checkCount(name, rgb == null ? 0 : rgb.length);
		double[][] floats = new double[SIZE][];
		int[] packed = new int[SIZE];
		for (int i = 0; i < SIZE; i++) {
			checkTriple(name, i, rgb[i].length);
			for (double x : rgb[i]) {
				if (!(x >= 0 && x <= 1)) {
					throw new IllegalArgumentException("Colormap '" + name + "' entry " + i +
						" has a value outside 0..1: " + x);
				}
			}
			floats[i] = rgb[i].clone();
			packed[i] = pack(toByte(rgb[i][0]), toByte(rgb[i][1]), toByte(rgb[i][2]));
		}
		return new Colormap(name, source, floats, packed);
	}

	/**
	 * Creates a table from 8-bit colours; the float colours are
	 * {@code value / 255}.
	 *
	 * @param rgb 256 rows of {red, green, blue}, each in 0..255; copied
	 * @throws IllegalArgumentException if there are not 256 rows of 3 values
	 *           in 0..255
	 */
	public static Colormap fromBytes(String name, String source, int[][] rgb) {
		checkCount(name, rgb == null ? 0 : rgb.length);
		double[][] floats = new double[SIZE][3];
		int[] packed = new int[SIZE];
		for (int i = 0; i < SIZE; i++) {
			checkTriple(name, i, rgb[i].length);
			for (int c = 0; c < 3; c++) {
				if (rgb[i][c] < 0 || rgb[i][c] > 255) {
					throw new IllegalArgumentException("Colormap '" + name + "' entry " + i +
						" has a value outside 0..255: " + rgb[i][c]);
				}
				floats[i][c] = rgb[i][c] / 255.0;
			}
			packed[i] = pack(rgb[i][0], rgb[i][1], rgb[i][2]);
		}
		return new Colormap(name, source, floats, packed);
	}

	/**
	 * Converts a float colour component in 0..1 to 8 bits as
	 * {@code (int) (x * 255)} in double precision, i.e. truncation toward zero.
	 * <p>
	 * NB: this is what matplotlib 3.6.3 does for {@code bytes=True}, so PNGs
	 * written by matplotlib and these tables agree to the bit. Rounding to the
	 * nearest integer would change 362 to 395 of the 768 values of each
	 * matplotlib map by one (counted with matplotlib 3.6.3).
	 */
	public static int toByte(double x) {
		return (int) (x * 255.0);
	}

	/** Returns the short name, e.g. "viridis". */
	public String name() {
		return name;
	}

	/** Returns the origin of the values and their licence. */
	public String source() {
		return source;
	}

	/**
	 * Returns entry {@code index} (0-based) as {red, green, blue} floats in
	 * 0..1; a new array.
	 */
	public double[] floatRgb(int index) {
		return floats[index].clone();
	}

	/** Returns entry {@code index} (0-based) packed as 0xRRGGBB, 8 bits per channel. */
	public int rgb(int index) {
		return packed[index];
	}

	/** Returns the 256 red values as unsigned bytes, in the layout of {@link LUT}. */
	public byte[] reds() {
		return channel(16);
	}

	public byte[] greens() {
		return channel(8);
	}

	public byte[] blues() {
		return channel(0);
	}

	/** Returns an ImageJ colour table with the 8-bit entries. */
	public LUT toLut() {
		return new LUT(reds(), greens(), blues());
	}

	/**
	 * Writes the 8-bit entries as an ImageJ binary {@code .lut} file: 768
	 * bytes, the 256 reds, then the 256 greens, then the 256 blues, with no
	 * header. An existing file is replaced.
	 *
	 * @throws IOException if the file cannot be written
	 */
	public void writeLut(Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(reds());
			out.write(greens());
			out.write(blues());
		}
	}

	@Override
	public String toString() {
		return "Colormap " + name + " (" + SIZE + " entries; " + source + ")";
	}

	private byte[] channel(int shift) {
		byte[] values = new byte[SIZE];
		for (int i = 0; i < SIZE; i++) {
			values[i] = (byte) (packed[i] >> shift);
		}
		return values;
	}

	private static int pack(int red, int green, int blue) {
		return red << 16 | green << 8 | blue;
	}

	private static void checkCount(String name, int count) {
		if (count != SIZE) {
			throw new IllegalArgumentException("Colormap '" + name + "' needs " + SIZE +
				" entries, got " + count);
		}
	}

	private static void checkTriple(String name, int index, int length) {
		if (length != 3) {
			throw new IllegalArgumentException("Colormap '" + name + "' entry " + index +
				" needs 3 values, got " + length);
		}
	}
}
