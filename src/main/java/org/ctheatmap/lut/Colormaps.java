package org.ctheatmap.lut;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The colour tables shipped with CT Heat Map, looked up by name.
 * <p>
 * The matplotlib maps (viridis, inferno, magma, plasma, cividis, turbo, the
 * diverging coolwarm and RdBu, and hot and jet, the last four sampled at 256
 * points) are read from text
 * files in this package's resources, exported from matplotlib 3.6.3 by
 * {@code tools/colormaps/export_tables.py}. Each file's first line names its
 * source and licence, and {@link Colormap#source()} returns that line. ImageJ's
 * fire is stored as its 8-bit values from ImageJ 1.54p. Grays is computed:
 * entry i is (i, i, i), as in ImageJ.
 * <p>
 * {@link #JET} is a legacy rainbow map: its lightness is not monotonic, so it
 * shows edges that are not in the data. It is offered only to reproduce older
 * figures and is listed last.
 * <p>
 * The names are the macro values of the heat-map commands: never rename one.
 * Tables are loaded on first use and cached; this class is thread-safe.
 */
public final class Colormaps {

	public static final String VIRIDIS = "viridis";
	public static final String INFERNO = "inferno";
	public static final String MAGMA = "magma";
	public static final String PLASMA = "plasma";
	public static final String CIVIDIS = "cividis";
	public static final String TURBO = "turbo";
	public static final String FIRE = "fire";
	public static final String GRAYS = "grays";
	public static final String COOLWARM = "coolwarm";
	public static final String RDBU = "RdBu";
	public static final String HOT = "hot";
	/** Legacy rainbow map; see the class comment. */
	public static final String JET = "jet";

	private static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(
		VIRIDIS, INFERNO, MAGMA, PLASMA, CIVIDIS, TURBO, HOT, FIRE, GRAYS, COOLWARM, RDBU,
		JET));

	private static final Map<String, Colormap> CACHE = new ConcurrentHashMap<>();

	private Colormaps() {}

	/** Returns the names of all tables, in menu order; unmodifiable. */
	public static List<String> names() {
		return NAMES;
	}

	/**
	 * Returns the table with the given name, ignoring case.
	 *
	 * @throws IllegalArgumentException if no table has that name; the message
	 *           lists the valid names
	 * @throws UncheckedIOException if a bundled resource is missing or corrupt,
	 *           which means a broken build
	 */
	public static Colormap get(String name) {
		String canonical = canonicalName(name);
		return CACHE.computeIfAbsent(canonical, Colormaps::load);
	}

	private static String canonicalName(String name) {
		for (String known : NAMES) {
			if (known.equalsIgnoreCase(name == null ? "" : name.trim())) return known;
		}
		throw new IllegalArgumentException("Unknown colormap '" + name + "'; use one of " +
			NAMES);
	}

	private static Colormap load(String name) {
		if (GRAYS.equals(name)) return grays();
		String resource = name + ".txt";
		try (InputStream in = Colormaps.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("Colormap resource not found: " + resource);
			}
			return parse(name, new BufferedReader(new InputStreamReader(in,
				StandardCharsets.UTF_8)));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Colormap grays() {
		int[][] rgb = new int[Colormap.SIZE][];
		for (int i = 0; i < Colormap.SIZE; i++) {
			rgb[i] = new int[] { i, i, i };
		}
		return Colormap.fromBytes(GRAYS, "grays: ImageJ Grays, entry i is (i, i, i)", rgb);
	}

	/**
	 * Parses a table file: '#' comment lines, the first naming source and
	 * licence, then 256 rows of three numbers. Fire contains 8-bit integers, the
	 * other files floats in 0..1.
	 */
	private static Colormap parse(String name, BufferedReader reader) throws IOException {
		String source = null;
		List<double[]> rows = new ArrayList<>();
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (line.startsWith("#")) {
				if (source == null) source = line.substring(1).trim();
				continue;
			}
			if (line.isBlank()) continue;
			String[] fields = line.trim().split("\\s+");
			if (fields.length != 3) {
				throw new IOException("Colormap resource " + name + ".txt has an invalid row: " +
					line);
			}
			double[] row = new double[3];
			for (int c = 0; c < 3; c++) {
				row[c] = Double.parseDouble(fields[c]);
			}
			rows.add(row);
		}
		double[][] table = rows.toArray(new double[0][]);
		if (!FIRE.equals(name)) return Colormap.fromFloats(name, source, table);
		int[][] bytes = new int[table.length][3];
		for (int i = 0; i < table.length; i++) {
			for (int c = 0; c < 3; c++) {
				bytes[i][c] = (int) table[i][c];
			}
		}
		return Colormap.fromBytes(name, source, bytes);
	}
}
