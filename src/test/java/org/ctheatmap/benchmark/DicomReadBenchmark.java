package org.ctheatmap.benchmark;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.FolderOpener;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.core.PatientGeometry;
import org.ctheatmap.core.filter.FloatVolume;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.dicom.DicomSeriesReader;
import org.ctheatmap.io.dicom.DicomSeriesWriter;
import org.ctheatmap.io.dicom.DicomTransferSyntax;
import org.ctheatmap.io.dicom.DicomWriteOptions;

/**
 * Times reading a generated DICOM series with {@link DicomSeriesReader}
 * against ImageJ 1.54's own DICOM folder import ({@link FolderOpener}) in one
 * JVM, next to a plain read of every file's bytes as the disk bound, and
 * prints a Markdown table.
 * <p>
 * The series (Explicit VR Little Endian, and RLE Lossless for a codec-bound
 * case) is written once into the given folder and reused by later runs. The
 * files stay in the page cache between runs, so the times are for a warm
 * cache. Each case runs once untimed, then {@code runs} timed times; the
 * table gives the median.
 * <p>
 * Usage: {@code DicomReadBenchmark [folder [width height depth [runs]]]},
 * default /tmp/ct-heatmap-dicom-benchmark 512 512 300 5. Run it with
 * {@code -XX:ActiveProcessorCount=1} to time the reader on one core. Not a
 * unit test: see docs/benchmarks.md.
 */
public final class DicomReadBenchmark {

	private static final com.sun.management.OperatingSystemMXBean CPU =
		(com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private final int runs;
	private final List<String> rows = new ArrayList<>();

	private DicomReadBenchmark(int runs) {
		this.runs = runs;
	}

	public static void main(String[] args) throws IOException {
		Path root = Paths.get(args.length > 0 ? args[0] : "/tmp/ct-heatmap-dicom-benchmark");
		int w = args.length > 3 ? Integer.parseInt(args[1]) : 512;
		int h = args.length > 3 ? Integer.parseInt(args[2]) : 512;
		int d = args.length > 3 ? Integer.parseInt(args[3]) : 300;
		int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
		System.out.printf(Locale.ROOT, "Series %d x %d x %d, int16, %d cores available, %s %s," +
			" max heap %d MiB%n", w, h, d, Runtime.getRuntime().availableProcessors(), System
				.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime
					.getRuntime().maxMemory() >> 20);
		Path uncompressed = root.resolve(w + "x" + h + "x" + d + "-explicit-le");
		Path rle = root.resolve(w + "x" + h + "x" + d + "-rle");
		writeIfMissing(uncompressed, w, h, d, DicomTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
		writeIfMissing(rle, w, h, d, DicomTransferSyntax.RLE_LOSSLESS);

		DicomReadBenchmark benchmark = new DicomReadBenchmark(runs);
		benchmark.time("Explicit VR LE: read all file bytes (disk bound)", () -> readAllBytes(
			uncompressed));
		benchmark.time("Explicit VR LE: DicomSeriesReader.scan (headers only)", () ->
			DicomSeriesReader.scan(uncompressed).get(0).sliceCount());
		benchmark.time("Explicit VR LE: DicomSeriesReader.read (HU float32)", () ->
			DicomSeriesReader.read(uncompressed, ReadOptions.DEFAULT).depth());
		benchmark.time("Explicit VR LE: ImageJ FolderOpener.open (16-bit, calibrated)", () ->
			FolderOpener.open(uncompressed.toString()).getStackSize());
		benchmark.time("RLE Lossless: DicomSeriesReader.read (HU float32)", () -> DicomSeriesReader
			.read(rle, ReadOptions.DEFAULT).depth());
		System.out.println();
		System.out.println("| case | median wall (s) | min wall (s) | median CPU (s) |" +
			" slices/s (median) |");
		System.out.println("|---|---|---|---|---|");
		benchmark.rows.forEach(System.out::println);
		// ImageJ's status calls may have started AWT threads that keep the JVM alive.
		System.exit(0);
	}

	/** A timed action; returns the number of slices or files it handled. */
	private interface Case {
		int run() throws IOException;
	}

	/**
	 * Times a case: wall-clock seconds, and the CPU seconds of the whole
	 * process (all threads, garbage collection included), which depend less
	 * on other load on the machine.
	 */
	private void time(String name, Case action) throws IOException {
		int count = action.run();
		double[] seconds = new double[runs];
		double[] cpuSeconds = new double[runs];
		for (int i = 0; i < runs; i++) {
			System.gc();
			long cpuStart = CPU.getProcessCpuTime();
			long start = System.nanoTime();
			count = action.run();
			seconds[i] = (System.nanoTime() - start) / 1e9;
			cpuSeconds[i] = (CPU.getProcessCpuTime() - cpuStart) / 1e9;
		}
		Arrays.sort(seconds);
		Arrays.sort(cpuSeconds);
		double median = seconds[runs / 2];
		rows.add(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.0f |", name, median,
			seconds[0], cpuSeconds[runs / 2], count / median));
		System.out.printf(Locale.ROOT, "%s: median %.3f s of %d runs%n", name, median, runs);
	}

	private static int readAllBytes(Path folder) throws IOException {
		List<Path> files = listFiles(folder);
		long total = 0;
		for (Path file : files) {
			total += Files.readAllBytes(file).length;
		}
		if (total == 0) throw new IOException("no data in " + folder);
		return files.size();
	}

	private static List<Path> listFiles(Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
	}

	private static void writeIfMissing(Path folder, int w, int h, int d,
		DicomTransferSyntax syntax) throws IOException
	{
		if (Files.isDirectory(folder) && listFiles(folder).size() == d) return;
		System.out.println("Writing " + folder);
		FloatVolume phantom = PhantomVolume.generate(w, h, d, 1);
		ImageStack stack = new ImageStack(w, h);
		for (float[] slice : phantom.slices()) {
			stack.addSlice(new FloatProcessor(w, h, slice));
		}
		CtVolume volume = new CtVolume(new ImagePlus("benchmark", stack), PatientGeometry.axial(
			new double[] { -180, -180, 0 }, new double[] { 0.7, 0.7, 1.25 }), "HU", Collections
				.emptyMap(), Collections.emptyList());
		DicomSeriesWriter.write(volume, folder, DicomWriteOptions.builder().transferSyntax(syntax)
			.series("benchmark " + syntax.displayName(), 1).build());
	}
}
