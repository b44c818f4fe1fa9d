/**
 * DICOM input and output without a DICOM toolkit: a header parser for Part 10
 * files, a series reader that returns {@link org.ctheatmap.core.CtVolume} HU
 * volumes ({@link org.ctheatmap.io.dicom.DicomSeriesReader}) and a CT Image
 * Storage writer for phantoms and tests
 * ({@link org.ctheatmap.io.dicom.DicomSeriesWriter}).
 * <p>
 * The reader decodes the uncompressed and Deflated transfer syntaxes, RLE
 * Lossless, JPEG Baseline, Extended, progressive and Lossless, JPEG-LS (own
 * decoders), and JPEG 2000 (through jai-imageio-jpeg2000), from single-frame
 * files and from
 * multi-frame files with functional groups such as Enhanced CT. Other syntaxes,
 * such as High-Throughput JPEG 2000, are rejected with a message that names
 * them.
 */
package org.ctheatmap.io.dicom;
