package org.gfn.model.learn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Length-prefixed arrays in the learner's checkpoint state. */
final class StateIO {
  private StateIO() {}

  static void writeFloats(DataOutputStream out, float[] a) throws IOException {
    out.writeInt(a.length);
    for (float f : a) out.writeFloat(f);
  }

  static float[] readFloats(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 28) throw new IOException("corrupt array length " + n);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) a[i] = in.readFloat();
    return a;
  }

  static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double d : a) out.writeDouble(d);
  }

  static double[] readDoubles(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 28) throw new IOException("corrupt array length " + n);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) a[i] = in.readDouble();
    return a;
  }
}
