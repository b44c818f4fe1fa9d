package org.ctheatmap.io.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.ctheatmap.core.ProgressListener;
import org.ctheatmap.io.InvalidInputException;

/**
 * Reads NIfTI voxel data, row by row, into float32 HU slices in display
 * order. It reads exactly the bytes the header describes and never more, so
 * a gzip stream that would expand further is not inflated beyond them.
 */
final class VoxelReader {

	private final Path file;
	private final NiftiDimensions dims;
	private final NiftiDataType type;
	private final ByteOrder order;
	private final NiftiScaling scaling;
	private final Reorientation reorientation;

	VoxelReader(Path file, NiftiDimensions dims, NiftiDataType type, ByteOrder order,
		NiftiScaling scaling, Reorientation reorientation)
	{
		this.file = file;
		this.dims = dims;
		this.type = type;
		this.order = order;
		this.scaling = scaling;
		this.reorientation = reorientation;
	}

	/**
	 * Reads the voxel data from the current stream position.
	 *
	 * @param in positioned at the first voxel byte; read for exactly
	 *          {@code dims.dataBytes} bytes
	 * @return one array per slice in ImageJ stack order (slice varies fastest,
	 *         then time point); new voxel (i, j) is at index i + ni * j
	 * @throws InvalidInputException if the stream ends before the data does
	 */
	float[][] read(InputStream in, ProgressListener progress) throws IOException {
		long[] newSize = reorientation.newSize();
		int plane = (int) (newSize[0] * newSize[1]);
		int slicesPerFrame = (int) newSize[2];
		float[][] slices = new float[slicesPerFrame * (int) dims.frames][plane];

		int columns = (int) dims.size[0];
		byte[] bytes = new byte[columns * type.bytesPerVoxel()];
		ByteBuffer row = ByteBuffer.wrap(bytes).order(order);
		double[] values = new double[columns];
		long[] step = reorientation.stepsPerStoredAxis();
		long start = reorientation.newStart();
		int storedSlices = (int) (dims.size[2] * dims.frames);
		String task = "Reading " + file.getFileName();
		long bytesRead = 0;

		for (int t = 0; t < dims.frames; t++) {
			int frameOffset = t * slicesPerFrame;
			for (long k = 0; k < dims.size[2]; k++) {
				for (long j = 0; j < dims.size[1]; j++) {
					int count = NiftiHeader.readUpTo(in, bytes, 0, bytes.length);
					if (count < bytes.length) throw truncated(bytesRead + count);
					bytesRead += bytes.length;
					decode(row, values);
					long linear = start + j * step[1] + k * step[2];
					for (int i = 0; i < columns; i++) {
						long index = linear + i * step[0];
						int slice = (int) (index / plane);
						slices[frameOffset + slice][(int) (index - (long) slice * plane)] = hu(
							values[i]);
					}
				}
				progress.progress(task, (int) (t * dims.size[2] + k + 1), storedSlices);
			}
		}
		return slices;
	}

	private float hu(double stored) {
		return (float) (scaling.applies ? stored * scaling.slope + scaling.inter : stored);
	}

	/** Decodes one row of stored values; every supported type is exact in double. */
	private void decode(ByteBuffer row, double[] values) {
		int n = values.length;
		switch (type) {
			case UINT8:
				for (int i = 0; i < n; i++) values[i] = row.get(i) & 0xff;
				break;
			case INT8:
				for (int i = 0; i < n; i++) values[i] = row.get(i);
				break;
			case INT16:
				for (int i = 0; i < n; i++) values[i] = row.getShort(2 * i);
				break;
			case UINT16:
				for (int i = 0; i < n; i++) values[i] = row.getShort(2 * i) & 0xffff;
				break;
			case INT32:
				for (int i = 0; i < n; i++) values[i] = row.getInt(4 * i);
				break;
			case UINT32:
				for (int i = 0; i < n; i++) values[i] = row.getInt(4 * i) & 0xffffffffL;
				break;
			case FLOAT32:
				for (int i = 0; i < n; i++) values[i] = row.getFloat(4 * i);
				break;
			case FLOAT64:
				for (int i = 0; i < n; i++) values[i] = row.getDouble(8 * i);
				break;
			default:
				throw new IllegalStateException("No decoder for " + type);
		}
	}

	private InvalidInputException truncated(long bytesPresent) {
		return new InvalidInputException(file, "truncated voxel data: the header describes " +
			dims.dataBytes + " bytes (" + dims.describe() + " voxels of " + type + ") but only " +
			bytesPresent + " are present");
	}
}
