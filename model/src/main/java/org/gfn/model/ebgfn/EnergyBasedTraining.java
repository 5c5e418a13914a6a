package org.gfn.model.ebgfn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn.envs.LogReward;
import org.gfn.envs.SpinSequence;
import org.gfn.model.learn.Learner;
import org.gfn.model.rollout.Exploration;
import org.gfn.model.rollout.RolloutSampler;
import org.gfn.model.rollout.Seeds;
import org.gfn.replay.Trajectory;

/**
 * EB-GFN (Zhang et al. 2022, "Generative Flow Networks for Discrete Probabilistic Modeling") on
 * Ising models: learn the couplings J of p(x) ∝ exp(xᵀJx) from data together with a GFlowNet that
 * samples the current energy. Each iteration trains the GFlowNet for a few TB steps on the current
 * reward, draws negatives from it, and takes a contrastive step
 * J ← J + lr·(E_data[xxᵀ] − E_gfn[xxᵀ]) (off-diagonal). With {@code mhSteps} = K > 0 the
 * negatives are instead data samples moved by one back-and-forth MH step of K sites with the
 * GFlowNet as proposal ({@link BackAndForth}), as in the paper's Algorithm 1.
 */
public final class EnergyBasedTraining {
  /** The couplings being learned, read by the GFlowNet's reward. */
  public static final class Couplings implements LogReward {
    private static final long serialVersionUID = 1L;
    final double[][] j;

    Couplings(int n) {
      j = new double[n][n];
    }

    /** The current matrix (live, not a copy). */
    public double[][] couplings() {
      return j;
    }

    @Override
    public double logReward(int[] x) {
      double s = 0;
      for (int a = 0; a < x.length; a++) {
        double row = 0;
        for (int b = 0; b < x.length; b++) row += j[a][b] * x[b];
        s += x[a] * row;
      }
      return s;
    }
  }

  /**
   * Iteration count, TB steps and batch per iteration, negatives per iteration, energy step size,
   * seed, and back-and-forth MH steps K (0: negatives are plain GFlowNet samples).
   */
  public record Config(int iterations, int gflownetSteps, int batch, int negatives, double energyLearningRate,
      long seed, int mhSteps) {
    public Config(int iterations, int gflownetSteps, int batch, int negatives, double energyLearningRate, long seed) {
      this(iterations, gflownetSteps, batch, negatives, energyLearningRate, seed, 0);
    }
  }

  private EnergyBasedTraining() {}

  /** The environment whose reward is the couplings being learned (starting at J = 0). */
  public static SpinSequence environment(Couplings j, int sites) {
    return new SpinSequence(sites, j, true);
  }

  /** Receives the state after each energy step. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param iteration 0-based iteration just finished
     * @param j the current couplings (live)
     * @param meanLoss mean GFlowNet loss over the iteration's steps
     * @param acceptance fraction of back-and-forth proposals accepted (NaN when not used)
     */
    void after(int iteration, double[][] j, double meanLoss, double acceptance);
  }

  /** Runs EB-GFN. The learner must have been built for {@code environment(j, n)}. */
  public static void train(Couplings j, Learner learner, SpinSequence env, List<int[]> data, Config c,
      Listener onIteration) {
    int n = env.stateSize();
    double[][] dataCorr = correlations(data, n);
    long id = 0;
    for (int it = 0; it < c.iterations(); it++) {
      double loss = 0;
      for (int k = 0; k < c.gflownetSteps(); k++) {
        RolloutSampler s = new RolloutSampler(env, learner.snapshot().forwardEvaluator());
        loss += learner.step(Arrays.asList(s.sample(c.batch(), Exploration.ON_POLICY, Seeds.derive(c.seed(), it, k), id,
            learner.steps()))).loss();
        id += c.batch();
      }
      List<int[]> xs = new ArrayList<>(c.negatives());
      double acceptance = Double.NaN;
      if (c.mhSteps() > 0) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(c.seed(), it, -2));
        List<int[]> starts = new ArrayList<>(c.negatives());
        for (int i = 0; i < c.negatives(); i++) starts.add(data.get(rng.nextInt(data.size())));
        BackAndForth.Result r = BackAndForth.step(env, learner.snapshot().forwardEvaluator(), starts, c.mhSteps(), rng);
        xs.addAll(r.samples());
        acceptance = r.acceptance();
      } else {
        Trajectory[] neg = new RolloutSampler(env, learner.snapshot().forwardEvaluator())
            .sample(c.negatives(), Exploration.ON_POLICY, Seeds.derive(c.seed(), it, -1), id, learner.steps());
        id += c.negatives();
        for (Trajectory t : neg) xs.add(t.terminal());
      }
      double[][] modelCorr = correlations(xs, n);
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          if (a != b) j.j[a][b] += c.energyLearningRate() * (dataCorr[a][b] - modelCorr[a][b]);
        }
      }
      onIteration.after(it, j.j, loss / c.gflownetSteps(), acceptance);
    }
  }

  static double[][] correlations(List<int[]> xs, int n) {
    double[][] m = new double[n][n];
    for (int[] x : xs) {
      for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) m[a][b] += x[a] * x[b];
    }
    for (double[] row : m) for (int b = 0; b < n; b++) row[b] /= xs.size();
    return m;
  }

  /** RMSE over off-diagonal entries between two coupling matrices. */
  public static double rmse(double[][] a, double[][] b) {
    double s = 0;
    int count = 0;
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < a.length; k++) {
        if (i == k) continue;
        s += (a[i][k] - b[i][k]) * (a[i][k] - b[i][k]);
        count++;
      }
    }
    return Math.sqrt(s / count);
  }

  /** A fresh zero-initialised coupling matrix for n sites. */
  public static Couplings zeroCouplings(int n) {
    return new Couplings(n);
  }
}
