package org.ctheatmap.io.nrrd;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.InvalidInputException;
import org.ctheatmap.io.ReadOptions;
import org.ctheatmap.io.raw.DataFileNames;
import org.ctheatmap.io.raw.DataParts;
import org.ctheatmap.io.raw.Encoding;
import org.ctheatmap.io.raw.RasterShape;
import org.ctheatmap.io.raw.RasterVolumeBuilder;
import org.ctheatmap.io.raw.VoxelType;

/**
 * Reads NRRD images ({@code .nrrd} with attached data, {@code .nhdr} with
 * detached data) as CT volumes in HU.
 * <p>
 * Supported: NRRD0001 to NRRD0005 headers; signed and unsigned 8-, 16- and
 * 32-bit integers, float and double; either byte order; raw and gzip
 * encodings. The data may follow the header or lie in one data file, a
 * "LIST" of files or files named by a printf-style pattern. Each data file
 * may have a "line skip" and a "byte skip", and for gzip the byte skip
 * applies after decompression, as in the teem library. Geometry comes from
 * "space", "space directions", "space origin" and "space units"; see
 * {@link NrrdGeometry}. NRRD has no rescale fields, so HU are the stored
 * values. The voxel grid is reordered to display order as for NIfTI (see
 * {@link org.ctheatmap.io.raw.Reorientation}).
 * <p>
 * Not supported, with an {@link InvalidInputException} that names the feature: ascii,
 * hex and bzip2 encodings, 64-bit integers, images with several values per
 * voxel (vectors, colour), and time or list axes that are not the slowest.
 */
public final class NrrdReader {

	private NrrdReader() {}

	/**
	 * Reads a NRRD file. The title is the file name without its extension.
	 * Metadata keys: Format ("NRRD"), Source, Type, Encoding, Space, DataFile
	 * (detached data), Reoriented and ByteOrder (types wider than 8 bits).
	 *
	 * @param file a .nrrd or .nhdr file
	 * @param options progress is reported per stored slice; the series UID is
	 *          not used
	 * @throws InvalidInputException naming the file and the problem when it is
	 *           missing, not NRRD, lacks a required field, uses an unsupported
	 *           type, encoding or layout, has invalid geometry, is truncated, or
	 *           needs more memory than the Java heap has free
	 * @throws IOException if reading fails for another reason
	 */
	public static CtVolume read(Path file, ReadOptions options) throws IOException {
		if (!Files.isRegularFile(file)) throw new InvalidInputException(file, "file not found");
		NrrdHeader h = NrrdHeader.read(file);
		int dimension = (int) Math.min(Integer.MAX_VALUE, NrrdValues.integer(file, "dimension",
			required(file, h, "dimension")));
		if (dimension < 2 || dimension > 16) {
			throw new InvalidInputException(file, "NRRD dimension " + dimension +
				" is not supported; a CT image has 2 to 4 axes");
		}
		long[] sizes = NrrdValues.integers(file, "sizes", required(file, h, "sizes"), dimension);
		for (int a = 0; a < dimension; a++) {
			if (sizes[a] < 1) {
				throw new InvalidInputException(file, "NRRD size " + sizes[a] + " of axis " + a +
					" is invalid; every size must be at least 1");
			}
		}
		VoxelType type = NrrdValues.type(file, required(file, h, "type"));
		Encoding encoding = NrrdValues.encoding(file, required(file, h, "encoding"));
		ByteOrder order = byteOrder(file, h, type);
		NrrdGeometry geometry = NrrdGeometry.of(file, h, sizes);
		RasterShape shape = RasterShape.of(file, geometry.size, geometry.frames, type);
		List<Path> dataFiles = new ArrayList<>();
		DataParts data = dataParts(file, h, encoding, shape.dataBytes(), sizes, dataFiles);

		RasterVolumeBuilder builder = new RasterVolumeBuilder(shape, geometry.lps).byteOrder(
			order).title(title(file)).rescale(1, 0, "HU = stored value (NRRD has no rescale" +
				" fields)").warnings(geometry.warnings);
		builder.metadata("Format", "NRRD").metadata("Source", file.toAbsolutePath().normalize()
			.toString()).metadata("Type", h.get("type") + " (" + type + ")").metadata("Encoding",
				encoding.toString()).metadata("Space", geometry.space);
		if (!dataFiles.isEmpty()) {
			String first = dataFiles.get(0).toAbsolutePath().normalize().toString();
			builder.metadata("DataFile", dataFiles.size() == 1 ? first : first + " and " +
				(dataFiles.size() - 1) + " more");
		}
		return builder.read(file, data, options.progress());
	}

