package org.ctheatmap.io.dicom;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a greyscale JPEG 2000 codestream (ISO 15444-1) with the JJ2000
 * decoder of jai-imageio-jpeg2000, reversible (lossless) and irreversible
 * alike. The SIZ marker segment is read first, so the size is checked before
 * the decoder allocates anything.
 */
final class Jpeg2000Decoder {

	/** Bytes searched for the SIZ marker when the codestream is wrapped in a JP2 file. */
	private static final int SIZ_SEARCH_BYTES = 64 * 1024;

	private Jpeg2000Decoder() {}

	/**
	 * Decodes a codestream or JP2 file.
	 *
	 * @param data the frame's bytes; not modified
	 * @return samples as the codestream defines them: negative values for a
	 *         signed component, row-major
	 * @throws CodecException if the codestream is corrupt, has more than one
	 *           component, or another size than Columns x Rows
	 */
	static DecodedFrame decode(byte[] data, int expectedWidth, int expectedHeight)
		throws CodecException
	{
		int[] size = readSiz(data);
		int width = size[0];
		int height = size[1];
		if (size[2] != 1) {
			throw new CodecException("the codestream has " + size[2] + " components but a" +
				" greyscale image has 1");
		}
		if (width != expectedWidth || height != expectedHeight) {
			throw new CodecException("the codestream is " + width + " x " + height + " pixels" +
				" but Columns x Rows is " + expectedWidth + " x " + expectedHeight);
		}
		J2KImageReader reader = new J2KImageReader(new J2KImageReaderSpi());
		try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(
			data)))
		{
			reader.setInput(stream);
			Raster raster = reader.readRaster(0, null);
			if (raster.getWidth() != width || raster.getHeight() != height || raster
				.getNumBands() != 1)
			{
				throw new CodecException("the decoder returned " + raster.getWidth() + " x " +
					raster.getHeight() + " pixels in " + raster.getNumBands() + " bands");
			}
			return new DecodedFrame(width, height, size[3], raster.getPixels(0, 0, width, height,
				(int[]) null));
		} catch (IOException | RuntimeException e) {
			// JJ2000 reports corrupt codestreams with unchecked exceptions of many kinds.
			throw new CodecException("the JPEG 2000 decoder failed: " + e, e);
		} catch (ThreadDeath e) {
			// JJ2000's JJ2KExceptionHandler ends decoding of corrupt code-blocks with ThreadDeath.
			// NOTE: it prints the stack trace to System.err first, which cannot be turned off.
			throw new CodecException("the JPEG 2000 decoder failed on corrupt data", e);
		} finally {
			reader.dispose();
		}
	}

	/**
	 * Returns width, height, component count and the first component's
	 * precision in bits from the SIZ segment (ISO 15444-1 A.5.1).
	 */
	private static int[] readSiz(byte[] data) throws CodecException {
		int limit = Math.min(data.length - 4, SIZ_SEARCH_BYTES);
		for (int i = 0; i < limit; i++) {
			if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0x4F && (data[i + 2] &
				0xFF) == 0xFF && (data[i + 3] & 0xFF) == 0x51)
			{
				int siz = i + 4;
				if (siz + 39 > data.length) break;
				long xSize = u32(data, siz + 4);
				long ySize = u32(data, siz + 8);
				long xOffset = u32(data, siz + 12);
				long yOffset = u32(data, siz + 16);
				int components = u16(data, siz + 36);
				int precision = (data[siz + 38] & 0x7F) + 1;
				long width = xSize - xOffset;
				long height = ySize - yOffset;
				if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height >
					Integer.MAX_VALUE)
				{
					throw new CodecException("the SIZ segment gives an invalid image size of " +
						width + " x " + height);
				}
				return new int[] { (int) width, (int) height, components, precision };
			}
		}
		throw new CodecException("no JPEG 2000 SIZ marker segment (FF 4F FF 51) found");
	}

	private static long u32(byte[] data, int offset) {
		return (long) u16(data, offset) << 16 | u16(data, offset + 2);
	}

	private static int u16(byte[] data, int offset) {
		return (data[offset] & 0xFF) << 8 | data[offset + 1] & 0xFF;
	}
}
