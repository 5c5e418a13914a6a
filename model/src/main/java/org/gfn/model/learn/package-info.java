/**
 * The driver-side {@link org.gfn.model.learn.Learner}: DL4J forward, objective gradient with respect
 * to the outputs, {@code backpropGradient}, clipping, Adam; log Z as its own Adam-updated scalar.
 */
package org.gfn.model.learn;
