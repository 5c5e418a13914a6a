/**
 * Training objectives as small pieces of math with one signature: an
 * {@link org.gfn.model.objectives.Objective} prepares the rows it needs from stored trajectories
 * and returns the loss with its gradient with respect to the network outputs and log Z, in double
 * precision. Each is gradient-checked by finite differences and is zero at an exact solution.
 */
package org.gfn.model.objectives;
