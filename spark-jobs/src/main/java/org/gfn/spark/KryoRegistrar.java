package org.gfn.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;
import org.gfn.model.config.EnvSettings;
import org.gfn.model.policy.PolicyArchitecture;
import org.gfn.model.policy.PolicySnapshot;
import org.gfn.model.rollout.Exploration;
import org.gfn.replay.Trajectory;
import org.gfn.replay.TrajectoryBatch;
import org.gfn.spark.sweep.TrialFunction;
import org.gfn.spark.sweep.TrialResult;

/**
 * Registers everything that crosses the wire, so jobs run with
 * {@code spark.kryo.registrationRequired=true}. Records (snapshot, architecture, settings) go
 * through Java serialization inside Kryo: Kryo's field serializer cannot set a record's final
 * fields. Trajectories are plain final classes of primitive arrays.
 */
public final class KryoRegistrar implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(Trajectory.class);
    kryo.register(Trajectory[].class);
    kryo.register(Trajectory.Origin.class);
    kryo.register(TrajectoryBatch.class);
    kryo.register(TrajectoryBatch[].class);
    kryo.register(PolicySnapshot.class, new JavaSerializer());
    kryo.register(PolicyArchitecture.class, new JavaSerializer());
    kryo.register(Exploration.class, new JavaSerializer());
    kryo.register(EnvSettings.class, new JavaSerializer());
    kryo.register(TrialResult.class, new JavaSerializer());
    kryo.register(TrialResult[].class);
    kryo.register(TrialFunction.Input.class, new JavaSerializer());
    kryo.register(int[].class);
    kryo.register(float[].class);
    kryo.register(double[].class);
    kryo.register(long[].class);
    kryo.register(Object[].class);
    for (String name : SPARK_SQL_CLASSES) {
      try {
        kryo.register(Class.forName(name));
      } catch (ClassNotFoundException e) {
        // a Spark version without this class: nothing to register
      }
    }
  }

  /**
   * Spark SQL classes that cross the wire when the replay log is read with Spark (schemas in
   * broadcasts and task results); Spark does not register them itself.
   */
  private static final String[] SPARK_SQL_CLASSES = {
      "org.apache.spark.sql.types.ArrayType",
  };
}
