package org.gfn.model.policy;

import java.util.function.LongToDoubleFunction;
import org.nd4j.linalg.schedule.ISchedule;

/** Adapts a per-step multiplier to DL4J's {@link ISchedule}: base rate times multiplier(iteration). */
final class ScheduledRate implements ISchedule {
  private final double base;
  private final LongToDoubleFunction multiplier;

  ScheduledRate(double base, LongToDoubleFunction multiplier) {
    this.base = base;
    this.multiplier = multiplier;
  }

  @Override
  public double valueAt(int iteration, int epoch) {
    return base * multiplier.applyAsDouble(iteration);
  }

  @Override
  public ISchedule clone() {
    return new ScheduledRate(base, multiplier);
  }
}
