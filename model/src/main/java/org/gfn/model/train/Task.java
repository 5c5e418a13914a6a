package org.gfn.model.train;

import org.gfn.envs.BitSequenceModes;
import org.gfn.envs.Environment;
import org.gfn.envs.StateSpace;

/**
 * An environment with what evaluating it needs: its exact state space when enumerable (else
 * null), and the bit-sequence modes when it is that task (else null).
 */
public record Task(Environment env, StateSpace space, BitSequenceModes modes) {}
