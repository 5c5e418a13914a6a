package org.gfn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gfn.model.learn.StepMetrics;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.train.Evaluation;
import org.gfn.model.train.RunStats;
import org.gfn.model.train.TrainingLoop;
import org.gfn.replay.ReplayBuffer;
import org.gfn.replay.ReplayConfig;
import org.gfn.replay.Trajectory;
import org.junit.jupiter.api.Test;

/** The one training loop against fakes of its contracts: budget, replay steps, cadence, stop. */
class TrainingLoopTest {

  /** A learner that records minibatch sizes and counts steps. */
  static final class FakeLearner implements Contracts.Learner {
    final List<Integer> batches = new ArrayList<>();

    @Override
    public StepMetrics step(List<Trajectory> batch) {
      batches.add(batch.size());
      return new StepMetrics(batches.size(), 1.0, 0.0, 0.0, batch.size());
    }

    @Override
    public double logZEstimate() {
      return 0.5;
    }

    @Override
    public long version() {
      return batches.size();
    }

    @Override
    public PolicySnapshot snapshot() {
      throw new UnsupportedOperationException("no exact metrics in this test");
    }
  }

  /** A source that has {@code perCall} trajectories ready at every other call, none in between. */
  static final class FakeSource implements Contracts.RolloutSource {
    final int perCall;
    final ReplayBuffer replay;
    long inserted;
    int calls;
    int waits;
    boolean closed;

    FakeSource(int perCall, ReplayBuffer replay) {
      this.perCall = perCall;
      this.replay = replay;
    }

    @Override
    public List<Trajectory> next(int batch, long remaining) {
      if (calls++ % 2 == 1) return List.of();
      List<Trajectory> out = new ArrayList<>();
      for (int i = 0; i < Math.min(Math.min(batch, perCall), remaining); i++) {
        Trajectory t = new Trajectory(inserted++, 0, 0, 1, new int[] {0}, new int[] {0}, 0.0, 0.0);
        out.add(t);
        if (replay != null) replay.add(t);
      }
      return out;
    }

    @Override
    public void await() {
      waits++;
    }

    @Override
    public long inserted() {
      return inserted;
    }

    @Override
    public Map<String, Object> stats() {
      return Map.of("fake_calls", (long) calls);
    }

    @Override
    public Map<String, Object> summary() {
      return Map.of("mode", "fake");
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static List<Evaluation> run(FakeLearner learner, FakeSource source, ReplayBuffer replay,
      int replaySamples, double samplesPerInsert, List<Long> checkpoints, java.util.function.BooleanSupplier stop) {
    return run(learner, source, replay, replaySamples, samplesPerInsert, 0, checkpoints, stop);
  }

  private static List<Evaluation> run(FakeLearner learner, FakeSource source, ReplayBuffer replay,
      int replaySamples, double samplesPerInsert, double checkpointMinSeconds, List<Long> checkpoints,
      java.util.function.BooleanSupplier stop) {
    TrainingLoop loop = new TrainingLoop(learner, source, replay, null, null,
        new TrainingLoop.Options(4, replaySamples, 40, 5, samplesPerInsert, 3, checkpointMinSeconds, false),
        RunStats.fresh(), s -> checkpoints.add(s.trained()), e -> { });
    return loop.run(stop);
  }

  @Test
  void checkpointsDueSoonerThanTheMinimumIntervalAreSkippedButTheFinalOneIsWritten() {
    List<Long> checkpoints = new ArrayList<>();
    run(new FakeLearner(), new FakeSource(4, null), null, 0, 1.0, 3600, checkpoints, () -> false);
    assertEquals(List.of(40L), checkpoints, "a run shorter than the interval: the final checkpoint only");
  }

  @Test
  void trainsOnFreshBatchesToTheBudgetAndEvaluatesOnSchedule() {
    FakeLearner learner = new FakeLearner();
    FakeSource source = new FakeSource(4, null);
    List<Long> checkpoints = new ArrayList<>();
    long before = TrainingLoop.runs();
    List<Evaluation> h = run(learner, source, null, 0, 1.0, checkpoints, () -> false);
    assertEquals(before + 1, TrainingLoop.runs());
    assertEquals(10, learner.batches.size(), "40 trajectories in batches of 4");
    assertTrue(learner.batches.stream().allMatch(b -> b == 4));
    assertEquals(List.of(5L, 10L), h.stream().map(Evaluation::step).toList(), "every 5 steps, and none repeated at the end");
    assertEquals(40, h.get(1).trajectories());
    assertEquals(1.0, h.get(1).loss(), 1e-12);
    assertEquals(1L, ((Number) h.get(0).metrics().get("fake_calls")).longValue() % 2, "source figures in the record");
    assertEquals(List.of(12L, 24L, 36L, 40L), checkpoints, "every 3 steps and at the end");
    assertTrue(source.waits >= 9 && source.closed, "waits when nothing is ready, closes at the end");
  }

  @Test
  void replayOnlyStepsKeepToTheSamplesPerInsertRatio() {
    ReplayBuffer replay = new ReplayBuffer(ReplayConfig.uniform(1000, 1));
    FakeLearner learner = new FakeLearner();
    FakeSource source = new FakeSource(4, replay);
    run(learner, source, replay, 2, 2.0, new ArrayList<>(), () -> false);
    long freshSteps = learner.batches.stream().filter(b -> b == 6).count();
    long replaySteps = learner.batches.stream().filter(b -> b == 4).count();
    assertEquals(10, freshSteps, "each fresh batch of 4 comes with 2 replayed trajectories");
    assertTrue(replaySteps > 0, "replay steps instead of waiting");
    assertTrue(learner.batches.size() * 4 <= 2.0 * 40 + 4, "steps x batch within the ratio x inserted: " + learner.batches);
  }

  @Test
  void stopsEarlyAfterAnEvaluationWhenAsked() {
    FakeLearner learner = new FakeLearner();
    List<Evaluation> h = run(learner, new FakeSource(4, null), null, 0, 1.0, new ArrayList<>(),
        () -> learner.batches.size() >= 2);
    assertEquals(2, learner.batches.size());
    assertEquals(1, h.size());
    assertEquals(2, h.get(0).step());
  }
}
