package org.gfn.model.learn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.objectives.DynamicsSettings;
import org.gfn.model.policy.Nd4jMlp;
import org.gfn.model.policy.PolicyModel;
import org.gfn.replay.Trajectory;

/**
 * The learned transition model T̂(e | s, a) of a stochastic environment (Stochastic GFlowNets, Pan
 * et al. 2023): a DL4J MLP over the state's features and the one-hot chosen action, whose softmax
 * over the legal moves of s gives the move executed; exit always executes exit and is not modelled.
 * It is trained by maximum likelihood, with its own Adam, on the (s, chosen, executed) transitions
 * of every minibatch (the executed move is read off consecutive states). Not thread-safe.
 */
public final class DynamicsModel {
  private final Environment env;
  private final PolicyModel net;
  private final int nA;
  private final int f;
  private final int w;
  private long steps;
  private double lastNll = Double.NaN;

  public DynamicsModel(Environment env, DynamicsSettings s, long seed) {
    this.env = env;
    this.nA = env.numActions();
    this.f = env.featureSize();
    PolicyArchitecture arch = new PolicyArchitecture(f + nA, nA, 1, s.hiddenLayers(), s.width(), "relu", false, false, false);
    this.net = new Nd4jMlp(arch, s.learningRate(), step -> 1.0, seed);
    this.w = arch.outputWidth();
  }

  /** The transitions of a minibatch: {row in trajectory-row order, chosen a, executed e} and their states. */
  private record Transitions(int[][] index, int[][] states) {}

  private Transitions transitions(List<Trajectory> batch) {
    int count = 0;
    for (Trajectory t : batch) count += t.length() - 1;
    int[][] index = new int[count][];
    int[][] states = new int[count][];
    int row = 0;
    int k = 0;
    for (Trajectory t : batch) {
      for (int j = 0; j < t.length() - 1; j++) {
        int[] s = t.state(j);
        int[] next = t.state(j + 1);
        int e = env.forwardActionOf(next, env.backwardActionBetween(s, next));
        index[k] = new int[] {row + j, t.action(j), e};
        states[k++] = s;
      }
      row += t.length();
    }
    return new Transitions(index, states);
  }

  /**
   * log T̂(e_r | s_r, b) for every row r of the minibatch's trajectories (one per state, in order)
   * that has a next state, e_r the move executed there, and every legal move b: rows × numActions,
   * −∞ elsewhere (exit, illegal moves, last rows).
   */
  public double[] logProbs(List<Trajectory> batch) {
    int rows = 0;
    for (Trajectory t : batch) rows += t.length();
    double[] logT = new double[rows * nA];
    Arrays.fill(logT, Double.NEGATIVE_INFINITY);
    Transitions tr = transitions(batch);
    boolean[] mask = new boolean[nA];
    int queries = 0;
    for (int[] s : tr.states()) queries += moves(s, mask);
    float[] in = new float[queries * (f + nA)];
    int q = 0;
    for (int[] s : tr.states()) {
      moves(s, mask);
      for (int b = 0; b < nA; b++) if (mask[b]) encode(s, b, in, q++);
    }
    double[] out = queries == 0 ? new double[0] : net.forward(in, queries);
    q = 0;
    for (int k = 0; k < tr.index().length; k++) {
      int[] x = tr.index()[k];
      moves(tr.states()[k], mask);
      for (int b = 0; b < nA; b++) {
        if (!mask[b]) continue;
        logT[x[0] * nA + b] = out[q * w + x[2]] - logSumExp(out, q * w, mask);
        q++;
      }
    }
    return logT;
  }

  /** One Adam step on the mean negative log-likelihood of the executed moves; returns it. */
  public double train(List<Trajectory> batch) {
    Transitions tr = transitions(batch);
    int n = tr.index().length;
    if (n == 0) return lastNll;
    float[] in = new float[n * (f + nA)];
    for (int k = 0; k < n; k++) encode(tr.states()[k], tr.index()[k][1], in, k);
    double[] out = net.forward(in, n);
    double[] grad = new double[out.length];
    boolean[] mask = new boolean[nA];
    double nll = 0;
    for (int k = 0; k < n; k++) {
      moves(tr.states()[k], mask);
      double lse = logSumExp(out, k * w, mask);
      int e = tr.index()[k][2];
      nll += (lse - out[k * w + e]) / n;
      for (int b = 0; b < nA; b++) if (mask[b]) grad[k * w + b] = Math.exp(out[k * w + b] - lse) / n;
      grad[k * w + e] -= 1.0 / n;
    }
    net.backward(grad);
    net.applyUpdate((int) Math.min(steps++, Integer.MAX_VALUE));
    lastNll = nll;
    return nll;
  }

  /** The mean negative log-likelihood of the last training minibatch (NaN before any). */
  public double lastNll() {
    return lastNll;
  }

  /** Legal moves of s (exit excluded) into {@code mask}; returns how many. */
  private int moves(int[] s, boolean[] mask) {
    env.forwardMask(s, mask);
    mask[env.exitAction()] = false;
    int c = 0;
    for (boolean m : mask) if (m) c++;
    return c;
  }

  private void encode(int[] s, int a, float[] in, int row) {
    int o = row * (f + nA);
    env.encode(s, in, o);
    in[o + f + a] = 1f;
  }

  private static double logSumExp(double[] x, int off, boolean[] mask) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < mask.length; j++) if (mask[j]) max = Math.max(max, x[off + j]);
    double s = 0;
    for (int j = 0; j < mask.length; j++) if (mask[j]) s += Math.exp(x[off + j] - max);
    return max + Math.log(s);
  }

  void save(DataOutputStream out) throws IOException {
    out.writeLong(steps);
    StateIO.writeFloats(out, net.params());
    StateIO.writeDoubles(out, net.updaterState());
  }

  void restore(DataInputStream in) throws IOException {
    long s = in.readLong();
    float[] p = StateIO.readFloats(in);
    if (p.length != net.paramCount()) throw new IOException("saved dynamics model has another shape: gfn.objective.dynamics changed");
    double[] u = StateIO.readDoubles(in);
    net.setParams(p);
    net.setUpdaterState(u);
    steps = s;
  }
}
