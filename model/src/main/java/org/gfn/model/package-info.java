/**
 * The model module's map: {@link org.gfn.model.Contracts} names the data flow (policy source,
 * trajectory sink, rollout source, learner); the subpackages implement it (see docs/architecture.md).
 */
package org.gfn.model;
