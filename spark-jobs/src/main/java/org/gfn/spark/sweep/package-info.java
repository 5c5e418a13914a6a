/**
 * Sweeps: a spec of grid and random axes and seeds, trials run packed (one executor task each,
 * the Spark-free loop) or distributed (full training runs), restartable, ranked into tables.
 */
package org.gfn.spark.sweep;
