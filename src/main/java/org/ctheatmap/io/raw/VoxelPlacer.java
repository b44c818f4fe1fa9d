package org.ctheatmap.io.raw;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes runs of stored voxels to HU and writes them to their place in the
 * reoriented slices. Used by one thread at a time.
 */
final class VoxelPlacer {

	private final VoxelType type;
	private final ByteOrder order;
	private final double slope;
	private final double intercept;
	private final long[] storedSize;
	private final int plane;
	private final int slicesPerFrame;
	private final long[] step;
	private final long start;
	/** True when stored axis i becomes the new slice axis, so each voxel of a row changes slice. */
	private final boolean rowAcrossSlices;
	private final float[][] slices;
	private float[] values = new float[0];

	VoxelPlacer(RasterShape shape, ByteOrder order, double slope, double intercept,
		Reorientation reorientation)
	{
		this.type = shape.type();
		this.order = order;
		this.slope = slope;
		this.intercept = intercept;
		this.storedSize = shape.size();
		long[] newSize = reorientation.newSize();
		this.plane = (int) (newSize[0] * newSize[1]);
		this.slicesPerFrame = (int) newSize[2];
		this.step = reorientation.stepsPerStoredAxis();
		this.start = reorientation.newStart();
		this.rowAcrossSlices = reorientation.newAxisOf(0) == 2;
		this.slices = new float[(int) (slicesPerFrame * shape.frames())][];
	}

	/** Returns the slices; every one is allocated once all voxels have been placed. */
	float[][] slices() {
		for (int n = 0; n < slices.length; n++) {
			if (slices[n] == null) slices[n] = new float[plane];
		}
		return slices;
	}

	/**
	 * Decodes {@code count} voxels from {@code bytes} and writes them to the
	 * slices.
	 *
	 * @param firstVoxel stored linear index i + ni * (j + nj * (k + nk * t)) of
	 *          the first voxel
	 */
	void place(byte[] bytes, long firstVoxel, int count) {
		if (values.length < count) values = new float[count];
		decode(ByteBuffer.wrap(bytes).order(order), count);
		long ni = storedSize[0];
		long nj = storedSize[1];
		long nk = storedSize[2];
		long i = firstVoxel % ni;
		long rest = firstVoxel / ni;
		long j = rest % nj;
		rest /= nj;
		long k = rest % nk;
		long t = rest / nk;
		int done = 0;
		while (done < count) {
			int run = (int) Math.min(ni - i, count - done);
			placeRun(done, run, i, j, k, (int) t);
			done += run;
			i = 0;
			if (++j == nj) {
				j = 0;
				if (++k == nk) {
					k = 0;
					t++;
				}
			}
		}
	}

	/** Places {@code run} decoded values, from index {@code from}, along stored row (j, k, t). */
	private void placeRun(int from, int run, long i, long j, long k, int t) {
		long linear = start + i * step[0] + j * step[1] + k * step[2];
		int slice = (int) (linear / plane);
		int offset = (int) (linear - (long) slice * plane);
		int frameOffset = t * slicesPerFrame;
		if (rowAcrossSlices) {
			int sliceStep = step[0] > 0 ? 1 : -1;
			for (int n = 0; n < run; n++) {
				target(frameOffset + slice)[offset] = values[from + n];
				slice += sliceStep;
			}
			return;
		}
		float[] target = target(frameOffset + slice);
		if (step[0] == 1) {
			System.arraycopy(values, from, target, offset, run);
			return;
		}
		int offsetStep = (int) step[0];
		for (int n = 0; n < run; n++) {
			target[offset] = values[from + n];
			offset += offsetStep;
		}
	}

	private float[] target(int slice) {
		float[] array = slices[slice];
		if (array == null) {
			array = new float[plane];
			slices[slice] = array;
		}
		return array;
	}

	/** Decodes stored values to HU into {@link #values}; every stored type is exact in double. */
	private void decode(ByteBuffer b, int n) {
		float[] out = values;
		double m = slope;
		double c = intercept;
		switch (type) {
			case UINT8:
				for (int i = 0; i < n; i++) out[i] = (float) ((b.get(i) & 0xff) * m + c);
				break;
			case INT8:
				for (int i = 0; i < n; i++) out[i] = (float) (b.get(i) * m + c);
				break;
			case INT16:
				for (int i = 0; i < n; i++) out[i] = (float) (b.getShort(2 * i) * m + c);
				break;
			case UINT16:
				for (int i = 0; i < n; i++) out[i] = (float) ((b.getShort(2 * i) & 0xffff) * m + c);
				break;
			case INT32:
				for (int i = 0; i < n; i++) out[i] = (float) (b.getInt(4 * i) * m + c);
				break;
			case UINT32:
				for (int i = 0; i < n; i++) {
					out[i] = (float) ((b.getInt(4 * i) & 0xffffffffL) * m + c);
				}
				break;
			case FLOAT32:
				for (int i = 0; i < n; i++) out[i] = (float) (b.getFloat(4 * i) * m + c);
				break;
			case FLOAT64:
				for (int i = 0; i < n; i++) out[i] = (float) (b.getDouble(8 * i) * m + c);
				break;
			default:
				throw new IllegalStateException("No decoder for " + type);
		}
	}
}
