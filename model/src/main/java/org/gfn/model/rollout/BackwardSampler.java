package org.gfn.model.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn.envs.Environment;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicyEvaluator;
import org.gfn.replay.Trajectory;

/**
 * Samples complete trajectories backward from given terminal objects with the policy's P_B
 * (learned or uniform), e.g. to start Markov chains at objects drawn from a known target. Trajectory
 * i draws from {@code Seeds.derive(seed, i)}. Not thread-safe: one sampler per thread.
 */
public final class BackwardSampler {
  private final Environment env;
  private final PolicyEvaluator policy;
  private final PolicyArchitecture arch;
  private final RolloutSampler forward;

  public BackwardSampler(Environment env, PolicyEvaluator policy) {
    this.env = env;
    this.policy = policy;
    this.arch = policy.architecture();
    this.forward = new RolloutSampler(env, policy);
  }

  /**
   * Samples one backward trajectory per terminal object with P_B (learned or uniform), returned in
   * forward order and ending with exit. {@code behaviourLogProb} holds Σ log P_B of the path.
   */
  public Trajectory[] sample(List<int[]> terminals, long seed, long firstId, long version) {
    int n = terminals.size();
    Trajectory[] result = new Trajectory[n];
    float[] feats = new float[env.featureSize()];
    float[] out = new float[arch.outputWidth()];
    boolean[] mask = new boolean[env.numBackwardActions()];
    double[] probs = new double[env.numBackwardActions()];
    boolean[] fm = new boolean[env.numActions()];
    for (int i = 0; i < n; i++) {
      long s = Seeds.derive(seed, i);
      SplittableRandom rng = new SplittableRandom(s);
      int[] x = terminals.get(i).clone();
      env.forwardMask(x, fm);
      if (!fm[env.exitAction()]) {
        throw new IllegalArgumentException("backward rollout from a state that cannot exit: " + java.util.Arrays.toString(x));
      }
      List<int[]> rev = new ArrayList<>();
      List<Integer> revActions = new ArrayList<>();
      double lp = 0;
      int[] cur = x;
      rev.add(cur);
      while (!env.isInitial(cur)) {
        if (arch.learnedBackward()) { // a uniform P_B needs no forward
          env.encode(cur, feats, 0);
          policy.evaluate(feats, 1, out);
        }
        int b = RolloutSampler.draw(forward.backward(out, 0, cur, mask, probs), rng);
        lp += Math.log(probs[b]);
        revActions.add(env.forwardActionOf(cur, b));
        cur = env.backwardStep(cur, b);
        rev.add(cur);
      }
      java.util.Collections.reverse(rev);
      int[] acts = new int[revActions.size() + 1];
      for (int k = 0; k < revActions.size(); k++) acts[k] = revActions.get(revActions.size() - 1 - k);
      acts[acts.length - 1] = env.exitAction();
      result[i] = forward.build(firstId + i, s, version, rev, acts, lp, Trajectory.Origin.SAMPLED);
    }
    return result;
  }

}
