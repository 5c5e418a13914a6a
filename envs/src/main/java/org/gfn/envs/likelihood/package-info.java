/**
 * Phylogenetic likelihood under the Jukes–Cantor model (JC69): site patterns with weights,
 * Felsenstein's pruning with per-pattern scaling, trees with branch lengths from Newick. Plain
 * Java, safe on executors.
 */
package org.gfn.envs.likelihood;
