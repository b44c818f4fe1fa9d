package org.ctheatmap.benchmark;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.Filters3D;
import ij.plugin.GaussianBlur3D;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.core.filter.GaussianFilter;
import org.ctheatmap.core.filter.LocalStatistics;
import org.ctheatmap.core.filter.MedianFilter;
import org.ctheatmap.core.filter.Neighbourhood;
import org.ctheatmap.core.filter.SliceSink;

/**
 * Times this project's 3-D filters against ImageJ 1.54's in one JVM, on a
 * generated CT-like float volume, and prints a Markdown table.
 * <p>
 * Each case runs once untimed to compile the code, then {@code runs} timed
 * times; the table gives the median of the wall-clock times and, separately,
 * of the CPU times of the whole JVM (all threads, garbage collection
 * included), which vary less when other processes share the cores. ImageJ's
 * 3 x 3 x 3 median runs once without warm-up because one run takes minutes.
 * Input copies are made outside the timed region; output stacks are
 * allocated inside it for both sides. Allocation is
 * the bytes allocated by all threads during one run (HotSpot's per-thread
 * counters), in units of one float copy of the volume.
 * <p>
 * Usage: {@code FilterBenchmark [width height depth [imagejRuns ownRuns [only]]]},
 * default 512 512 200 3 5; {@code only} runs just the cases whose name
 * contains it, e.g. "gaussian". Not a unit test: see docs/benchmarks.md.
 */
public final class FilterBenchmark {

	private final FloatVolume volume;
	private final int imagejRuns;
	private final int ownRuns;
	private final String only;
	private final List<String> rows = new ArrayList<>();

	private FilterBenchmark(FloatVolume volume, int imagejRuns, int ownRuns, String only) {
		this.volume = volume;
		this.imagejRuns = imagejRuns;
		this.ownRuns = ownRuns;
		this.only = only.toLowerCase(Locale.ROOT);
	}

