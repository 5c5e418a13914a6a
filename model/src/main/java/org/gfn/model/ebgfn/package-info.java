/**
 * Energy-based GFlowNets (Zhang et al. 2022) on Ising models: contrastive updates of the
 * couplings J with the GFlowNet as negative sampler, and the back-and-forth MH refinement.
 */
package org.gfn.model.ebgfn;
