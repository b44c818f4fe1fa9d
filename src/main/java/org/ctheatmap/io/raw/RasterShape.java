package org.ctheatmap.io.raw;

import java.nio.file.Path;
import java.util.Arrays;

import org.ctheatmap.io.InvalidInputException;

/**
 * The stored layout of raw voxel data: voxel counts along stored axes i, j, k,
 * the number of time points and the voxel type. Voxels are stored with i
 * varying fastest, then j, k and the time point. Instances are immutable and
 * describe a grid that fits an ImageJ stack.
 */
public final class RasterShape {

	/** Longest Java array that every JVM allocates; ImageJ keeps one slice per array. */
	public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

	/**
	 * Largest expansion of deflate data (gzip and zlib): a 258-byte match costs
	 * at least 2 bits, so one compressed byte yields at most 1032 bytes.
	 */
	public static final long MAX_DEFLATE_RATIO = 1032;

	private final long[] size;
	private final long frames;
	private final VoxelType type;
	private final long voxelCount;
	private final long dataBytes;

	private RasterShape(long[] size, long frames, VoxelType type, long voxelCount,
		long dataBytes)
	{
		this.size = size;
		this.frames = frames;
		this.type = type;
		this.voxelCount = voxelCount;
		this.dataBytes = dataBytes;
	}

	/**
	 * Validates a stored grid.
	 *
	 * @param file named in error messages
	 * @param size voxel counts along stored i, j, k; copied
	 * @param frames number of time points
	 * @throws InvalidInputException if a count is below 1, the byte count
	 *           overflows a long, two axes exceed one Java array (reorientation
	 *           may put any two in the image plane) or the slices exceed
	 *           {@link Integer#MAX_VALUE}
	 */
	public static RasterShape of(Path file, long[] size, long frames, VoxelType type)
		throws InvalidInputException
	{
		long[] copy = size.clone();
		String text = describe(copy, frames);
		if (copy.length != 3 || frames < 1 || copy[0] < 1 || copy[1] < 1 || copy[2] < 1) {
			throw new InvalidInputException(file, "invalid image size " + text +
				"; every size must be at least 1");
		}
		long voxels;
		long bytes;
		try {
			voxels = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(copy[0], copy[1]),
				copy[2]), frames);
			bytes = Math.multiplyExact(voxels, type.bytesPerVoxel());
		} catch (ArithmeticException e) {
			throw new InvalidInputException(file, "the image size " + text +
				" describes more voxels than can be addressed");
		}
		long[] sorted = copy.clone();
		Arrays.sort(sorted);
		if (sorted[1] * sorted[2] > MAX_ARRAY_LENGTH || sorted[2] * frames > Integer.MAX_VALUE) {
			throw new InvalidInputException(file, "the image size " + text +
				" does not fit an ImageJ stack, which allows at most " + MAX_ARRAY_LENGTH +
				" voxels per slice and " + Integer.MAX_VALUE + " slices");
		}
		return new RasterShape(copy, frames, type, voxels, bytes);
	}

	/** Returns the voxel counts along stored i, j, k. */
	public long[] size() {
		return size.clone();
	}

	/** Returns the number of time points; 1 for 3-D data. */
	public long frames() {
		return frames;
	}

	public VoxelType type() {
		return type;
	}

	public long voxelCount() {
		return voxelCount;
	}

	/** Returns the number of stored bytes: voxels times bytes per voxel. */
	public long dataBytes() {
		return dataBytes;
	}

	/** Returns the sizes as text, e.g. "122 x 101 x 30" or "64 x 64 x 20 x 5". */
	public String describe() {
		return describe(size, frames);
	}

	/**
	 * Checks that the volume as 32-bit HU fits the free Java heap, before any
	 * voxel array is allocated.
	 *
	 * @throws InvalidInputException naming the sizes, the memory needed and the
	 *           memory free
	 */
	public void checkMemory(Path file) throws InvalidInputException {
		Runtime runtime = Runtime.getRuntime();
		long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
		long needed = voxelCount * Float.BYTES;
		if (needed > free) {
			long mb = 1024 * 1024;
			throw new InvalidInputException(file, "the image (" + describe() +
				" voxels) needs " + needed / mb + " MB as 32-bit HU but only " + free / mb +
				" MB of the Java heap (max " + runtime.maxMemory() / mb +
				" MB) is free; increase -Xmx or crop the image");
		}
	}

	/**
	 * Checks that a file part can hold the voxel data before any voxel array is
	 * allocated, so a short file with a header claiming a huge image fails fast.
	 *
	 * @param available bytes of the data file from the first voxel to its end
	 * @param compressed true when those bytes are deflate data (gzip or zlib),
	 *          which expand at most {@link #MAX_DEFLATE_RATIO} times
	 * @throws InvalidInputException if the data cannot be complete
	 */
	public void checkAvailable(Path file, long available, boolean compressed)
		throws InvalidInputException
	{
		if (!compressed && available < dataBytes) {
			throw new InvalidInputException(file, "the header describes " + dataBytes +
				" bytes of voxel data (" + describe() + " voxels of " + type +
				") but the file has only " + Math.max(0, available) + " bytes from the data start");
		}
		if (compressed && available < dataBytes / MAX_DEFLATE_RATIO) {
			throw new InvalidInputException(file, "the header describes " + dataBytes +
				" bytes of voxel data (" + describe() + " voxels of " + type + "), more than " +
				Math.max(0, available) + " bytes of compressed data can hold");
		}
	}

	private static String describe(long[] size, long frames) {
		StringBuilder text = new StringBuilder();
		for (int a = 0; a < size.length; a++) {
			text.append(a > 0 ? " x " : "").append(size[a]);
		}
		return frames != 1 ? text + " x " + frames : text.toString();
	}
}
