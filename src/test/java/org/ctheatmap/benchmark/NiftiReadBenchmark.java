package org.ctheatmap.benchmark;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.nifti.NiftiDataType;
import org.ctheatmap.io.nifti.NiftiReader;
import org.ctheatmap.io.nifti.NiftiWriter;

/**
 * Times {@link NiftiReader} on a generated int16 CT volume, gzipped and
 * plain, against the bound set by a plain {@link GZIPInputStream} copy of the
 * same file (inflating alone) and by reading the plain file's bytes, and
 * prints a Markdown table.
 * <p>
 * The files are written once into the given folder and reused by later
 * runs. They stay in the page cache, so the times are for a warm cache. Each
 * case runs once untimed, then {@code runs} timed times; the table gives the
 * median.
 * <p>
 * Usage: {@code NiftiReadBenchmark [folder [width height depth [runs]]]},
 * default /tmp/ct-heatmap-nifti-benchmark 512 512 300 7. Run it with
 * {@code -XX:ActiveProcessorCount=1} to time the reader on one core, where it
 * decodes on the reading thread. Not a unit test: see docs/benchmarks.md.
 */
public final class NiftiReadBenchmark {

	private static final com.sun.management.OperatingSystemMXBean CPU =
		(com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private final int runs;
	private final List<String> rows = new ArrayList<>();

	private NiftiReadBenchmark(int runs) {
		this.runs = runs;
	}

	public static void main(String[] args) throws IOException {
		Path root = Paths.get(args.length > 0 ? args[0] : "/tmp/ct-heatmap-nifti-benchmark");
		int w = args.length > 3 ? Integer.parseInt(args[1]) : 512;
		int h = args.length > 3 ? Integer.parseInt(args[2]) : 512;
		int d = args.length > 3 ? Integer.parseInt(args[3]) : 300;
		int runs = args.length > 4 ? Integer.parseInt(args[4]) : 7;
		System.out.printf(Locale.ROOT, "Volume %d x %d x %d, int16, %d cores available, %s %s," +
			" max heap %d MiB%n", w, h, d, Runtime.getRuntime().availableProcessors(), System
				.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime
					.getRuntime().maxMemory() >> 20);
		Files.createDirectories(root);
		Path gz = root.resolve(w + "x" + h + "x" + d + ".nii.gz");
		Path plain = root.resolve(w + "x" + h + "x" + d + ".nii");
		writeIfMissing(gz, w, h, d);
		writeIfMissing(plain, w, h, d);
		System.out.printf(Locale.ROOT, "%s: %d MiB; %s: %d MiB%n", gz.getFileName(), Files.size(
			gz) >> 20, plain.getFileName(), Files.size(plain) >> 20);

		NiftiReadBenchmark benchmark = new NiftiReadBenchmark(runs);
		benchmark.time(".nii.gz: GZIPInputStream copy (inflate bound)", () -> inflate(gz), d);
		benchmark.time(".nii.gz: NiftiReader.read (HU float32)", () -> NiftiReader.read(gz,
			ReadOptions.DEFAULT).depth(), d);
		benchmark.time(".nii: read all file bytes (disk bound)", () -> Files.readAllBytes(plain)
			.length, d);
		benchmark.time(".nii: NiftiReader.read (HU float32)", () -> NiftiReader.read(plain,
			ReadOptions.DEFAULT).depth(), d);
		System.out.println();
		System.out.println("| case | median wall (s) | min wall (s) | median CPU (s) |" +
			" slices/s (median) |");
		System.out.println("|---|---|---|---|---|");
		benchmark.rows.forEach(System.out::println);
	}

	/** A timed action; its result is kept only so the work cannot be skipped. */
	private interface Case {
		long run() throws IOException;
	}

	/**
	 * Times a case: wall-clock seconds, and the CPU seconds of the whole
	 * process (all threads, garbage collection included).
	 */
	private void time(String name, Case action, int slices) throws IOException {
		long check = action.run();
		double[] seconds = new double[runs];
		double[] cpuSeconds = new double[runs];
		for (int i = 0; i < runs; i++) {
			System.gc();
			long cpuStart = CPU.getProcessCpuTime();
			long start = System.nanoTime();
			check += action.run();
			seconds[i] = (System.nanoTime() - start) / 1e9;
			cpuSeconds[i] = (CPU.getProcessCpuTime() - cpuStart) / 1e9;
		}
		Arrays.sort(seconds);
		Arrays.sort(cpuSeconds);
		double median = seconds[runs / 2];
		rows.add(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.0f |", name, median,
			seconds[0], cpuSeconds[runs / 2], slices / median));
		System.out.printf(Locale.ROOT, "%s: median %.3f s of %d runs (check %d)%n", name, median,
			runs, check);
	}

	/** Inflates the whole file into a reused buffer and returns the number of bytes. */
	private static long inflate(Path file) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long total = 0;
		try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(
			file), 1 << 16), 1 << 16))
		{
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
			}
		}
		return total;
	}

	private static void writeIfMissing(Path file, int w, int h, int d) throws IOException {
		if (Files.isRegularFile(file)) return;
		System.out.println("Writing " + file);
		FloatVolume phantom = PhantomVolume.generate(w, h, d, 1);
		ImageStack stack = new ImageStack(w, h);
		for (float[] slice : phantom.slices()) {
			// int16 NIfTI stores whole HU.
			for (int p = 0; p < slice.length; p++) {
				slice[p] = Math.round(slice[p]);
			}
			stack.addSlice(new FloatProcessor(w, h, slice));
		}
		CtVolume volume = new CtVolume(new ImagePlus("benchmark", stack), PatientGeometry.axial(
			new double[] { -180, -180, 0 }, new double[] { 0.7, 0.7, 1.25 }), "HU", Collections
				.emptyMap(), Collections.emptyList());
		NiftiWriter.write(volume, file, NiftiDataType.INT16);
	}
}
