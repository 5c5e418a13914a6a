package org.gfn.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

  static Trajectory traj(long id, int x, double logR) {
    return new Trajectory(id, id, 0, 1, new int[] {0, x}, new int[] {0, 1}, logR, -1.0);
  }

  @Test
  void trajectoryLayoutIsChecked() {
    Trajectory t = traj(1, 5, 0.0);
    assertEquals(2, t.length());
    assertEquals(5, t.terminal()[0]);
    assertThrows(IllegalArgumentException.class,
        () -> new Trajectory(1, 1, 0, 2, new int[] {0, 1, 2}, new int[] {0, 1}, 0, 0));
  }

  @Test
  void evictsOldestAndKeepsCapacity() {
    ReplayBuffer b = new ReplayBuffer(ReplayConfig.uniform(3, 1));
    for (int i = 0; i < 5; i++) b.add(traj(i, i, 0));
    assertEquals(3, b.size());
    assertEquals(5, b.inserted());
    List<Trajectory> c = b.contents();
    assertEquals(List.of(2L, 3L, 4L), c.stream().map(Trajectory::id).toList());
  }

  @Test
  void uniformSamplingIsDeterministicUnderASeed() {
    List<Long> a = draw(new ReplayBuffer(ReplayConfig.uniform(100, 42)));
    List<Long> b = draw(new ReplayBuffer(ReplayConfig.uniform(100, 42)));
    List<Long> c = draw(new ReplayBuffer(ReplayConfig.uniform(100, 43)));
    assertEquals(a, b);
    assertFalse(a.equals(c));
  }

  private static List<Long> draw(ReplayBuffer b) {
    for (int i = 0; i < 50; i++) b.add(traj(i, i, 0));
    return b.sample(20).stream().map(Trajectory::id).toList();
  }

  @Test
  void rewardPrioritisedFollowsTheSoftmaxOfLogReward() {
    double temp = 2.0;
    ReplayBuffer b = new ReplayBuffer(
        new ReplayConfig(10, ReplayConfig.Strategy.REWARD_PRIORITISED, temp, 0, 1, false, 5));
    double[] logR = {0, 1, 2, 3};
    for (int i = 0; i < 4; i++) b.add(traj(i, i, logR[i]));
    int n = 200_000;
    int[] count = new int[4];
    for (Trajectory t : b.sample(n)) count[(int) t.id()]++;
    double z = 0;
    for (double l : logR) z += Math.exp(l / temp);
    for (int i = 0; i < 4; i++) {
      double expected = Math.exp(logR[i] / temp) / z;
      assertEquals(expected, count[i] / (double) n, 0.01, "item " + i);
    }
  }

  @Test
  void prioritisedSurvivesHugeRewardJumpsAndEviction() {
    ReplayBuffer b = new ReplayBuffer(
        new ReplayConfig(2, ReplayConfig.Strategy.REWARD_PRIORITISED, 1.0, 0, 1, false, 5));
    b.add(traj(0, 0, -500));
    b.add(traj(1, 1, 500)); // forces a rescale
    b.add(traj(2, 2, 0)); // evicts id 0
    for (Trajectory t : b.sample(100)) assertTrue(t.id() == 1 || t.id() == 2);
    assertTrue(b.sample(100).stream().allMatch(t -> t.id() == 1), "exp(500) dominates");
  }

  @Test
  void recencyMixDrawsFromTheNewestItems() {
    ReplayBuffer b = new ReplayBuffer(
        new ReplayConfig(1000, ReplayConfig.Strategy.UNIFORM, 1, 1.0, 5, false, 3));
    for (int i = 0; i < 1000; i++) b.add(traj(i, i, 0));
    for (Trajectory t : b.sample(500)) assertTrue(t.id() >= 995, "only the 5 newest");
  }

  @Test
  void dedupRejectsRepeatedTerminalStates() {
    ReplayBuffer b = new ReplayBuffer(new ReplayConfig(2, ReplayConfig.Strategy.UNIFORM, 1, 0, 1, true, 3));
    assertTrue(b.add(traj(0, 7, 0)));
    assertFalse(b.add(traj(1, 7, 0)));
    assertEquals(1, b.rejectedDuplicates());
    assertTrue(b.add(traj(2, 8, 0)));
    assertTrue(b.add(traj(3, 9, 0))); // evicts x=7
    assertTrue(b.add(traj(4, 7, 0)), "x=7 was evicted, so it may come back");
  }

  @Test
  void concurrentInsertAndSampleLoseNothing() throws Exception {
    ReplayBuffer b = new ReplayBuffer(ReplayConfig.uniform(100_000, 9));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> fs = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      final int base = w * 10_000;
      fs.add(pool.submit(() -> {
        for (int i = 0; i < 10_000; i++) b.add(traj(base + i, i, 0));
      }));
    }
    fs.add(pool.submit(() -> {
      // every draw is a whole trajectory that was inserted: traj(base + i, i, 0) has terminal i
      for (int i = 0; i < 2000; i++) b.sample(16).forEach(t -> assertEquals(t.id() % 10_000, t.terminal()[0]));
    }));
    for (Future<?> f : fs) f.get();
    pool.shutdown();
    assertEquals(30_000, b.size());
    assertEquals(30_000, b.contents().stream().map(Trajectory::id).distinct().count());
  }

  @Test
  void badConfigIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ReplayConfig.uniform(0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new ReplayConfig(5, ReplayConfig.Strategy.UNIFORM, 1, 1.5, 1, false, 1));
  }

  @Test
  void aRestoredSamplerStateContinuesTheSameStream() {
    ReplayConfig c = new ReplayConfig(64, ReplayConfig.Strategy.REWARD_PRIORITISED, 1.0, 0.3, 8, false, 7);
    ReplayBuffer a = new ReplayBuffer(c);
    for (int i = 0; i < 40; i++) a.add(traj(i, i, i % 5));
    a.sample(17);
    long state = a.samplerState();
    List<Long> expected = a.sample(50).stream().map(Trajectory::id).toList();

    ReplayBuffer b = new ReplayBuffer(c);
    b.addAll(a.contents());
    List<Long> unrestored = b.sample(50).stream().map(Trajectory::id).toList();
    ReplayBuffer r = new ReplayBuffer(c);
    r.addAll(a.contents());
    r.restoreSamplerState(state);
    assertEquals(expected, r.sample(50).stream().map(Trajectory::id).toList(), "resumed sampling = uninterrupted");
    assertNotEquals(expected, unrestored, "without the state the stream differs (the check can fail)");
  }
}
