package org.ctheatmap.io.raw;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;

/**
 * Reads raw voxel data from a stream into float32 HU slices in display order,
 * for the NIfTI, NRRD and MetaImage readers.
 * <p>
 * It reads exactly {@link RasterShape#dataBytes()} bytes and never more, so a
 * gzip stream that would expand further is not inflated beyond them. Each
 * stored value becomes {@code (float) (stored * slope + intercept)}, computed
 * in double precision. Slice arrays are allocated when the first voxel lands
 * in them, so a truncated file with an identity or flip-only orientation
 * allocates little more than the data it has. Apart from the slices it
 * allocates {@link #BUFFERS} buffers of at most {@link #CHUNK_BYTES} bytes.
 * <p>
 * When the data have at least {@link #PARALLEL_MIN_BYTES} bytes and the JVM
 * has two or more processors, one thread reads (and inflates) while a second
 * one decodes and places the values; a NIfTI file of 512 x 512 x 300 int16
 * voxels reads that way close to the speed of inflating it alone.
 */
public final class RasterReader {

	/** Bytes of stored data read and decoded as one unit. */
	static final int CHUNK_BYTES = 1 << 20;

	/** Buffers in flight between the reading and the decoding thread. */
	static final int BUFFERS = 3;

	/** Smaller data are decoded on the calling thread, where a second thread saves nothing. */
	static final long PARALLEL_MIN_BYTES = 8L << 20;

	private final Path file;
	private final RasterShape shape;
	private final ByteOrder order;
	private final double slope;
	private final double intercept;
	private final Reorientation reorientation;
	private boolean parallel;

	/**
	 * @param file named in error messages: the file the bytes come from
	 * @param order byte order of the stored values
	 * @param slope factor from stored value to HU; finite and not 0
	 * @param intercept HU of stored value 0; finite
	 * @param reorientation maps the stored grid to display order
	 */
	public RasterReader(Path file, RasterShape shape, ByteOrder order, double slope,
		double intercept, Reorientation reorientation)
	{
		this.file = file;
		this.shape = shape;
		this.order = order;
		this.slope = slope;
		this.intercept = intercept;
		this.reorientation = reorientation;
		this.parallel = shape.dataBytes() >= PARALLEL_MIN_BYTES && Runtime.getRuntime()
			.availableProcessors() > 1;
	}

	/** Chooses the two-thread path regardless of size, so tests can cover it on small data. */
	RasterReader parallel(boolean value) {
		parallel = value;
		return this;
	}

	/**
	 * Reads the voxel data from the current stream position. The stream is not
	 * closed.
	 *
	 * @param in positioned at the first voxel byte; read for exactly
	 *          {@code shape.dataBytes()} bytes
	 * @param progress receives the number of stored slices read
	 * @return one array per slice in ImageJ stack order, where the slice varies
	 *         fastest and then the time point. New voxel (i, j) is at index
	 *         i + ni * j.
	 * @throws InvalidInputException if the stream ends before the data does
	 * @throws InterruptedIOException if the thread is interrupted while waiting
	 *           for the decoding thread
	 * @throws IOException if reading fails
	 */
	public float[][] read(InputStream in, ProgressListener progress) throws IOException {
		VoxelPlacer placer = new VoxelPlacer(shape, order, slope, intercept, reorientation);
		if (parallel) {
			readParallel(in, placer, progress);
		} else {
			readInline(in, placer, progress);
		}
		return placer.slices();
	}

	/**
	 * Builds an ImageJ image from slices returned by {@link #read}: a stack of
	 * {@code newSize[2]} slices per time point, a hyperstack when there are
	 * several time points.
	 *
	 * @param newSize voxel counts along new i, j, k
	 */
	public static ImagePlus image(String title, float[][] slices, long[] newSize, long frames) {
		int width = (int) newSize[0];
		int height = (int) newSize[1];
		ImageStack stack = new ImageStack(width, height);
		for (float[] slice : slices) {
			stack.addSlice(null, new FloatProcessor(width, height, slice));
		}
		ImagePlus image = new ImagePlus(title, stack);
		image.setDimensions(1, (int) newSize[2], (int) frames);
		if (frames > 1) image.setOpenAsHyperStack(true);
		return image;
	}

