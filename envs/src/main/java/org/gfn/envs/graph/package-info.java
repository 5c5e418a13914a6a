/**
 * Graph combinatorial optimisation (Zhang et al., NeurIPS 2023, "Let the Flows Tell"): simple
 * undirected graphs, their generators (RB model, Barabási–Albert, Erdős–Rényi) and edge-list
 * files, the problems as environments, and greedy baselines. Plain Java (JGraphT for generators).
 */
package org.gfn.envs.graph;
