package org.ctheatmap.io.raw;

/** Encoding of the voxel bytes in a data file. */
public enum Encoding {

	/** Bytes as they are. */
	RAW("raw"),
	/** A gzip stream (RFC 1952); concatenated members are read in turn. */
	GZIP("gzip"),
	/** A zlib stream (RFC 1950), as MetaImage writes it; gzip data are also accepted. */
	ZLIB("zlib");

	private final String label;

	Encoding(String label) {
		this.label = label;
	}

	/** Returns true for the deflate-based encodings. */
	public boolean compressed() {
		return this != RAW;
	}

	@Override
	public String toString() {
		return label;
	}
}
