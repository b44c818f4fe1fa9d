package org.ctheatmap.io.raw;

/**
 * Scalar voxel types of raw raster data, as NIfTI, NRRD and MetaImage store
 * them. Every value of every type is exact in a double.
 */
public enum VoxelType {

	UINT8(1, "uint8"),
	INT8(1, "int8"),
	INT16(2, "int16"),
	UINT16(2, "uint16"),
	INT32(4, "int32"),
	UINT32(4, "uint32"),
	FLOAT32(4, "float32"),
	FLOAT64(8, "float64");

	private final int bytesPerVoxel;
	private final String label;

	VoxelType(int bytesPerVoxel, String label) {
		this.bytesPerVoxel = bytesPerVoxel;
		this.label = label;
	}

	public int bytesPerVoxel() {
		return bytesPerVoxel;
	}

	/** Returns the type name, e.g. "int16". */
	@Override
	public String toString() {
		return label;
	}
}
