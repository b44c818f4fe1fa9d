package org.ctheatmap.benchmark;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.plugin.Filters3D;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.SplittableRandom;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.maps.BoxStatistics;
import org.ctheatmap.core.maps.MapSettings;
import org.ctheatmap.core.maps.MapType;
import org.ctheatmap.core.maps.ParameterMaps;
import org.ctheatmap.lut.Colormaps;
import org.ctheatmap.lut.CtWindow;
import org.ctheatmap.lut.HeatMapRenderer;
import org.ctheatmap.lut.HeatMapSettings;

/**
 * Times local mean and SD maps and the burnt-in heat map against ImageJ
 * 1.54's fastest paths in one JVM, on the generated CT-like volume of
 * {@link PhantomVolume}, and prints a Markdown table.
 * <p>
 * Local statistics: ImageJ's {@code Filters3D} MEAN and VAR with radius 2 (its
 * 33-voxel ellipsoid inside the 5 x 5 x 5 box) against {@link BoxStatistics}
 * over the full 5 x 5 x 5 box (125 voxels). Our result is checked against a
 * brute-force box at 2000 random voxels. Heat map: per slice, ImageJ sets
 * the CT window, colours the HU with a LUT, lays it over the slice as an
 * {@link ImageRoi} at opacity 0.5 and calls {@code ImagePlus.flatten()};
 * {@link HeatMapRenderer#flatten} does window, colormap and blend in one
 * multi-threaded pass. Each side runs once untimed, then the given number
 * of timed runs; the table gives the medians of wall-clock time and of the
 * CPU time of the whole process (all threads and garbage collection), which
 * scatters less when other jobs share the machine.
 * <p>
 * Usage: {@code MapBenchmark [width height depth [imagejRuns ownRuns [part]]]},
 * default 512 512 300 2 5 all; part is "statistics", "heatmap", "maps" or
 * "all", and 0 ImageJ runs times this project's code alone. "maps" times the
 * gradient, HU-in-range and entropy maps, which have no ImageJ counterpart.
 * Not a unit test.
 */
public final class MapBenchmark {

	private static final int SAMPLES = 2000;

	private final FloatVolume volume;
	private final int imagejRuns;
	private final int ownRuns;

	private MapBenchmark(FloatVolume volume, int imagejRuns, int ownRuns) {
		this.volume = volume;
		this.imagejRuns = imagejRuns;
		this.ownRuns = ownRuns;
	}

	public static void main(String[] args) {
		int w = args.length > 2 ? Integer.parseInt(args[0]) : 512;
		int h = args.length > 2 ? Integer.parseInt(args[1]) : 512;
		int d = args.length > 2 ? Integer.parseInt(args[2]) : 300;
		int imagejRuns = args.length > 4 ? Integer.parseInt(args[3]) : 2;
		int ownRuns = args.length > 4 ? Integer.parseInt(args[4]) : 5;
		String part = args.length > 5 ? args[5] : "all";
		System.out.printf(Locale.ROOT, "Volume %d x %d x %d float, %d cores, %s %s%n", w, h, d,
			Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System
				.getProperty("java.version"));
		MapBenchmark benchmark = new MapBenchmark(PhantomVolume.generate(w, h, d, 1), imagejRuns,
			ownRuns);
		boolean all = part.equals("all");
		String statistics = all || part.equals("statistics") ? benchmark.statistics() : null;
		String heatMap = all || part.equals("heatmap") ? benchmark.heatMap() : null;
		System.out.println();
		System.out.println("| task | ImageJ 1.54p wall / CPU (s) | CT Heat Map wall / CPU (s) |" +
			" speed-up wall / CPU | check |");
		System.out.println("|---|---|---|---|---|");
		if (statistics != null) System.out.println(statistics);
		if (heatMap != null) System.out.println(heatMap);
		if (all || part.equals("maps")) benchmark.otherMaps();
		// ImageJ's status calls may have started AWT threads that keep the JVM alive.
		System.exit(0);
	}

	private String statistics() {
		System.out.println("Local mean and SD ...");
		double[] theirs = median(() -> {
			ImageStack stack = volume.toStack();
			Filters3D.filter(stack, Filters3D.MEAN, 2, 2, 2);
			Filters3D.filter(stack, Filters3D.VAR, 2, 2, 2);
		}, imagejRuns);
		float[][][][] result = new float[1][][][];
		double[] ours = median(() -> result[0] = BoxStatistics.compute(volume.slices(), volume
			.width(), volume.height(), new int[] { 2, 2, 2 }, null, true, ProgressListener.NONE),
			ownRuns);
		double error = maxError(result[0]);
		return String.format(Locale.ROOT, "| local mean + SD, 5 x 5 x 5 box (ImageJ: Filters3D" +
			" MEAN + VAR, radius 2) | %s | %s | %s | max abs error vs brute force at %d" +
			" voxels: %.1e HU |", pair(theirs), pair(ours), ratio(theirs, ours), SAMPLES, error);
	}