	private static String required(Path file, NrrdHeader h, String field)
		throws InvalidInputException
	{
		String value = h.get(field);
		if (value == null) {
			throw new InvalidInputException(file, "the NRRD header lacks the required field '" +
				field + "'");
		}
		return value;
	}

	private static ByteOrder byteOrder(Path file, NrrdHeader h, VoxelType type)
		throws InvalidInputException
	{
		String endian = h.get("endian");
		if (endian == null) {
			if (type.bytesPerVoxel() == 1) return ByteOrder.LITTLE_ENDIAN;
			throw new InvalidInputException(file, "the NRRD header lacks the field 'endian'," +
				" which " + type + " data need");
		}
		switch (endian.toLowerCase(Locale.ROOT)) {
			case "little":
				return ByteOrder.LITTLE_ENDIAN;
			case "big":
				return ByteOrder.BIG_ENDIAN;
			default:
				throw new InvalidInputException(file, "invalid NRRD endian '" + NrrdHeader.shorten(
					endian) + "'; expected little or big");
		}
	}

	/**
	 * Describes where the voxel bytes are: after the header, in one detached
	 * file, or split evenly over a list of files.
	 *
	 * @param dataFiles receives the detached data files; modified
	 */
	private static DataParts dataParts(Path file, NrrdHeader h, Encoding encoding,
		long dataBytes, long[] sizes, List<Path> dataFiles) throws IOException
	{
		long lineSkip = h.has("line skip") ? NrrdValues.integer(file, "line skip", h.get(
			"line skip")) : 0;
		long byteSkip = h.has("byte skip") ? NrrdValues.integer(file, "byte skip", h.get(
			"byte skip")) : 0;
		String value = h.get("data file");
		if (value == null) {
			if (!h.endsWithBlankLine) {
				throw new InvalidInputException(file, "the NRRD header has neither attached data" +
					" after a blank line nor a 'data file' field");
			}
			return DataParts.of(DataParts.Part.of(file, h.dataStart, lineSkip, byteSkip,
				encoding, dataBytes));
		}
		DataFileNames names = DataFileNames.of(file, "NRRD data file", value, h.dataFileList,
			sizes);
		long perFile = dataBytes / names.files.size();
		List<DataParts.Part> parts = new ArrayList<>();
		for (String name : names.files) {
			Path part = resolve(file, name);
			dataFiles.add(part);
			parts.add(DataParts.Part.of(part, 0, lineSkip, byteSkip, encoding, perFile));
		}
		return DataParts.of(parts);
	}

	/** Resolves a data file name against the folder of the header. */
	private static Path resolve(Path header, String name) throws InvalidInputException {
		Path folder = header.toAbsolutePath().getParent();
		try {
			return folder.resolve(name);
		} catch (InvalidPathException e) {
			throw new InvalidInputException(header, "invalid NRRD data file name '" + NrrdHeader
				.shorten(name) + "'");
		}
	}

	private static String title(Path file) {
		String name = file.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		for (String extension : new String[] { ".nrrd", ".nhdr" }) {
			if (lower.endsWith(extension) && name.length() > extension.length()) {
				return name.substring(0, name.length() - extension.length());
			}
		}
		return name;
	}
}
