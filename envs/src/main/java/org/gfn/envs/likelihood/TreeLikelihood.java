package org.gfn.envs.likelihood;

import java.io.File;
import java.nio.file.Files;
import org.gfn.envs.phylo.Alignment;

/**
 * {@code TreeLikelihood ALIGNMENT.fasta TREE.nwk}: prints the JC69 log-likelihood of a Newick tree
 * with branch lengths on a FASTA alignment (gaps, ? and N as missing data), to compare with
 * another program (deploy/bench/jc69-iqtree.sh runs IQ-TREE 2 on the same tree).
 */
public final class TreeLikelihood {
  private TreeLikelihood() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: TreeLikelihood ALIGNMENT.fasta TREE.nwk");
      System.exit(2);
    }
    Alignment a = Alignment.readFasta(new File(args[0]));
    Tree tree = Tree.parse(Files.readString(new File(args[1]).toPath()), a);
    System.out.printf("%.6f%n", tree.logLikelihood(new Jc69(SitePatterns.of(a))));
  }
}
