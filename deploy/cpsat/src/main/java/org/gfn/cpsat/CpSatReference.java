package org.gfn.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import org.gfn.envs.graph.Graph;

/**
 * The graph problems solved by OR-Tools CP-SAT, exactly or as well as a time limit allows: the
 * reference the GFlowNet's samples and the greedy baselines are compared with (evaluation and
 * tests only; nothing that trains uses it). Maximum independent set (no edge inside the set),
 * maximum clique (an independent set of the complement), minimum dominating set (every node or a
 * neighbour chosen) and maximum cut (y_e ≤ x_u + x_v, y_e ≤ 2 − x_u − x_v, maximise Σ y_e).
 */
public final class CpSatReference {
  /** The problems, by their {@code gfn.env.type} names. */
  public enum Problem { MIS, MAXCLIQUE, MDS, MAXCUT }

  /**
   * A solve's outcome: the objective of the best solution found (set size or cut), whether CP-SAT
   * proved it optimal, its bound on the optimum, the solution (0/1 per node) and the seconds.
   */
  public record Result(int objective, boolean optimal, double bound, int[] solution, double seconds) {}

  static {
    Loader.loadNativeLibraries();
  }

  private CpSatReference() {}

  /** Solves {@code problem} on {@code g} within {@code seconds}, on {@code workers} threads, seeded. */
  public static Result solve(Problem problem, Graph g, double seconds, int workers, int seed) {
    if (!(seconds > 0) || workers < 1) throw new IllegalArgumentException("time limit > 0 and workers >= 1 needed");
    Graph graph = problem == Problem.MAXCLIQUE ? g.complement() : g;
    int n = graph.nodes();
    CpModel model = new CpModel();
    BoolVar[] x = new BoolVar[n];
    for (int v = 0; v < n; v++) x[v] = model.newBoolVar("x" + v);
    switch (problem) {
      case MIS, MAXCLIQUE -> {
        for (int[] e : graph.edgeList()) model.addBoolOr(new Literal[] {x[e[0]].not(), x[e[1]].not()});
        model.maximize(LinearExpr.sum(x));
      }
      case MDS -> {
        for (int v = 0; v < n; v++) {
          int[] nb = graph.neighbours(v);
          Literal[] closed = new Literal[nb.length + 1];
          closed[0] = x[v];
          for (int k = 0; k < nb.length; k++) closed[k + 1] = x[nb[k]];
          model.addBoolOr(closed);
        }
        model.minimize(LinearExpr.sum(x));
      }
      case MAXCUT -> {
        java.util.List<int[]> edges = graph.edgeList();
        BoolVar[] y = new BoolVar[edges.size()];
        for (int k = 0; k < y.length; k++) {
          int[] e = edges.get(k);
          y[k] = model.newBoolVar("y" + k);
          model.addLessOrEqual(y[k], LinearExpr.sum(new LinearArgument[] {x[e[0]], x[e[1]]}));
          model.addLessOrEqual(LinearExpr.sum(new LinearArgument[] {y[k], x[e[0]], x[e[1]]}), 2);
        }
        model.maximize(LinearExpr.sum(y));
      }
    }
    CpSolver solver = new CpSolver();
    solver.getParameters().setMaxTimeInSeconds(seconds);
    solver.getParameters().setNumWorkers(workers);
    solver.getParameters().setRandomSeed(seed);
    long t0 = System.nanoTime();
    CpSolverStatus status = solver.solve(model);
    double took = (System.nanoTime() - t0) / 1e9;
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      throw new IllegalStateException("CP-SAT found no solution of " + problem + " on " + g + " in " + seconds + " s: " + status);
    }
    int[] solution = new int[n];
    for (int v = 0; v < n; v++) solution[v] = solver.booleanValue(x[v]) ? 1 : 0;
    return new Result((int) Math.round(solver.objectiveValue()), status == CpSolverStatus.OPTIMAL,
        solver.bestObjectiveBound(), solution, took);
  }
}
