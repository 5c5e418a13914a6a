package org.gfn.model.metrics;

/** The newest {@code window} integer scores of a stream of samples, for their mean. */
final class RecentScores {
  private final int[] recent;
  private long observed;

  RecentScores(int window) {
    recent = new int[window];
  }

  void add(int score) {
    recent[(int) (observed++ % recent.length)] = score;
  }

  /** How many scores have been added in all. */
  long observed() {
    return observed;
  }

  /** The mean of the newest {@code window} scores (NaN before the first). */
  double mean() {
    int n = (int) Math.min(observed, recent.length);
    double sum = 0;
    for (int i = 0; i < n; i++) sum += recent[i];
    return n == 0 ? Double.NaN : sum / n;
  }
}
