package org.gfn.envs.likelihood;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfn.envs.phylo.Alignment;

/**
 * A tree with branch lengths over an alignment's taxa: a leaf (taxon index) or an internal node
 * with two or more children, each child carrying the length of the branch above it. Read from and
 * written to Newick ({@code ((a:0.1,b:0.2):0.05,c:0.3);}); a missing length reads as 0.
 *
 * @param taxon the taxon of a leaf, −1 for an internal node
 * @param children the subtrees of an internal node (empty for a leaf)
 * @param lengths the branch length above each child
 */
public record Tree(int taxon, List<Tree> children, double[] lengths) {

  public static Tree leaf(int taxon) {
    return new Tree(taxon, List.of(), new double[0]);
  }

  public static Tree node(List<Tree> children, double... lengths) {
    if (children.size() < 2 || children.size() != lengths.length) {
      throw new IllegalArgumentException("an internal node needs >= 2 children, each with a branch length");
    }
    return new Tree(-1, List.copyOf(children), lengths.clone());
  }

  public boolean isLeaf() {
    return taxon >= 0;
  }

  /** The root's partials under {@code model} by Felsenstein's pruning. */
  public Partials partials(Jc69 model) {
    if (isLeaf()) return model.leaf(taxon);
    List<Partials> ps = new ArrayList<>();
    for (Tree c : children) ps.add(c.partials(model));
    return model.join(ps, lengths);
  }

  /** log P(alignment | tree, branch lengths) under JC69. */
  public double logLikelihood(Jc69 model) {
    return model.logLikelihood(partials(model));
  }

  /** Newick text with the taxa's names and the branch lengths. */
  public String newick(Alignment names) {
    StringBuilder sb = new StringBuilder();
    write(names, sb);
    return sb.append(';').toString();
  }

  private void write(Alignment names, StringBuilder sb) {
    if (isLeaf()) {
      sb.append(names.name(taxon));
      return;
    }
    sb.append('(');
    for (int i = 0; i < children.size(); i++) {
      if (i > 0) sb.append(',');
      children.get(i).write(names, sb);
      sb.append(':').append(lengths[i]);
    }
    sb.append(')');
  }

  /** Parses Newick over {@code names}' taxa; every taxon exactly once; refuses malformed text. */
  public static Tree parse(String text, Alignment names) {
    Map<String, Integer> index = new HashMap<>();
    for (int t = 0; t < names.taxa(); t++) index.put(names.name(t), t);
    int[] pos = {0};
    String s = text.strip();
    boolean[] seen = new boolean[names.taxa()];
    Tree tree = parseNode(s, pos, index, seen);
    length(s, pos); // a root length, if any, is ignored
    if (pos[0] >= s.length() || s.charAt(pos[0]) != ';') throw new IllegalArgumentException("Newick: expected ';' at " + pos[0]);
    for (int t = 0; t < seen.length; t++) {
      if (!seen[t]) throw new IllegalArgumentException("Newick: taxon '" + names.name(t) + "' is missing");
    }
    return tree;
  }

  private static Tree parseNode(String s, int[] pos, Map<String, Integer> index, boolean[] seen) {
    if (pos[0] >= s.length()) throw new IllegalArgumentException("Newick: unexpected end");
    if (s.charAt(pos[0]) != '(') {
      int start = pos[0];
      while (pos[0] < s.length() && ",():;".indexOf(s.charAt(pos[0])) < 0) pos[0]++;
      String name = s.substring(start, pos[0]).strip().replaceAll("^'(.*)'$", "$1");
      Integer t = index.get(name);
      if (t == null) throw new IllegalArgumentException("Newick: unknown taxon '" + name + "'");
      if (seen[t]) throw new IllegalArgumentException("Newick: taxon '" + name + "' appears twice");
      seen[t] = true;
      return leaf(t);
    }
    pos[0]++;
    List<Tree> kids = new ArrayList<>();
    List<Double> lens = new ArrayList<>();
    while (true) {
      kids.add(parseNode(s, pos, index, seen));
      lens.add(length(s, pos));
      if (pos[0] >= s.length()) throw new IllegalArgumentException("Newick: unexpected end");
      char c = s.charAt(pos[0]++);
      if (c == ')') break;
      if (c != ',') throw new IllegalArgumentException("Newick: expected ',' or ')' at " + (pos[0] - 1));
    }
    while (pos[0] < s.length() && ",():;".indexOf(s.charAt(pos[0])) < 0) pos[0]++; // internal label
    if (kids.size() < 2) throw new IllegalArgumentException("Newick: a node with one child at " + pos[0]);
    return node(kids, lens.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double length(String s, int[] pos) {
    if (pos[0] >= s.length() || s.charAt(pos[0]) != ':') return 0;
    int start = ++pos[0];
    while (pos[0] < s.length() && ",();".indexOf(s.charAt(pos[0])) < 0) pos[0]++;
    try {
      double t = Double.parseDouble(s.substring(start, pos[0]).strip());
      if (!(t >= 0) || Double.isInfinite(t)) throw new IllegalArgumentException("Newick: branch length " + t + " at " + start);
      return t;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Newick: bad branch length at " + start, e);
    }
  }
}
