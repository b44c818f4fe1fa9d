/**
 * Heat maps of a whole folder of studies with the same settings: finding the
 * studies ({@link org.ctheatmap.batch.StudyFinder}), running the heat-map job
 * on each into its own folder with a log, and the summary table
 * ({@link org.ctheatmap.batch.BatchJob}). Used by the {@code batch}
 * subcommand and the Batch Heat Maps command.
 */
package org.ctheatmap.batch;
