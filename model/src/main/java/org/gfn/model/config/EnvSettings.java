package org.gfn.model.config;

/**
 * Environment choice and parameters ({@code gfn.env.*}): all an executor needs to rebuild the
 * environment (through {@link EnvironmentFactory}), so it travels with every rollout task.
 * {@code rewardNoise} is σ of HyperGrid's multiplicative log-normal reward noise (0: none),
 * {@code randomAction} the probability that the environment replaces a chosen move by a random one,
 * {@code phyloLengthSteps} whether a phylo-bayes task takes its branch lengths in steps of their own
 * (for a set policy: {@code PhyloBayesSteps}).
 */
public record EnvSettings(String type, int dim, int height, String reward, double r0, double r1,
    double r2, int n, int k, int modes, double beta, long modeSeed, long testSeed, int modeThreshold,
    String rewardClass, String dataFile, double dataBeta, boolean appendOnly, double topFraction,
    int isingSide, double isingSigma, String phyloFile, double phyloAlpha, double phyloOffset, double rewardNoise,
    double randomAction, int phyloBins, double phyloBinSize, double phyloPriorRate, GraphInstance graph,
    boolean phyloLengthSteps)
    implements java.io.Serializable {}
