package org.gfn.envs.phylo;

/**
 * PhyloGFN's discrete branch lengths and their prior: bin k is the length t_k = binSize·(k + 1),
 * and its prior mass is that of an exponential distribution of rate λ over the bin,
 * approximated as λ e^{−λ t_k}·binSize.
 */
record BranchLengths(int bins, double binSize, double rate) implements java.io.Serializable {

  BranchLengths {
    if (bins < 1 || !(binSize > 0) || !(rate > 0) || Double.isInfinite(binSize) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("bins >= 1, bin size > 0 and prior rate > 0 needed, got " + bins + ", " + binSize
          + ", " + rate);
    }
  }

  double length(int bin) {
    return binSize * (bin + 1);
  }

  double logPrior(int bin) {
    return Math.log(rate * binSize) - rate * length(bin);
  }
}