	public static void main(String[] args) {
		int w = args.length > 2 ? Integer.parseInt(args[0]) : 512;
		int h = args.length > 2 ? Integer.parseInt(args[1]) : 512;
		int d = args.length > 2 ? Integer.parseInt(args[2]) : 200;
		int imagejRuns = args.length > 4 ? Integer.parseInt(args[3]) : 3;
		int ownRuns = args.length > 4 ? Integer.parseInt(args[4]) : 5;
		String only = args.length > 5 ? args[5] : "";
		System.out.printf(Locale.ROOT, "Volume %d x %d x %d float, %d cores, %s %s, max heap %d MiB%n",
			w, h, d, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
			System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
		FilterBenchmark benchmark = new FilterBenchmark(PhantomVolume.generate(w, h, d, 1),
			imagejRuns, ownRuns, only);
		benchmark.runAll();
		System.out.println();
		System.out.println("| filter | ImageJ 1.54p wall (s) | CT Heat Map wall (s) | speed-up" +
			" (wall) | ImageJ CPU (s) | CT Heat Map CPU (s) | speed-up (CPU) | max abs difference" +
			" (HU; HU² for variance) | allocated per run, ImageJ / ours (float copies) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		benchmark.rows.forEach(System.out::println);
		// ImageJ's status calls may have started AWT threads that keep the JVM alive.
		System.exit(0);
	}

	private void runAll() {
		compare("Gaussian 3-D, sigma 2 voxels", this::imagejGaussian, this::ownGaussian, 8,
			imagejRuns);
		Neighbourhood cross = Neighbourhood.ellipsoid(1, 1, 1);
		compare("Median, 7-voxel cross (Filters3D radius 1)", () -> imagejFilter(Filters3D.MEDIAN,
			1), () -> ownMedian(cross), 0, imagejRuns);
		// ImageJ's box median takes minutes per run, so it runs once, after no warm-up.
		compare("Median, 3 x 3 x 3 box (Filters3D radius 1.8)", () -> imagejFilter(
			Filters3D.MEDIAN, 1.8f), () -> ownMedian(Neighbourhood.box(1, 1, 1)), 0, Math.min(1,
				imagejRuns));
		compare("Mean, 7-voxel cross", () -> imagejFilter(Filters3D.MEAN, 1), () -> ownStatistic(
			cross, LocalStatistics.Statistic.MEAN), 0, imagejRuns);
		compare("Variance, 7-voxel cross", () -> imagejFilter(Filters3D.VAR, 1), () ->
			ownStatistic(cross, LocalStatistics.Statistic.VARIANCE), 0, imagejRuns);
	}

	/**
	 * Times both sides and adds a table row. The difference is taken over
	 * voxels at least {@code margin} from every face, because ImageJ's
	 * Gaussian repeats edge voxels where this project renormalises.
	 */
	private void compare(String name, Supplier<FloatVolume> imagej, Supplier<FloatVolume> own,
		int margin, int runsOfImagej)
	{
		if (!name.toLowerCase(Locale.ROOT).contains(only)) return;
		System.out.println(name + " ...");
		Timing theirs = runsOfImagej == 0 ? null : time(imagej, runsOfImagej, runsOfImagej > 1);
		Timing ours = time(own, ownRuns, true);
		double copy = volume.size() * 4.0;
		if (theirs == null) {
			rows.add(String.format(Locale.ROOT, "| %s | not run | %.3f | | | %.3f | | | - / %.2f |",
				name, ours.medianSeconds, ours.medianCpuSeconds, ours.allocatedBytes / copy));
		} else {
			double difference = maxDifference(theirs.result, ours.result, margin);
			rows.add(String.format(Locale.ROOT, "| %s | %.2f | %.3f | %.1fx | %.2f | %.3f | %.1fx |" +
				" %.2g | %.2f / %.2f |", name, theirs.medianSeconds, ours.medianSeconds,
				theirs.medianSeconds / ours.medianSeconds, theirs.medianCpuSeconds,
				ours.medianCpuSeconds, theirs.medianCpuSeconds / ours.medianCpuSeconds, difference,
				theirs.allocatedBytes / copy, ours.allocatedBytes / copy));
		}
		System.out.println(rows.get(rows.size() - 1));
	}

	private FloatVolume imagejGaussian() {
		ImagePlus image = new ImagePlus("bench", inputCopy().toStack());
		long start = Timing.start();
		GaussianBlur3D.blur(image, 2, 2, 2);
		Timing.stop(start);
		return FloatVolume.wrap(image.getStack());
	}

	private FloatVolume ownGaussian() {
		FloatVolume copy = inputCopy();
		long start = Timing.start();
		GaussianFilter.blur(copy, new double[] { 2, 2, 2 }, ProgressListener.NONE);
		Timing.stop(start);
		return copy;
	}

	private FloatVolume imagejFilter(int filter, float radius) {
		ImageStack stack = volume.toStack();
		long start = Timing.start();
		ImageStack out = Filters3D.filter(stack, filter, radius, radius, radius);
		Timing.stop(start);
		return FloatVolume.wrap(out);
	}

	private FloatVolume ownMedian(Neighbourhood neighbourhood) {
		long start = Timing.start();
		FloatVolume out = FloatVolume.allocate(volume.width(), volume.height(), volume.depth());
		MedianFilter.apply(volume, neighbourhood, SliceSink.into(out), ProgressListener.NONE);
		Timing.stop(start);
		return out;
	}

	private FloatVolume ownStatistic(Neighbourhood neighbourhood,
		LocalStatistics.Statistic statistic)
	{
		long start = Timing.start();
		FloatVolume out = FloatVolume.allocate(volume.width(), volume.height(), volume.depth());
		LocalStatistics.apply(volume, neighbourhood, statistic, SliceSink.into(out),
			ProgressListener.NONE);
		Timing.stop(start);
		return out;
	}

	private FloatVolume inputCopy() {
		return volume.copy();
	}

	private static Timing time(Supplier<FloatVolume> run, int runs, boolean warmUp) {
		FloatVolume result = warmUp ? run.get() : null;
		result = null;
		double[] seconds = new double[runs];
		double[] cpuSeconds = new double[runs];
		long allocated = 0;
		for (int r = 0; r < runs; r++) {
			System.gc();
			result = run.get();
			allocated = Timing.lastAllocated;
			seconds[r] = Timing.lastNanos / 1e9;
			cpuSeconds[r] = Timing.lastCpuNanos / 1e9;
			System.out.printf(Locale.ROOT, "  run %d: %.3f s wall, %.3f s CPU%n", r + 1, seconds[r],
				cpuSeconds[r]);
		}
		Arrays.sort(seconds);
		Arrays.sort(cpuSeconds);
		return new Timing(seconds[runs / 2], cpuSeconds[runs / 2], allocated, result);
	}

	/** Returns the CPU time used so far by all threads of this JVM, in ns. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** Returns the bytes allocated so far by all live threads. */
	private static long allocatedBytes() {
		com.sun.management.ThreadMXBean threads =
			(com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long total = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			if (bytes > 0) total += bytes;
		}
		return total;
	}

	private static double maxDifference(FloatVolume a, FloatVolume b, int margin) {
		double max = 0;
		for (int z = margin; z < a.depth() - margin; z++) {
			for (int y = margin; y < a.height() - margin; y++) {
				for (int x = margin; x < a.width() - margin; x++) {
					max = Math.max(max, Math.abs(a.get(x, y, z) - b.get(x, y, z)));
				}
			}
		}
		return max;
	}

	/** Median time, allocation of the last run and its result. */
	private static final class Timing {

		/** Timed part of the last run; set by the run itself to leave out input copies. */
		static long lastNanos;
		static long lastAllocated;
		static long lastCpuNanos;
		private static long allocatedAtStart;
		private static long cpuAtStart;

		static long start() {
			allocatedAtStart = allocatedBytes();
			cpuAtStart = processCpuNanos();
			return System.nanoTime();
		}

		static void stop(long start) {
			lastNanos = System.nanoTime() - start;
			lastCpuNanos = processCpuNanos() - cpuAtStart;
			lastAllocated = allocatedBytes() - allocatedAtStart;
		}

		final double medianSeconds;
		final double medianCpuSeconds;
		final long allocatedBytes;
		final FloatVolume result;

		Timing(double medianSeconds, double medianCpuSeconds, long allocatedBytes,
			FloatVolume result)
		{
			this.medianSeconds = medianSeconds;
			this.medianCpuSeconds = medianCpuSeconds;
			this.allocatedBytes = allocatedBytes;
			this.result = result;
		}
	}
}
