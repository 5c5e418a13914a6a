/**
 * Evaluation: exact metrics by dynamic programming over enumerable DAGs
 * ({@link org.gfn.model.metrics.ExactMetrics}: sum-L1, TV, JSD, |log Z − log Z*|) and sample
 * metrics (empirical L1 with its noise floor, top-k reward and diversity; Spearman correlation comes from commons-math3).
 */
package org.gfn.model.metrics;
