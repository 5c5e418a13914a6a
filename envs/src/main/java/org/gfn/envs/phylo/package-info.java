/**
 * Phylogenetic trees built by merging rooted subtrees (PhyloGFN): FASTA alignments, word-parallel
 * Fitch parsimony, the forest environment with canonical states, Newick text and unrooted
 * topologies. Pure Java, like the rest of {@code envs}.
 */
package org.gfn.envs.phylo;
