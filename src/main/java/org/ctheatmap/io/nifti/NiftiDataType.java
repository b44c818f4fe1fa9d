package org.ctheatmap.io.nifti;

import org.ctheatmap.io.raw.VoxelType;

/**
 * NIfTI voxel data types that this package reads. The codes are the
 * {@code datatype} values of the NIfTI-1 and NIfTI-2 headers.
 * {@link NiftiWriter} writes {@link #FLOAT32} and {@link #INT16} only.
 */
public enum NiftiDataType {

	UINT8(2, VoxelType.UINT8),
	INT16(4, VoxelType.INT16),
	INT32(8, VoxelType.INT32),
	FLOAT32(16, VoxelType.FLOAT32),
	FLOAT64(64, VoxelType.FLOAT64),
	INT8(256, VoxelType.INT8),
	UINT16(512, VoxelType.UINT16),
	UINT32(768, VoxelType.UINT32);

	private final int code;
	private final VoxelType voxelType;

	NiftiDataType(int code, VoxelType voxelType) {
		this.code = code;
		this.voxelType = voxelType;
	}

	/** Returns the header's {@code datatype} code, e.g. 4 for int16. */
	public int code() {
		return code;
	}

	public int bytesPerVoxel() {
		return voxelType.bytesPerVoxel();
	}

	/** Returns the stored value type shared with the other raw-data readers. */
	public VoxelType voxelType() {
		return voxelType;
	}

	/** Returns the type name with its code, e.g. "int16 (4)". */
	@Override
	public String toString() {
		return voxelType + " (" + code + ")";
	}

	/** Returns the readable type with this code, or null for any other code. */
	public static NiftiDataType fromCode(int code) {
		for (NiftiDataType type : values()) {
			if (type.code == code) return type;
		}
		return null;
	}

	/**
	 * Returns the NIfTI name of a datatype code that this package does not
	 * read, e.g. "RGB24" for 128, or "unknown" for a code the standard does not
	 * define.
	 */
	static String unsupportedName(int code) {
		switch (code) {
			case 0:
				return "DT_UNKNOWN";
			case 1:
				return "binary (1 bit per voxel)";
			case 32:
				return "complex64";
			case 128:
				return "RGB24";
			case 1024:
				return "int64";
			case 1280:
				return "uint64";
			case 1536:
				return "float128";
			case 1792:
				return "complex128";
			case 2048:
				return "complex256";
			case 2304:
				return "RGBA32";
			default:
				return "unknown";
		}
	}
}