	private String heatMap() {
		System.out.println("Burnt-in heat map ...");
		CtVolume ct = new CtVolume(new ImagePlus("bench", volume.toStack()), PatientGeometry
			.axial(new double[3], new double[] { 0.7, 0.7, 1.0 }), "HU", Collections.emptyMap(),
			Collections.emptyList());
		HeatMapSettings settings = HeatMapSettings.builder(Colormaps.get(Colormaps.VIRIDIS), -100,
			200).threshold(-100).opacity(0.5).window(CtWindow.preset(CtWindow.SOFT_TISSUE))
			.build();
		double[] theirs = median(() -> imagejFlatten(ct, settings), imagejRuns);
		double[] ours = median(() -> HeatMapRenderer.flatten(ct, ct.image().getStack(),
			settings, "flat", ProgressListener.NONE), ownRuns);
		return String.format(Locale.ROOT, "| burnt-in heat map, %d slices (ImageJ: window, LUT," +
			" ImageRoi and flatten per slice) | %s | %s | %s | ours is exact per voxel and" +
			" leaves voxels below the threshold grey; this ImageJ path colours every voxel |",
			volume.depth(), pair(theirs), pair(ours), ratio(theirs, ours));
	}

	/** Prints one row per map that only this project computes, radius 2 mm on 1 mm voxels. */
	private void otherMaps() {
		ImageStack stack = volume.toStack();
		double[] spacing = { 1, 1, 1 };
		MapType[] types = { MapType.GRADIENT, MapType.RANGE_FRACTION, MapType.ENTROPY };
		for (MapType type : types) {
			System.out.println(type.label() + " ...");
			MapSettings settings = MapSettings.of(type, 2).withRange(-100, 100);
			double[] ours = median(() -> ParameterMaps.compute(stack, volume.depth(), spacing,
				settings, null, ProgressListener.NONE), ownRuns);
			System.out.println(String.format(Locale.ROOT, "| %s, 5 x 5 x 5 box | | %s | | |",
				type.label(), pair(ours)));
		}
	}

	/** Flattens the whole stack slice by slice the way ImageJ users do. */
	private static void imagejFlatten(CtVolume ct, HeatMapSettings settings) {
		LUT lut = settings.scale().colormap().toLut();
		ImageStack hu = ct.image().getStack();
		for (int n = 1; n <= hu.getSize(); n++) {
			FloatProcessor slice = (FloatProcessor) hu.getProcessor(n);
			ImagePlus image = new ImagePlus("slice", slice.duplicate());
			image.setDisplayRange(settings.window().lowerHu(), settings.window().upperHu());
			ImageProcessor colour = slice.duplicate();
			colour.setLut(lut);
			colour.setMinAndMax(settings.scale().minimum(), settings.scale().maximum());
			ImageRoi roi = new ImageRoi(0, 0, colour.convertToRGB());
			roi.setOpacity(settings.opacity());
			image.setOverlay(new Overlay(roi));
			image.flatten();
		}
	}

	/** Returns the largest difference from a brute-force box mean and SD at random voxels. */
	private double maxError(float[][][] meanSd) {
		SplittableRandom random = new SplittableRandom(7);
		double max = 0;
		for (int s = 0; s < SAMPLES; s++) {
			int x = random.nextInt(volume.width());
			int y = random.nextInt(volume.height());
			int z = random.nextInt(volume.depth());
			double sum = 0;
			double squares = 0;
			int n = 0;
			for (int k = Math.max(0, z - 2); k <= Math.min(volume.depth() - 1, z + 2); k++) {
				for (int j = Math.max(0, y - 2); j <= Math.min(volume.height() - 1, y + 2); j++) {
					int last = Math.min(volume.width() - 1, x + 2);
					for (int i = Math.max(0, x - 2); i <= last; i++) {
						double v = volume.get(i, j, k);
						sum += v;
						squares += v * v;
						n++;
					}
				}
			}
			double mean = sum / n;
			double sd = Math.sqrt(Math.max(0, (squares - sum * mean) / (n - 1)));
			int index = y * volume.width() + x;
			max = Math.max(max, Math.abs(mean - meanSd[0][z][index]));
			max = Math.max(max, Math.abs(sd - meanSd[1][z][index]));
		}
		return max;
	}

	/**
	 * Runs once untimed, then {@code runs} times, and returns the medians of
	 * wall-clock and process CPU seconds; the mean of the middle two for an
	 * even count.
	 */
	private static double[] median(Runnable task, int runs) {
		if (runs == 0) return new double[] { Double.NaN, Double.NaN };
		task.run();
		double[] wall = new double[runs];
		double[] cpu = new double[runs];
		for (int r = 0; r < runs; r++) {
			System.gc();
			long cpuStart = processCpuNanos();
			long start = System.nanoTime();
			task.run();
			wall[r] = (System.nanoTime() - start) / 1e9;
			cpu[r] = (processCpuNanos() - cpuStart) / 1e9;
			System.out.printf(Locale.ROOT, "  run %d: %.3f s wall, %.3f s CPU%n", r + 1, wall[r],
				cpu[r]);
		}
		return new double[] { middle(wall), middle(cpu) };
	}

	private static double middle(double[] values) {
		Arrays.sort(values);
		int n = values.length;
		return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}

	/** Returns the CPU time used so far by all threads of this JVM, in ns. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static String pair(double[] seconds) {
		return String.format(Locale.ROOT, "%.3f / %.3f", seconds[0], seconds[1]);
	}

	private static String ratio(double[] theirs, double[] ours) {
		return String.format(Locale.ROOT, "%.1fx / %.1fx", theirs[0] / ours[0], theirs[1] /
			ours[1]);
	}
}
