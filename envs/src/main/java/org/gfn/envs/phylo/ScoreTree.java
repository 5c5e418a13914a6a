package org.gfn.envs.phylo;

import java.io.File;
import java.nio.file.Files;

/**
 * {@code ScoreTree ALIGNMENT.fasta TREE.nwk}: prints the Fitch parsimony score of a Newick tree on a
 * FASTA alignment (gaps, ? and N as missing data), so a tree from another program (PHYLIP dnapars,
 * deploy/bench/dnapars.sh) can be scored the way the phylogenetic task scores its samples.
 */
public final class ScoreTree {
  private ScoreTree() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ScoreTree ALIGNMENT.fasta TREE.nwk");
      System.exit(2);
    }
    Alignment a = Alignment.readFasta(new File(args[0]));
    int[] tree = Trees.parseNewick(Files.readString(new File(args[1]).toPath()), a);
    System.out.println(new PhyloForest(a, 0, 1).parsimony(tree));
  }
}
