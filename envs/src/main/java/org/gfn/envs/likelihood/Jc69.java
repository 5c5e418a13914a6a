package org.gfn.envs.likelihood;

import java.util.List;

/**
 * The Jukes–Cantor substitution model (equal base frequencies and rates): along a branch of
 * length t (expected substitutions per site), a state stays with probability
 * 1/4 + 3/4 e^{−4t/3} and changes to each other state with 1/4 − 1/4 e^{−4t/3}. Felsenstein's
 * pruning combines children's {@link Partials} into their parent's; the log-likelihood of a
 * tree is Σ_p w_p log Σ_s ¼ L_root(p, s).
 */
public final class Jc69 {
  private final SitePatterns patterns;

  public Jc69(SitePatterns patterns) {
    this.patterns = patterns;
  }

  public SitePatterns patterns() {
    return patterns;
  }

  /** P(same state) after a branch of length t. */
  public static double same(double t) {
    return 0.25 + 0.75 * Math.exp(-4.0 * t / 3.0);
  }

  /** P(one given other state) after a branch of length t. */
  public static double change(double t) {
    return 0.25 - 0.25 * Math.exp(-4.0 * t / 3.0);
  }

  /** A leaf's partials: 1 for each state in the taxon's set, else 0. */
  public Partials leaf(int taxon) {
    int n = patterns.count();
    double[] v = new double[4 * n];
    for (int p = 0; p < n; p++) {
      int set = patterns.sets()[p][taxon];
      for (int s = 0; s < 4; s++) v[4 * p + s] = (set >> s & 1) != 0 ? 1.0 : 0.0;
    }
    return new Partials(v, new double[n]);
  }

  /** The parent of two subtrees hanging from it on branches of lengths {@code tl} and {@code tr}. */
  public Partials merge(Partials left, double tl, Partials right, double tr) {
    checkLength(tl);
    checkLength(tr);
    int n = patterns.count();
    double[] v = new double[4 * n];
    double[] scale = new double[n];
    double[] a = left.values();
    double[] b = right.values();
    double[] sa = left.logScale();
    double[] sb = right.logScale();
    double sameL = same(tl), changeL = change(tl), sameR = same(tr), changeR = change(tr);
    for (int p = 0; p < n; p++) {
      int i = 4 * p;
      double sumL = changeL * (a[i] + a[i + 1] + a[i + 2] + a[i + 3]);
      double sumR = changeR * (b[i] + b[i + 1] + b[i + 2] + b[i + 3]);
      for (int s = 0; s < 4; s++) v[i + s] = (sumL + (sameL - changeL) * a[i + s]) * (sumR + (sameR - changeR) * b[i + s]);
      scale[p] = sa[p] + sb[p];
    }
    normalise(v, scale);
    return new Partials(v, scale);
  }

  private static void checkLength(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) throw new IllegalArgumentException("branch length must be finite and >= 0, got " + t);
  }

  /** The parent of any number of subtrees (a multifurcating root, say), each on its branch. */
  public Partials join(List<Partials> children, double[] lengths) {
    if (children.size() != lengths.length || children.isEmpty()) {
      throw new IllegalArgumentException(children.size() + " children, " + lengths.length + " branch lengths");
    }
    for (double t : lengths) checkLength(t);
    int n = patterns.count();
    double[] v = new double[4 * n];
    double[] scale = new double[n];
    java.util.Arrays.fill(v, 1.0);
    for (int c = 0; c < children.size(); c++) {
      Partials child = children.get(c);
      double same = same(lengths[c]);
      double change = change(lengths[c]);
      for (int p = 0; p < n; p++) {
        double[] cv = child.values();
        double sum = cv[4 * p] + cv[4 * p + 1] + cv[4 * p + 2] + cv[4 * p + 3];
        for (int s = 0; s < 4; s++) v[4 * p + s] *= change * sum + (same - change) * cv[4 * p + s];
        scale[p] += child.logScale()[p];
      }
    }
    normalise(v, scale);
    return new Partials(v, scale);
  }

  /** Scales each pattern's four values so the largest is 1, adding the log of the factor to its scale. */
  private static void normalise(double[] v, double[] scale) {
    for (int p = 0; p < scale.length; p++) {
      double max = Math.max(Math.max(v[4 * p], v[4 * p + 1]), Math.max(v[4 * p + 2], v[4 * p + 3]));
      if (max > 0) {
        for (int s = 0; s < 4; s++) v[4 * p + s] /= max;
        scale[p] += Math.log(max);
      } else {
        scale[p] = Double.NEGATIVE_INFINITY; // the data are impossible under these branch lengths
      }
    }
  }

  /** log P(data | tree) with the root's partials, uniform base frequencies at the root. */
  public double logLikelihood(Partials root) {
    double ll = 0;
    for (int p = 0; p < patterns.count(); p++) {
      double[] v = root.values();
      double site = 0.25 * (v[4 * p] + v[4 * p + 1] + v[4 * p + 2] + v[4 * p + 3]);
      ll += patterns.weights()[p] * (Math.log(site) + root.logScale()[p]);
    }
    return ll;
  }
}
