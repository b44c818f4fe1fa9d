/**
 * DICOM input and output without external libraries: a header parser for
 * Part 10 files in the three uncompressed transfer syntaxes, a series reader
 * that returns {@link org.ctheatmap.core.CtVolume} HU volumes
 * ({@link org.ctheatmap.io.dicom.DicomSeriesReader}) and a CT Image Storage
 * writer for phantoms and tests ({@link org.ctheatmap.io.dicom.DicomSeriesWriter}).
 * Compressed transfer syntaxes and multi-frame objects are rejected with a
 * message that names them.
 */
package org.ctheatmap.io.dicom;
