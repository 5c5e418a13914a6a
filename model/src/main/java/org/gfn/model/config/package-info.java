/**
 * Settings of a run read eagerly from HOCON ({@link org.gfn.model.config.Settings}, validated
 * against the modules' reference.conf), the loader that layers a preset and {@code --set}
 * overrides, and {@link org.gfn.model.config.EnvironmentFactory}, the environment-only factory
 * that executors use.
 */
package org.gfn.model.config;
