package org.gfn.model.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures one training loop keeps: fresh trajectories trained on, loss and time since the
 * last evaluation, wall and learner time. It builds the base of each metrics record and of the
 * summary under the names of {@link MetricNames}. A resumed run starts from its checkpoint's
 * trained count and wall time. Used by the loop's thread only.
 */
public final class RunStats {
  private long trained;
  private final double wallBefore;
  private long startNanos;
  private long lastEvalNanos;
  private long insertedAtLastEval;
  private double lossSum;
  private int lossCount;
  private long stepsSinceEval;
  private double learnSinceEval;
  private double learnSeconds;
  private double evalSeconds;

  /**
   * @param trained fresh trajectories already trained on (0 for a fresh run)
   * @param wallBefore wall seconds of earlier sessions of this run
   * @param inserted trajectories already delivered by the rollout source
   */
  public RunStats(long trained, double wallBefore, long inserted) {
    this.trained = trained;
    this.wallBefore = wallBefore;
    this.insertedAtLastEval = inserted;
  }

  /** A fresh run's figures. */
  public static RunStats fresh() {
    return new RunStats(0, 0, 0);
  }

  void start() {
    startNanos = System.nanoTime();
    lastEvalNanos = startNanos;
  }

  void consumed(int fresh) {
    trained += fresh;
  }

  void stepped(double loss, double seconds) {
    lossSum += loss;
    lossCount++;
    stepsSinceEval++;
    learnSinceEval += seconds;
    learnSeconds += seconds;
  }

  /** Fresh trajectories trained on so far. */
  public long trained() {
    return trained;
  }

  long stepsSinceEval() {
    return stepsSinceEval;
  }

  /** Wall seconds of the whole run, earlier sessions of a resumed run included. */
  public double wall() {
    return wallBefore + (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * The base of an evaluation record (step, trajectories, wall time, mean loss, log Z and the
   * throughput since the previous one); resets the per-evaluation figures.
   */
  Map<String, Object> evaluationRecord(long step, double logZ, long inserted) {
    long now = System.nanoTime();
    double sinceEval = (now - lastEvalNanos) / 1e9;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(MetricNames.LEARNER_STEP, step);
    m.put(MetricNames.TRAJECTORIES, trained);
    m.put(MetricNames.INSERTED, inserted);
    m.put(MetricNames.WALL_S, wall());
    m.put(MetricNames.LOSS, lossCount == 0 ? Double.NaN : lossSum / lossCount);
    m.put(MetricNames.LOG_Z, logZ);
    double trajPerS = (inserted - insertedAtLastEval) / Math.max(sinceEval, 1e-9);
    double stepsPerS = stepsSinceEval / Math.max(learnSinceEval, 1e-9);
    lastEvalNanos = now;
    insertedAtLastEval = inserted;
    lossSum = 0;
    lossCount = 0;
    stepsSinceEval = 0;
    learnSinceEval = 0;
    m.put(MetricNames.ROLLOUT_TRAJ_PER_S, trajPerS);
    m.put(MetricNames.LEARNER_STEPS_PER_S, stepsPerS);
    return m;
  }

  void evaluated(double seconds) {
    evalSeconds += seconds;
  }

  /** The loop's part of the summary. */
  Map<String, Object> summary(long steps, long inserted, double logZ) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("learner_steps", steps);
    s.put("trajectories_trained", trained);
    s.put("trajectories_logged", inserted);
    s.put(MetricNames.WALL_S, wall());
    s.put("learn_s", learnSeconds);
    s.put("eval_s", evalSeconds);
    s.put(MetricNames.LOG_Z, logZ);
    return s;
  }
}
