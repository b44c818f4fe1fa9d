package org.ctheatmap.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.ctheatmap.core.CtVolume;
import org.ctheatmap.io.ReadOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes the same HU volume in every writable transfer syntax and stored-value
 * encoding, reads it back and checks the HU values voxel for voxel, both
 * through the reader and through a decode written here from the raw bytes.
 */
class DicomRoundTripTest {

	/** Positions are written as decimal strings of up to 16 characters. */
	private static final double POSITION_TOL_MM = 1e-9;

	private static final int WIDTH = 7;
	private static final int HEIGHT = 5;
	private static final int DEPTH = 4;

	@TempDir
	Path folder;

	/** Encodings: signed, bits allocated, bits stored, slope, intercept. */
	static Stream<Arguments> encodings() {
		Object[][] encodings = { { true, 16, 16, 1.0, 0.0 }, { false, 16, 16, 1.0, -1024.0 },
			{ true, 16, 12, 1.0, 0.0 }, { false, 16, 12, 1.0, -1024.0 },
			{ false, 16, 16, 0.5, -1024.5 }, { false, 8, 8, 16.0, -1024.0 },
			{ true, 8, 8, 16.0, 0.0 } };
		List<Arguments> cases = new ArrayList<>();
		for (DicomTransferSyntax syntax : DicomTransferSyntax.values()) {
			if (!syntax.writable()) continue;
			for (Object[] e : encodings) {
				cases.add(Arguments.of(syntax, e[0], e[1], e[2], e[3], e[4]));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} signed={1} {2}/{3} bits slope {4} intercept {5}")
	@MethodSource("encodings")
	void roundTripKeepsEveryHuValue(DicomTransferSyntax syntax, boolean signed, int allocated,
		int stored, double slope, double intercept) throws IOException
	{
		CtVolume original = DicomTestFiles.volume(WIDTH, HEIGHT, DEPTH, DicomTestFiles.axial(0.7,
			0.6, 2.5));
		DicomWriteOptions options = DicomWriteOptions.builder().transferSyntax(syntax).signed(
			signed).bits(allocated, stored).rescale(slope, intercept).instanceOrder(
				DicomWriteOptions.InstanceOrder.REVERSED).fileNaming(
					DicomWriteOptions.FileNaming.SHUFFLED, 42).build();
		List<Path> files = DicomSeriesWriter.write(original, folder, options);

		CtVolume read = DicomSeriesReader.read(folder, ReadOptions.DEFAULT);

		assertEquals(DEPTH, read.depth(), "slice count");
		for (int z = 0; z < DEPTH; z++) {
			float[] expected = pixels(original, z);
			assertEquals(files.get(z).getFileName().toString(), read.image().getStack()
				.getSliceLabel(z + 1), "file of slice " + z);
			assertArrayEquals(expected, pixels(read, z), "HU of slice " + z + " via the reader");
			if (syntax.compression() != DicomTransferSyntax.Compression.RLE) {
				assertArrayEquals(expected, independentDecode(files.get(z), syntax, signed,
					allocated, slope, intercept), "HU of slice " + z + " via the raw bytes");
			}
		}
		assertArrayEquals(original.geometry().origin(), read.geometry().origin(), POSITION_TOL_MM,
			"origin");
		assertArrayEquals(original.geometry().spacing(), read.geometry().spacing(),
			POSITION_TOL_MM, "spacing");
		assertEquals(syntax.uid(), read.metadata().get("TransferSyntaxUID"), "syntax in metadata");
		assertEquals(signed ? "1" : "0", read.metadata().get("PixelRepresentation"),
			"pixel representation in metadata");
	}

	private static float[] pixels(CtVolume volume, int z) {
		return (float[]) volume.image().getStack().getPixels(z + 1);
	}

	/**
	 * Decodes a file written by the writer without the parser: the pixel data
	 * is the last element, so it is the last width x height samples, preceded
	 * by the Pixel Data tag. A deflated data set is inflated with
	 * {@link InflaterInputStream} first.
	 */
	private static float[] independentDecode(Path file, DicomTransferSyntax syntax,
		boolean signed, int bitsAllocated, double slope, double intercept) throws IOException
	{
		byte[] bytes = Files.readAllBytes(file);
		if (syntax == DicomTransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) {
			int dataSetStart = 144 + ByteBuffer.wrap(bytes, 140, 4).order(ByteOrder.LITTLE_ENDIAN)
				.getInt();
			try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes,
				dataSetStart, bytes.length - dataSetStart), new Inflater(true)))
			{
				bytes = in.readAllBytes();
			}
		}
		int count = WIDTH * HEIGHT;
		int sampleBytes = bitsAllocated / 8;
		int dataLength = count * sampleBytes + (count * sampleBytes) % 2;
		int offset = bytes.length - dataLength;
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(syntax.bigEndian() ? ByteOrder.BIG_ENDIAN
			: ByteOrder.LITTLE_ENDIAN);
		int headerLength = syntax.explicitVr() ? 12 : 8;
		assertEquals(0x7FE0, buffer.getShort(offset - headerLength) & 0xFFFF, "Pixel Data group");
		assertEquals(0x0010, buffer.getShort(offset - headerLength + 2) & 0xFFFF,
			"Pixel Data element");
		float[] hu = new float[count];
		for (int i = 0; i < count; i++) {
			int value;
			if (sampleBytes == 2) {
				short word = buffer.getShort(offset + 2 * i);
				value = signed ? word : word & 0xFFFF;
			} else {
				byte sample = buffer.get(offset + i);
				value = signed ? sample : sample & 0xFF;
			}
			hu[i] = (float) (value * slope + intercept);
		}
		return hu;
	}
}
