/**
 * What every Spark job shares: the session (strict Kryo, loopback for local masters, the executor
 * wait and master probe for cluster masters), Kryo registration, JSON and the {@code gfn.spark.*}
 * settings. The jobs live in {@code train}, {@code sweep} and {@code runlog}.
 */
package org.gfn.spark;
