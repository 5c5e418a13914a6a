package org.gfn.model.objectives;

import java.io.Serializable;

/**
 * The learned dynamics model of stochastic DB ({@code gfn.objective.dynamics}): an MLP of
 * {@code hiddenLayers} × {@code width} ReLU units trained by Adam at {@code learningRate}.
 */
public record DynamicsSettings(int hiddenLayers, int width, double learningRate) implements Serializable {}
