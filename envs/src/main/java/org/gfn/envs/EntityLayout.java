package org.gfn.envs;

/**
 * The entity view of an environment's states, for permutation-equivariant (set and graph)
 * policies. {@link Environment#encode} then writes {@code entities} rows of {@code features}
 * floats, entity-major: value 0 of a row is 1 when the entity is present in the state and 0 when
 * it is absent (a slot that a merge emptied, a node not yet placed); absent rows are skipped by
 * the policy, so a state has a variable number of entities. With {@code adjacency} the last
 * {@code entities} values of each row are that entity's adjacency row (1 = edge, symmetric).
 *
 * <p>Actions map to entities: backward action i acts on entity i; forward actions are either the
 * unordered pairs (i, j), i &lt; j, in row-major order ({@code pairActions}, e.g. merging two
 * roots), or one per entity (e.g. adding a node); then {@code choices} actions that choose among
 * values for one entity ({@link Environment#choosingEntity}: a branch length for the root it
 * names); the last forward action is exit.
 *
 * @param entities the largest number of entities (rows) of a state
 * @param features values per entity row, presence flag and adjacency included
 * @param pairActions forward actions are unordered pairs (else one per entity)
 * @param adjacency the rows end with an adjacency row
 * @param packedBits 0: each own value is one input; k &gt; 0: each own value is an integer in
 *     [0, 2^k) whose k bits are k binary inputs (a 4-bit Fitch set per site: 4× fewer values to
 *     write, ship and hash than one-hot floats)
 * @param choices forward actions after the entity or pair actions that choose a value for the
 *     state's choosing entity (0: none)
 */
public record EntityLayout(int entities, int features, boolean pairActions, boolean adjacency, int packedBits,
    int choices) implements java.io.Serializable {

  /** A layout whose values are the inputs themselves. */
  public EntityLayout(int entities, int features, boolean pairActions, boolean adjacency) {
    this(entities, features, pairActions, adjacency, 0, 0);
  }

  /** A layout without choice actions. */
  public EntityLayout(int entities, int features, boolean pairActions, boolean adjacency, int packedBits) {
    this(entities, features, pairActions, adjacency, packedBits, 0);
  }

  public EntityLayout {
    if (entities < 2) throw new IllegalArgumentException("an entity view needs at least 2 entities, got " + entities);
    if (features < 2 + (adjacency ? entities : 0)) {
      throw new IllegalArgumentException("an entity row needs the presence flag and at least one feature, got " + features);
    }
    if (packedBits < 0 || packedBits > 16) throw new IllegalArgumentException("packed bits must be in [0, 16], got " + packedBits);
    if (choices < 0) throw new IllegalArgumentException("choice actions must be >= 0, got " + choices);
  }

  /** Forward actions the layout implies, exit included. */
  public int forwardActions() {
    return entityActions() + choices + 1;
  }

  /** The forward actions that name an entity or a pair of entities (the first ones). */
  public int entityActions() {
    return pairActions ? entities * (entities - 1) / 2 : entities;
  }

  /** Values of a row that describe the entity itself (presence flag and adjacency excluded). */
  public int ownFeatures() {
    return features - 1 - (adjacency ? entities : 0);
  }

  /** The per-entity encoder's inputs: the own values, or their bits when packed. */
  public int encoderInputs() {
    return packedBits == 0 ? ownFeatures() : ownFeatures() * packedBits;
  }

  /** Checks that {@code env}'s action counts and feature size agree with this layout. */
  public void check(Environment env) {
    if (env.numActions() != forwardActions() || env.numBackwardActions() != entities
        || env.featureSize() != entities * features) {
      throw new IllegalStateException(env.name() + " declares an entity layout " + this
          + " that does not match its " + env.numActions() + " forward actions, " + env.numBackwardActions()
          + " backward actions and " + env.featureSize() + " features");
    }
  }
}
