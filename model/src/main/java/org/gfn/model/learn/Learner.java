package org.gfn.model.learn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.gfn.envs.Environment;
import org.gfn.model.Contracts;
import org.gfn.model.objectives.Objective;
import org.gfn.model.policy.PolicyModel;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.policy.TemperatureConditioning;
import org.gfn.replay.Trajectory;

/**
 * The off-policy learner: for each minibatch it evaluates the DL4J network on the states the
 * objective asks for, gets the loss gradient with respect to the outputs, backpropagates it,
 * clips the global norm and applies Adam; log Z has its own Adam and learning rate. It optionally
 * keeps an EMA of the parameters for sampling. A temperature-conditioned policy (Logit-GFN) routes
 * the minibatch through {@link TemperatureHeads} (β per trajectory, learned g(β) and log Z(β)); with
 * intrinsic rewards (GAFlowNet) {@link RandomNetworkDistillation} scores every state before the
 * objective reads it and is trained after the step; stochastic DB's {@link DynamicsModel} likewise
 * gives the objective log T̂ and is trained after the step. {@link #save}/{@link #restore} cover its
 * complete state (parameters, Adam moments, log Z and its moments, EMA, step count, and those of
 * the temperature functions, the RND predictor and the dynamics model). Not thread-safe.
 */
public final class Learner implements Contracts.Learner {
  private static final int FORMAT = 3;

  private final LearnerConfig config;
  private final PolicyModel network;
  private final Objective objective;
  private final Environment env;
  private final ScalarAdam logZAdam;
  private double logZ;
  private double lastLogZEstimate;
  private final TemperatureHeads temperature; // null unless temperature-conditioned
  private final RandomNetworkDistillation rnd; // null unless intrinsic rewards (GAFlowNet)
  private final DynamicsModel dynamics; // null unless the objective learns the transitions (stochastic DB)
  private float[] ema;
  private long steps;

  public Learner(LearnerConfig config, PolicyModel network, Objective objective, Environment env) {
    this(config, network, objective, env, null);
  }

  /**
   * A learner whose policy is temperature-conditioned by {@code temperature} (null: none); the
   * network then reads the β embedding in layer mode, and log Z becomes the learned log Z(β).
   */
  public Learner(LearnerConfig config, PolicyModel network, Objective objective, Environment env,
      TemperatureConditioning temperature) {
    this(config, network, objective, env, temperature, null, 0);
  }

  /**
   * As above, with GAFlowNet's intrinsic rewards when {@code intrinsic} is not null: the random
   * network distillation, seeded by {@code seed}, scores every state of each minibatch before the
   * objective reads it and is trained on them after the step.
   */
  public Learner(LearnerConfig config, PolicyModel network, Objective objective, Environment env,
      TemperatureConditioning temperature, IntrinsicRewards intrinsic, long seed) {
    if (objective.needsFlowHead() && !network.architecture().flowHead()) {
      throw new IllegalArgumentException(objective.name() + " needs a policy with a log F head");
    }
    this.config = config;
    this.network = network;
    this.objective = objective;
    this.env = env;
    this.logZAdam = new ScalarAdam(config.logZLearningRate());
    this.logZ = config.initialLogZ();
    this.lastLogZEstimate = objective.usesLogZ() ? logZ : Double.NaN;
    this.ema = config.emaDecay() > 0 ? network.params() : null;
    if (temperature != null && !objective.usesLogZ()) {
      throw new IllegalArgumentException("temperature conditioning trains with a learned log Z(beta): use objective TB, not "
          + objective.name());
    }
    this.temperature = temperature == null ? null : new TemperatureHeads(temperature, config);
    if (intrinsic != null && temperature != null) {
      throw new IllegalArgumentException("intrinsic rewards and temperature conditioning cannot be combined");
    }
    this.rnd = intrinsic == null ? null : new RandomNetworkDistillation(intrinsic, network.architecture().featureSize(), seed);
    if (temperature != null) lastLogZEstimate = this.temperature.logZ(1.0);
    if (temperature != null && config.anneal().steps() > 0) {
      throw new IllegalArgumentException("reward annealing and temperature conditioning cannot be combined: both set the"
          + " target's exponent");
    }
    this.dynamics = objective.dynamics() == null ? null : new DynamicsModel(env, objective.dynamics(), seed ^ 0xd1a);
  }

  /** One gradient step on a minibatch. */
  @Override
  public StepMetrics step(List<Trajectory> batch) {
    if (batch.isEmpty()) throw new IllegalArgumentException("empty minibatch");
    double exponent = config.anneal().exponent(steps);
    if (exponent != 1) batch = batch.stream().map(t -> t.withBeta(t.beta() * exponent)).toList();
    Objective.Prepared p = objective.prepare(batch, env, network.architecture());
    if (rnd != null) p.intrinsicRewards(rnd.logRewards(p.features(), p.rows(), steps));
    if (dynamics != null) p.transitionLogProbs(dynamics.logProbs(batch));
    Objective.Result r;
    if (temperature != null) {
      r = temperature.evaluate(network, p, batch);
    } else {
      double[] out = p.states() == null ? network.forward(p.features(), p.rows())
          : network.forwardStates(env, p.states(), p.rows(), p::features);
      r = p.compute(out, logZ);
    }
    if (!Double.isFinite(r.loss())) {
      throw new IllegalStateException("loss became " + r.loss() + " at learner step " + steps
          + "; lower the learning rates or enable gradient clipping (learner.clip-norm)");
    }
    network.backward(r.dOutputs());
    double norm = network.gradientNorm();
    if (config.clipNorm() > 0 && norm > config.clipNorm()) network.scaleGradient(config.clipNorm() / norm);
    network.applyUpdate((int) Math.min(steps, Integer.MAX_VALUE));
    if (temperature != null) {
      temperature.update(config.schedule().multiplier(steps));
    } else if (objective.usesLogZ()) {
      logZ -= logZAdam.step(r.dLogZ(), config.schedule().multiplier(steps));
    }
    if (rnd != null) rnd.train(p.features(), p.rows());
    if (dynamics != null) dynamics.train(batch);
    steps++;
    lastLogZEstimate = temperature != null ? temperature.logZ(1.0) : objective.usesLogZ() ? logZ : r.logZEstimate();
    if (ema != null) {
      float[] cur = network.params();
      float d = (float) config.emaDecay();
      for (int i = 0; i < ema.length; i++) ema[i] = d * ema[i] + (1 - d) * cur[i];
    }
    return new StepMetrics(steps, r.loss(), lastLogZEstimate, norm, p.rows());
  }

