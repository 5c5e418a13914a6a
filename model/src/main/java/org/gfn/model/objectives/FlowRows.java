package org.gfn.model.objectives;

import java.util.ArrayList;
import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.replay.Trajectory;

/**
 * The rows the edge-flow objectives (FM, QM) evaluate for a minibatch: row 0 is s_0 (its outflow
 * estimates Z); every non-initial visited state s is matched against its parents' rows, and every
 * trajectory's terminal x against its reward.
 */
final class FlowRows {
  /** Per matched state: {row, first parent entry, parent count}. */
  final List<int[]> matched = new ArrayList<>();
  /** Per parent entry: {parent row, forward action parent → s}. */
  final List<int[]> parents = new ArrayList<>();
  /** Per trajectory: {terminal row, log R(x)}. */
  final List<double[]> terminals = new ArrayList<>();
  final int rows;
  final float[] features;
  /** rows × numActions forward masks. */
  final boolean[] forwardMask;

  FlowRows(List<Trajectory> batch, Environment env) {
    int nA = env.numActions();
    int nB = env.numBackwardActions();
    List<int[]> rowStates = new ArrayList<>();
    boolean[] bm = new boolean[nB];
    rowStates.add(env.initialState());
    for (Trajectory t : batch) {
      for (int k = 1; k < t.length(); k++) {
        int[] s = t.state(k);
        int row = rowStates.size();
        rowStates.add(s);
        env.backwardMask(s, bm);
        int first = parents.size();
        for (int b = 0; b < nB; b++) {
          if (!bm[b]) continue;
          parents.add(new int[] {rowStates.size(), env.forwardActionOf(s, b)});
          rowStates.add(env.backwardStep(s, b));
        }
        matched.add(new int[] {row, first, parents.size() - first});
      }
      int termRow;
      if (t.length() > 1) {
        termRow = matched.get(matched.size() - 1)[0];
      } else {
        termRow = rowStates.size();
        rowStates.add(t.terminal());
      }
      terminals.add(new double[] {termRow, t.logReward()});
    }
    rows = rowStates.size();
    int f = env.featureSize();
    features = new float[rows * f];
    forwardMask = new boolean[rows * nA];
    boolean[] fm = new boolean[nA];
    for (int r = 0; r < rows; r++) {
      env.encode(rowStates.get(r), features, r * f);
      env.forwardMask(rowStates.get(r), fm);
      System.arraycopy(fm, 0, forwardMask, r * nA, nA);
    }
  }
}
