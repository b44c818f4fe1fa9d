package org.ctheatmap.io.metaimage;

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
 * Reads ITK MetaImage files ({@code .mha} with the data after the header,
 * {@code .mhd} with a separate data file) as CT volumes in HU.
 * <p>
 * Supported: NDims 2, 3 and 4 (the fourth axis contains time points);
 * ElementType MET_UCHAR, MET_CHAR, MET_SHORT, MET_USHORT, MET_INT, MET_UINT,
 * MET_LONG and MET_ULONG (4 bytes in MetaIO), MET_FLOAT and MET_DOUBLE; both
 * byte orders; raw or zlib-compressed data (CompressedData = True); data
 * after the header (ElementDataFile = LOCAL), in one file, a LIST of files or
 * a printf-style file pattern. Geometry: ElementSpacing (or ElementSize),
 * Offset (or Origin, Position) and TransformMatrix (or Rotation,
 * Orientation), whose consecutive triplets are the directions of axes i, j
 * and k, as ITK reads them. MetaImage positions are LPS, as in ITK, so
 * AnatomicalOrientation is only recorded. ElementToIntensityFunctionSlope and
 * Offset, when given, convert stored values to HU.
 * <p>
 * The voxel grid is reordered to display order as for NIfTI (see
 * {@link org.ctheatmap.io.raw.Reorientation}).
 */
public final class MetaImageReader {

	private MetaImageReader() {}

	/**
	 * Reads a MetaImage file. The title is the file name without its extension.
	 * Metadata keys: Format ("MetaImage"), Source, ElementType, Compressed,
	 * AnatomicalOrientation and Modality (when given), DataFile (separate
	 * data), Reoriented and ByteOrder (types wider than 8 bits).
	 *
	 * @param file a .mha or .mhd file
	 * @param options progress is reported per stored slice; the series UID is
	 *          not used
	 * @throws InvalidInputException naming the file and the problem when it is
	 *           missing, lacks a required key, uses an unsupported element type,
	 *           has invalid geometry or scaling, is truncated, or needs more
	 *           memory than the Java heap has free
	 * @throws IOException if reading fails for another reason
	 */
	public static CtVolume read(Path file, ReadOptions options) throws IOException {
		if (!Files.isRegularFile(file)) throw new InvalidInputException(file, "file not found");
		MetaImageHeader h = MetaImageHeader.read(file);
		MetaImageFields f = new MetaImageFields(file, h);
		String objectType = h.get("ObjectType");
		if (objectType != null && !objectType.equalsIgnoreCase("Image")) {
			throw new InvalidInputException(file, "MetaImage ObjectType '" + MetaImageHeader
				.shorten(objectType) + "' is not an image");
		}
		int dims = (int) f.integer("NDims", f.required("NDims"));
		if (dims < 2 || dims > 4) {
			throw new InvalidInputException(file, "MetaImage NDims " + dims +
				" is not supported; a CT image has 2 to 4 dimensions");
		}
		long[] sizes = f.integers("DimSize", dims);
		for (int a = 0; a < dims; a++) {
			if (sizes[a] < 1) {
				throw new InvalidInputException(file, "MetaImage DimSize " + sizes[a] +
					" of axis " + a + " is invalid; every size must be at least 1");
			}
		}
		VoxelType type = f.elementType();
		if (h.get("ElementNumberOfChannels") != null && f.integer("ElementNumberOfChannels", h
			.get("ElementNumberOfChannels")) != 1) {
			throw new InvalidInputException(file, "MetaImage ElementNumberOfChannels is " + h.get(
				"ElementNumberOfChannels") + ": images with several values per voxel are not CT");
		}
		if (!f.bool("BinaryData", true)) {
			throw new InvalidInputException(file, "MetaImage BinaryData = False (ASCII data) is" +
				" not supported; save the image with binary data");
		}
		boolean msb = f.bool(h.first("BinaryDataByteOrderMSB", "ElementByteOrderMSB"), false);
		ByteOrder order = msb ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		Encoding encoding = f.bool("CompressedData", false) ? Encoding.ZLIB : Encoding.RAW;
		List<String> warnings = new ArrayList<>();
		double[][] lps = f.affine(dims, warnings);
		double[] rescale = f.rescale();

		long[] size = { sizes[0], sizes[1], dims > 2 ? sizes[2] : 1 };
		RasterShape shape = RasterShape.of(file, size, dims > 3 ? sizes[3] : 1, type);
		List<Path> dataFiles = new ArrayList<>();
		DataParts data = dataParts(file, h, f, encoding, shape.dataBytes(), sizes, dataFiles,
			warnings);

		String conversion = rescale[0] == 1 && rescale[1] == 0 ? "HU = stored value"
			: "HU = stored * " + rescale[0] + " + " + rescale[1] +
				" (MetaImage ElementToIntensityFunctionSlope/Offset)";
		RasterVolumeBuilder builder = new RasterVolumeBuilder(shape, lps).byteOrder(order).title(
			title(file)).rescale(rescale[0], rescale[1], conversion).warnings(warnings);
		builder.metadata("Format", "MetaImage").metadata("Source", file.toAbsolutePath()
			.normalize().toString()).metadata("ElementType", h.get("ElementType") + " (" + type +
				")").metadata("Compressed", Boolean.toString(encoding.compressed()));
		for (String key : new String[] { "AnatomicalOrientation", "Modality" }) {
			if (h.get(key) != null) builder.metadata(key, MetaImageHeader.shorten(h.get(key)));
		}
		if (!dataFiles.isEmpty()) {
			String first = dataFiles.get(0).toAbsolutePath().normalize().toString();
			builder.metadata("DataFile", dataFiles.size() == 1 ? first : first + " and " +
				(dataFiles.size() - 1) + " more");
		}
		return builder.read(file, data, options.progress());
	}

