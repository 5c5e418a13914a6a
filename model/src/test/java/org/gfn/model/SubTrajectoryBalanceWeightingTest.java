package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gfn.envs.HyperGrid;
import org.gfn.model.objectives.Objective;
import org.gfn.model.objectives.SubTrajectoryBalance;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SubTB(λ)'s weighting on a hand-computed case: the zero-loss test at the exact solution cannot
 * see a wrong weighting (every δ is 0 there), this one can. A 3-step trajectory on a 3×3 grid,
 * (0,0) → (1,0) → (1,1) → exit, with chosen logits: log P_F = ln 1/3, ln 1/4, ln 3/5; log P_B
 * into (1,0) = ln 1 (one parent), into (1,1) = ln 3/4; log F = 1.0, 0.5, 0.2; log R = −0.7.
 */
class SubTrajectoryBalanceWeightingTest {

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.9, 2.0})
  void lossIsTheLambdaWeightedMeanOfSquaredSubTrajectoryResiduals(double lambda) {
    HyperGrid env = new HyperGrid(2, 3, x -> -0.7);
    PolicyArchitecture arch = new PolicyArchitecture(env.featureSize(), 3, 2, 1, 4, "relu", false, true, true);
    Trajectory t = new Trajectory(0, 0, 0, 2, new int[] {0, 0, 1, 0, 1, 1}, new int[] {0, 1, 2}, -0.7, 0);
    double l2 = Math.log(2);
    double l3 = Math.log(3);
    // rows: forward logits (x0+, x1+, exit), backward logits (x0−, x1−), log F
    double[] out = {
        0, 0, 0, 0, 0, 1.0,
        l2, 0, 0, 0, 0, 0.5,
        0, 0, l3, 0, l3, 0.2};
    Objective subtb = new SubTrajectoryBalance(lambda);
    Objective.Prepared p = subtb.prepare(List.of(t), env, arch);
    assertEquals(3, p.rows());
    double loss = p.compute(out, 0.0).loss();

    double[] logF = {1.0, 0.5, 0.2, -0.7}; // the sink's log-flow is log R
    double[] edge = {Math.log(1.0 / 3), Math.log(1.0 / 4) - Math.log(3.0 / 4), Math.log(3.0 / 5)};
    double num = 0;
    double den = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        double d = logF[i] - logF[j];
        for (int k = i; k < j; k++) d += edge[k];
        num += Math.pow(lambda, j - i) * d * d;
        den += Math.pow(lambda, j - i);
      }
    }
    assertEquals(num / den, loss, 1e-12, "SubTB(" + lambda + ")");
  }
}
