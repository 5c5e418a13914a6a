package org.gfn.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfn.envs.StateKey;

/**
 * A bounded buffer of trajectories with uniform, reward-prioritised and recency-mixed sampling and
 * optional dedup of terminal states. Thread-safe: inserts (from rollout threads) and samples (from
 * the learner) may interleave. Sampling is deterministic given the seed and the sequence of calls,
 * and its random stream is one number ({@link #samplerState()}), so a checkpoint restores it and
 * a resumed run samples as the uninterrupted one would.
 */
public final class ReplayBuffer {
  /** Rebuild prioritised weights when a new log-weight exceeds the reference by this much. */
  private static final double RESCALE_MARGIN = 30.0;

  private final ReplayConfig config;
  private final Trajectory[] slots;
  private final SumTree priorities;
  private final Map<StateKey, Integer> terminals = new HashMap<>();
  private long rng; // SplitMix64 state
  private int size;
  private int next;
  private long inserted;
  private long rejectedDuplicates;
  private double shift = Double.NaN;

  public ReplayBuffer(ReplayConfig config) {
    this.config = config;
    this.slots = new Trajectory[config.capacity()];
    this.priorities = config.strategy() == ReplayConfig.Strategy.REWARD_PRIORITISED
        ? new SumTree(config.capacity()) : null;
    this.rng = config.seed();
  }

  public ReplayConfig config() {
    return config;
  }

  /** Adds a trajectory; returns false when dedup rejected it. */
  public synchronized boolean add(Trajectory t) {
    StateKey key = config.dedup() ? new StateKey(t.terminal()) : null;
    if (key != null && terminals.containsKey(key)) {
      rejectedDuplicates++;
      return false;
    }
    int slot = next;
    Trajectory old = slots[slot];
    if (old != null && config.dedup()) terminals.remove(new StateKey(old.terminal()));
    slots[slot] = t;
    inserted++;
    if (key != null) terminals.put(key, slot);
    if (priorities != null) setPriority(slot, t.logReward());
    next = (next + 1) % slots.length;
    size = Math.min(size + 1, slots.length);
    return true;
  }

  /** Adds every trajectory of a batch; returns how many were kept. */
  public synchronized int addAll(Iterable<Trajectory> ts) {
    int kept = 0;
    for (Trajectory t : ts) kept += add(t) ? 1 : 0;
    return kept;
  }

  private void setPriority(int slot, double logReward) {
    double lw = logReward / config.temperature();
    if (Double.isNaN(shift) || lw - shift > RESCALE_MARGIN) {
      shift = lw;
      for (int i = 0; i < size; i++) {
        if (i != slot && slots[i] != null) {
          priorities.set(i, Math.exp(slots[i].logReward() / config.temperature() - shift));
        }
      }
    }
    priorities.set(slot, Math.exp(lw - shift));
  }

  /** Draws {@code n} trajectories with replacement; empty when the buffer is empty. */
  public synchronized List<Trajectory> sample(int n) {
    List<Trajectory> out = new ArrayList<>(n);
    if (size == 0) return out;
    for (int i = 0; i < n; i++) out.add(slots[drawSlot()]);
    return out;
  }

  private int drawSlot() {
    if (config.recencyProbability() > 0 && nextDouble() < config.recencyProbability()) {
      int window = Math.min(config.recencyWindow(), size);
      int back = 1 + nextInt(window); // 1 = newest
      return Math.floorMod(next - back, slots.length);
    }
    if (priorities != null) {
      double total = priorities.total();
      if (total > 0) return Math.min(priorities.find(nextDouble() * total), size - 1);
    }
    return nextInt(size);
  }

  /** SplitMix64 (the generator behind SplittableRandom), kept as one long so it can be saved. */
  private long nextLong() {
    long z = (rng += 0x9e3779b97f4a7c15L);
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  private int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** The sampler's random state (for checkpoints). */
  public synchronized long samplerState() {
    return rng;
  }

  /** Restores the sampler's random state saved by {@link #samplerState()}. */
  public synchronized void restoreSamplerState(long state) {
    rng = state;
  }

  public synchronized int size() {
    return size;
  }

  /** Total trajectories accepted since creation (evicted ones included). */
  public synchronized long inserted() {
    return inserted;
  }

  public synchronized long rejectedDuplicates() {
    return rejectedDuplicates;
  }

  /** The stored trajectories, oldest first (for checkpoints). */
  public synchronized List<Trajectory> contents() {
    List<Trajectory> out = new ArrayList<>(size);
    int start = size < slots.length ? 0 : next;
    for (int i = 0; i < size; i++) out.add(slots[(start + i) % slots.length]);
    return out;
  }
}