	/**
	 * Describes where the voxel bytes are. HeaderSize bytes are skipped at the
	 * start of each separate data file (after decompression for compressed
	 * data); -1 means the raw data end at the end of the file.
	 */
	private static DataParts dataParts(Path file, MetaImageHeader h, MetaImageFields f,
		Encoding encoding, long dataBytes, long[] sizes, List<Path> dataFiles,
		List<String> warnings) throws IOException
	{
		long headerSize = h.get("HeaderSize") == null ? 0 : f.integer("HeaderSize", h.get(
			"HeaderSize"));
		String value = h.get("ElementDataFile");
		if (value.equalsIgnoreCase("LOCAL")) {
			if (headerSize > 0) {
				warnings.add("MetaImage HeaderSize " + headerSize + " is ignored for LOCAL data," +
					" which start right after the header");
			}
			return DataParts.of(DataParts.Part.of(file, h.dataStart, 0, Math.min(headerSize, 0),
				encoding, dataBytes));
		}
		DataFileNames names = DataFileNames.of(file, "MetaImage ElementDataFile", value,
			h.dataFileList, sizes);
		long perFile = dataBytes / names.files.size();
		List<DataParts.Part> parts = new ArrayList<>();
		Path folder = file.toAbsolutePath().getParent();
		for (String name : names.files) {
			Path part;
			try {
				part = folder.resolve(name);
			} catch (InvalidPathException e) {
				throw new InvalidInputException(file, "invalid MetaImage ElementDataFile name '" +
					MetaImageHeader.shorten(name) + "'");
			}
			dataFiles.add(part);
			parts.add(DataParts.Part.of(part, 0, 0, headerSize, encoding, perFile));
		}
		return DataParts.of(parts);
	}

	private static String title(Path file) {
		String name = file.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		for (String extension : new String[] { ".mha", ".mhd" }) {
			if (lower.endsWith(extension) && name.length() > extension.length()) {
				return name.substring(0, name.length() - extension.length());
			}
		}
		return name;
	}
}
