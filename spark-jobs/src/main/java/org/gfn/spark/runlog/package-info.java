/**
 * A run's outputs and their inspection: the run directory's layout, the Parquet replay log (its
 * writer and the {@code ReplayLog} reading API), plots, and the {@code inspect} command.
 */
package org.gfn.spark.runlog;