	private void readInline(InputStream in, VoxelPlacer placer, ProgressListener progress)
		throws IOException
	{
		int bytesPerVoxel = shape.type().bytesPerVoxel();
		byte[] buffer = new byte[(int) Math.min(CHUNK_BYTES, shape.dataBytes())];
		SliceProgress slices = new SliceProgress(progress);
		for (long voxel = 0; voxel < shape.voxelCount(); ) {
			int count = (int) Math.min(buffer.length / bytesPerVoxel, shape.voxelCount() - voxel);
			fill(in, buffer, count, voxel);
			placer.place(buffer, voxel, count);
			voxel += count;
			slices.report(voxel);
		}
	}

	/**
	 * Reads on the calling thread and decodes on a second one. Buffers cycle
	 * through two queues; a {@code null} chunk ends the decoding thread, and a
	 * zero-length buffer in the free queue signals that it failed.
	 */
	private void readParallel(InputStream in, VoxelPlacer placer, ProgressListener progress)
		throws IOException
	{
		int bytesPerVoxel = shape.type().bytesPerVoxel();
		int chunkVoxels = CHUNK_BYTES / bytesPerVoxel;
		BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
		BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS + 1);
		for (int n = 0; n < BUFFERS; n++) {
			free.add(new byte[chunkVoxels * bytesPerVoxel]);
		}
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread decoder = new Thread(() -> decodeChunks(placer, filled, free, failure),
			"CT voxel decoder");
		decoder.setDaemon(true);
		decoder.start();
		boolean finished = false;
		try {
			SliceProgress slices = new SliceProgress(progress);
			for (long voxel = 0; voxel < shape.voxelCount(); ) {
				byte[] buffer = free.take();
				if (buffer.length == 0) break;
				int count = (int) Math.min(chunkVoxels, shape.voxelCount() - voxel);
				fill(in, buffer, count, voxel);
				filled.put(new Chunk(buffer, voxel, count));
				voxel += count;
				slices.report(voxel);
			}
			filled.put(Chunk.END);
			decoder.join();
			finished = true;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Reading " + file + " was interrupted");
		} finally {
			if (!finished) decoder.interrupt();
		}
		Throwable error = failure.get();
		if (error instanceof RuntimeException) throw (RuntimeException) error;
		if (error instanceof Error) throw (Error) error;
	}

	private static void decodeChunks(VoxelPlacer placer, BlockingQueue<Chunk> filled,
		BlockingQueue<byte[]> free, AtomicReference<Throwable> failure)
	{
		try {
			while (true) {
				Chunk chunk = filled.take();
				if (chunk == Chunk.END) return;
				placer.place(chunk.bytes, chunk.firstVoxel, chunk.count);
				free.put(chunk.bytes);
			}
		} catch (InterruptedException e) {
			// The reading thread failed and stopped this one; it reports its own error.
		} catch (RuntimeException | Error e) {
			failure.set(e);
			free.offer(new byte[0]);
		}
	}

	/** Reads {@code count} voxels into the buffer, or fails naming how much data there was. */
	private void fill(InputStream in, byte[] buffer, int count, long firstVoxel)
		throws IOException
	{
		int length = count * shape.type().bytesPerVoxel();
		int done = 0;
		while (done < length) {
			int n = in.read(buffer, done, length - done);
			if (n < 0) {
				long present = firstVoxel * shape.type().bytesPerVoxel() + done;
				throw new InvalidInputException(file, "truncated voxel data: the header" +
					" describes " + shape.dataBytes() + " bytes (" + shape.describe() +
					" voxels of " + shape.type() + ") but only " + present + " are present");
			}
			done += n;
		}
	}

	/** Reports each change in the number of completely read stored slices. */
	private final class SliceProgress {

		private final ProgressListener listener;
		private final long voxelsPerSlice = shape.size()[0] * shape.size()[1];
		private final int total = (int) (shape.size()[2] * shape.frames());
		private final String task = "Reading " + file.getFileName();
		private long reported;

		SliceProgress(ProgressListener listener) {
			this.listener = listener;
		}

		void report(long voxelsRead) {
			long done = voxelsRead / voxelsPerSlice;
			if (done > reported) {
				reported = done;
				listener.progress(task, (int) done, total);
			}
		}
	}

	/** Stored bytes of {@code count} voxels starting at stored linear index {@code firstVoxel}. */
	private static final class Chunk {

		static final Chunk END = new Chunk(new byte[0], 0, 0);

		final byte[] bytes;
		final long firstVoxel;
		final int count;

		Chunk(byte[] bytes, long firstVoxel, int count) {
			this.bytes = bytes;
			this.firstVoxel = firstVoxel;
			this.count = count;
		}
	}
}
