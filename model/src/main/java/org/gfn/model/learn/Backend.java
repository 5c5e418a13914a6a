package org.gfn.model.learn;

import org.nd4j.linalg.factory.Nd4j;

/** Says which ND4J backend the learner runs on, and why it is not CUDA when it is not. */
public final class Backend {
  private Backend() {}

  public static String describe() {
    String backend = Nd4j.getBackend().getClass().getSimpleName();
    boolean cpu = backend.startsWith("Cpu");
    boolean cudaPresent = present("org.nd4j.linalg.jcublas.JCublasBackend");
    String cpuPriority = System.getenv().getOrDefault("BACKEND_PRIORITY_CPU", "0");
    String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "default");
    String why;
    if (!cpu) {
      why = "CUDA";
    } else if (!cudaPresent) {
      why = "CPU (this build has no CUDA backend; build with -Pcuda for pre-Hopper GPUs)";
    } else if (Integer.parseInt(cpuPriority.trim()) >= 100) {
      why = "CPU (BACKEND_PRIORITY_CPU=" + cpuPriority + " forces it, e.g. on Hopper GPUs that the CUDA 11.6 build cannot run on)";
    } else {
      why = "CPU (fell back: the CUDA backend is on the classpath but found no usable GPU)";
    }
    return "learner backend: " + why + ", OMP_NUM_THREADS=" + threads;
  }

  private static boolean present(String cls) {
    try {
      Class.forName(cls, false, Backend.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
