package org.gfn.model.policy;

import java.io.Serializable;

/**
 * The shape of a policy network: an MLP trunk over the environment's features with three heads,
 * laid out in one output row as [P_F logits (numActions) | P_B logits (numBackwardActions) |
 * log F(s) (1)].
 *
 * <p>With {@code sharedTrunk} one MLP computes the whole row; otherwise each head is its own MLP
 * of the same depth and width. A head that is not used (P_B when {@code learnedBackward} is false,
 * log F when {@code flowHead} is false) is not built and reads as zeros; a uniform P_B is then
 * derived from the backward mask.
 *
 * @param featureSize input width (the environment's feature size)
 * @param numActions forward actions, exit included
 * @param numBackwardActions backward actions
 * @param hiddenLayers number of hidden layers (≥ 1)
 * @param width units per hidden layer
 * @param activation one of relu, tanh, leakyrelu, elu
 * @param sharedTrunk one MLP for all heads
 * @param learnedBackward whether P_B is learned (else uniform over legal backward actions)
 * @param flowHead whether a log F(s) head exists (DB, SubTB, FL-DB need it)
 * @param structure null for an MLP over the flat features; for a set or graph policy, the entity
 *     view and the mixing (then {@code hiddenLayers} is the depth of the per-entity encoder,
 *     {@code width} the embedding size, and {@code sharedTrunk} is unused)
 */
public record PolicyArchitecture(int featureSize, int numActions, int numBackwardActions,
    int hiddenLayers, int width, String activation, boolean sharedTrunk, boolean learnedBackward,
    boolean flowHead, EntityStructure structure) implements Serializable {

  /** An MLP policy. */
  public PolicyArchitecture(int featureSize, int numActions, int numBackwardActions, int hiddenLayers,
      int width, String activation, boolean sharedTrunk, boolean learnedBackward, boolean flowHead) {
    this(featureSize, numActions, numBackwardActions, hiddenLayers, width, activation, sharedTrunk,
        learnedBackward, flowHead, null);
  }

  public PolicyArchitecture {
    if (featureSize < 1 || numActions < 1 || numBackwardActions < 1) {
      throw new IllegalArgumentException("feature size and action counts must be >= 1");
    }
    if (hiddenLayers < 1) throw new IllegalArgumentException("policy hidden layers must be >= 1, got " + hiddenLayers);
    if (width < 1) throw new IllegalArgumentException("policy width must be >= 1, got " + width);
    Activation.of(activation);
    if (structure != null) {
      org.gfn.envs.EntityLayout e = structure.layout();
      if (numActions != e.forwardActions() || numBackwardActions != e.entities()
          || featureSize != e.entities() * e.features()) {
        throw new IllegalArgumentException("the entity layout " + e + " does not match " + numActions
            + " forward actions, " + numBackwardActions + " backward actions and " + featureSize + " features");
      }
      if (structure.kind().equals("set") && width % structure.heads() != 0) {
        throw new IllegalArgumentException("policy width " + width + " is not divisible by the "
            + structure.heads() + " attention heads (gfn.policy.heads)");
      }
    }
  }

  /** Whether this is a set or graph policy (else an MLP). */
  public boolean structured() {
    return structure != null;
  }

  /** Parameters of the per-entity encoder of a structured policy, in DL4J's layout (first). */
  public int encoderParams() {
    int n = structure.layout().encoderInputs() * width + width;
    for (int l = 1; l < hiddenLayers; l++) n += width * width + width;
    return n;
  }

  /** Width of one output row. */
  public int outputWidth() {
    return numActions + numBackwardActions + 1;
  }

  public int forwardOffset() {
    return 0;
  }

  public int backwardOffset() {
    return numActions;
  }

  public int flowOffset() {
    return numActions + numBackwardActions;
  }

  /** The heads that are built, in parameter order: each is {offset, width} in the output row. */
  public int[][] heads() {
    if (sharedTrunk || structured()) return new int[][] {{0, outputWidth()}};
    java.util.List<int[]> hs = new java.util.ArrayList<>();
    hs.add(new int[] {forwardOffset(), numActions});
    if (learnedBackward) hs.add(new int[] {backwardOffset(), numBackwardActions});
    if (flowHead) hs.add(new int[] {flowOffset(), 1});
    return hs.toArray(new int[0][]);
  }

  /** Number of parameters of one head MLP with {@code out} outputs, in DL4J's layout. */
  public int headParams(int out) {
    int n = featureSize * width + width;
    for (int l = 1; l < hiddenLayers; l++) n += width * width + width;
    return n + width * out + out;
  }

  /** Total number of parameters. */
  public int paramCount() {
    if (structured()) return encoderParams() + EntityMixer.paramCount(this);
    int n = 0;
    for (int[] h : heads()) n += headParams(h[1]);
    return n;
  }
}