  /** The policy version: the step count. */
  @Override
  public long version() {
    return steps;
  }

  /** The policy to sample with (the EMA copy when enabled), versioned by the step count. */
  @Override
  public PolicySnapshot snapshot() {
    return new PolicySnapshot(steps, network.architecture(), ema != null ? ema.clone() : network.params(),
        temperature == null ? null : temperature.conditioning(), objective.quantileFlows());
  }

  /** The live (non-EMA) parameters. */
  public PolicySnapshot liveSnapshot() {
    return new PolicySnapshot(steps, network.architecture(), network.params(),
        temperature == null ? null : temperature.conditioning(), objective.quantileFlows());
  }

  /** The learned log Z(β) of a temperature-conditioned policy; the log Z estimate otherwise at β = 1. */
  @Override
  public double logZAt(double beta) {
    if (temperature != null) return temperature.logZ(beta);
    if (beta != 1.0) throw new IllegalArgumentException("this policy is not temperature-conditioned: log Z is known at beta 1 only");
    return lastLogZEstimate;
  }

  /** Whether the policy is temperature-conditioned. */
  public boolean temperatureConditioned() {
    return temperature != null;
  }

  /** The log Z parameter. */
  public double logZ() {
    return logZ;
  }

  /** The objective's latest log Z estimate (the parameter for TB). */
  @Override
  public double logZEstimate() {
    return lastLogZEstimate;
  }

  public long steps() {
    return steps;
  }

  public Objective objective() {
    return objective;
  }

  public void save(DataOutputStream out) throws IOException {
    out.writeInt(FORMAT);
    out.writeLong(steps);
    out.writeDouble(logZ);
    out.writeDouble(lastLogZEstimate);
    out.writeDouble(logZAdam.m);
    out.writeDouble(logZAdam.v);
    out.writeLong(logZAdam.t);
    StateIO.writeFloats(out, network.params());
    StateIO.writeDoubles(out, network.updaterState());
    out.writeBoolean(ema != null);
    if (ema != null) StateIO.writeFloats(out, ema);
    out.writeBoolean(temperature != null);
    if (temperature != null) temperature.save(out);
    out.writeBoolean(rnd != null);
    if (rnd != null) rnd.save(out);
    out.writeBoolean(dynamics != null);
    if (dynamics != null) dynamics.save(out);
  }

  public void restore(DataInputStream in) throws IOException {
    int format = in.readInt();
    if (format < 1 || format > FORMAT) {
      throw new IOException("learner state format " + format + " is not supported (this build reads 1 to " + FORMAT + ")");
    }
    long s = in.readLong();
    double lz = in.readDouble();
    double est = in.readDouble();
    double m = in.readDouble();
    double v = in.readDouble();
    long t = in.readLong();
    float[] params = StateIO.readFloats(in);
    if (params.length != network.paramCount()) {
      throw new IOException("saved network has " + params.length + " parameters, this one " + network.paramCount()
          + ": the policy configuration changed");
    }
    double[] u = StateIO.readDoubles(in);
    boolean hasEma = in.readBoolean();
    float[] e = hasEma ? StateIO.readFloats(in) : null;
    boolean tempered = format >= 2 && in.readBoolean();
    if (tempered != (temperature != null)) {
      throw new IOException("saved learner " + (tempered ? "is" : "is not") + " temperature-conditioned, this one "
          + (temperature != null ? "is" : "is not") + ": gfn.conditioning.temperature changed");
    }
    if (tempered) temperature.restore(in);
    boolean intrinsic = format >= 2 && in.readBoolean();
    if (intrinsic != (rnd != null)) {
      throw new IOException("saved learner " + (intrinsic ? "has" : "has no") + " intrinsic rewards, this one "
          + (rnd != null ? "has" : "has none") + ": gfn.explore.intrinsic changed");
    }
    if (intrinsic) rnd.restore(in);
    if ((format >= 3 && in.readBoolean()) != (dynamics != null)) {
      throw new IOException("saved learner and this one differ in a learned dynamics model: gfn.objective.name changed");
    }
    if (dynamics != null) dynamics.restore(in);
    network.setParams(params);
    network.setUpdaterState(u);
    steps = s;
    logZ = lz;
    lastLogZEstimate = est;
    logZAdam.m = m;
    logZAdam.v = v;
    logZAdam.t = t;
    ema = config.emaDecay() > 0 ? (e != null ? e : network.params()) : null;
  }
}
