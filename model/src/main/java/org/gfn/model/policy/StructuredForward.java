package org.gfn.model.policy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gfn.envs.EntityLayout;
import org.gfn.envs.Environment;

/**
 * Plain-Java inference of a set or graph policy from a {@link PolicySnapshot}: the per-entity
 * encoder (the DL4J dense layers' arithmetic, in float, zero inputs skipped), then the
 * {@link EntityMixer} in double. Parity with {@link StructuredNetwork} is tested to 1e-5.
 *
 * <p>Encodings are cached by entity content, or by the environment's entity key where it has one
 * ({@link #evaluateStates}: then the features of cached entities are neither written nor hashed).
 * Along a trajectory only the merged root is new, so
 * a step encodes one entity instead of all of them (the encoder's cost is entities × own features
 * × width, the bulk of the work for long alignments); the first attention block's query, key and
 * value, functions of the encoding alone, are cached with it. The cache holds up to about 64 MB. Not
 * thread-safe: give each thread its own.
 */
final class StructuredForward implements PolicyEvaluator {
  private static final long CACHE_FLOATS = 1L << 24;

  private final PolicyArchitecture arch;
  private final EntityLayout layout;
  private final Activation act;
  private final float[][] weights; // per layer, input-major nIn × nOut
  private final float[][] biases;
  private final double[] params;
  private final EntityMixer mixer;
  private final Map<Object, double[]> cache; // EntityKey, or the environment's entity keys

  StructuredForward(PolicySnapshot snapshot) {
    this.arch = snapshot.architecture();
    this.layout = arch.structure().layout();
    this.act = Activation.of(arch.activation());
    float[] p = snapshot.params();
    int layers = arch.hiddenLayers();
    weights = new float[layers][];
    biases = new float[layers][];
    int off = 0;
    int nIn = layout.encoderInputs();
    int d = arch.width();
    for (int l = 0; l < layers; l++) {
      float[] w = new float[nIn * d];
      for (int j = 0; j < d; j++) {
        for (int i = 0; i < nIn; i++) w[i * d + j] = p[off + j * nIn + i]; // DL4J: column-major
      }
      weights[l] = w;
      biases[l] = Arrays.copyOfRange(p, off + nIn * d, off + nIn * d + d);
      off += nIn * d + d;
      nIn = d;
    }
    params = new double[p.length];
    for (int i = off; i < p.length; i++) params[i] = p[i];
    mixer = new EntityMixer(arch, off);
    int capacity = (int) Math.max(256, CACHE_FLOATS / Math.max(1, layout.ownFeatures()));
    cache = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Object, double[]> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public PolicyArchitecture architecture() {
    return arch;
  }

  @Override
  public void evaluate(float[] features, int rows, float[] out) {
    EntityBatch b = EntityBatch.of(features, rows, arch.featureSize(), layout);
    double[][] enc = new double[b.entities()][];
    for (int r = 0; r < rows; r++) {
      int[] slots = b.slots()[r];
      for (int k = 0; k < slots.length; k++) {
        int from = r * arch.featureSize() + slots[k] * layout.features() + 1;
        EntityKey key = new EntityKey(features, from, layout.ownFeatures());
        double[] h = cache.get(key);
        if (h == null) {
          h = compute(features, from);
          cache.put(key.detach(), h);
        }
        enc[b.start()[r] + k] = h;
      }
    }
    mix(b, enc, out);
  }

  /**
   * Where the environment keys its entities ({@link Environment#entityKeys}) and there is no
   * adjacency, looks encodings up by key and writes and encodes only the entities not cached.
   */
  @Override
  public void evaluateStates(Environment env, int[][] states, int rows, float[] features, float[] out) {
    Object[][] keys = layout.adjacency() ? null : EntityBatch.keysOf(env, states, rows);
    if (keys == null) {
      PolicyEvaluator.super.evaluateStates(env, states, rows, features, out);
      return;
    }
    EntityBatch b = EntityBatch.ofKeys(keys, env, states, layout);
    int[] start = b.start();
    int[][] slots = b.slots();
    double[][] enc = new double[b.entities()][];
    float[] row = new float[layout.features()];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < slots[r].length; k++) {
        Object key = keys[r][slots[r][k]];
        double[] h = cache.get(key);
        if (h == null) {
          env.encodeEntity(states[r], slots[r][k], row, 0);
          h = compute(row, 1);
          cache.put(key, h);
        }
        enc[start[r] + k] = h;
      }
    }
    mix(b, enc, out);
  }

  /** The mixer and heads on the entities' cached encodings (h0, and the first block's q, k, v). */
  private void mix(EntityBatch b, double[][] enc, float[] out) {
    int rows = b.states();
    int width = arch.outputWidth();
    int d = arch.width();
    int e = b.entities();
    boolean withQkv = mixer.cachedWidth() > d;
    double[] h0 = new double[e * d];
    double[][] qkv = withQkv ? new double[][] {new double[e * d], new double[e * d], new double[e * d]} : null;
    for (int x = 0; x < e; x++) {
      System.arraycopy(enc[x], 0, h0, x * d, d);
      for (int c = 0; withQkv && c < 3; c++) System.arraycopy(enc[x], (c + 1) * d, qkv[c], x * d, d);
    }
    double[] y = new double[rows * width];
    mixer.forward(Dense.JAVA, params, h0, qkv, b, y);
    for (int j = 0; j < rows * width; j++) out[j] = (float) y[j];
  }

  /** y += the entity's inputs · W (unpacking packed values into their bits; zero inputs skipped). */
  private void firstLayer(float[] features, int from, float[] w, int nOut, float[] y) {
    int bits = layout.packedBits();
    int[] rows = bits == 0 ? null : new int[layout.ownFeatures() * bits];
    int count = 0;
    for (int v = 0; v < layout.ownFeatures(); v++) {
      float value = features[from + v];
      if (value == 0f) continue;
      if (bits == 0) {
        int wi = v * nOut;
        for (int j = 0; j < nOut; j++) y[j] += value * w[wi + j];
        continue;
      }
      for (int packed = (int) value; packed != 0; packed &= packed - 1) {
        rows[count++] = v * bits + Integer.numberOfTrailingZeros(packed);
      }
    }
    if (count > 0) Dense.JAVA.sumRows(w, rows, count, nOut, y);
  }

  /** The encoding of the entity whose own values start at {@code features[from]}, extended by the mixer's cached part. */
  private double[] compute(float[] features, int from) {
    float[] x = null;
    for (int l = 0; l < weights.length; l++) {
      int nOut = arch.width();
      float[] y = biases[l].clone();
      float[] w = weights[l];
      if (l == 0) {
        firstLayer(features, from, w, nOut, y);
      } else {
        for (int i = 0; i < x.length; i++) {
          float xi = x[i];
          if (xi == 0f) continue;
          int wi = i * nOut;
          for (int j = 0; j < nOut; j++) y[j] += xi * w[wi + j];
        }
      }
      for (int j = 0; j < nOut; j++) y[j] = act.apply(y[j]);
      x = y;
    }
    double[] h = new double[x.length];
    for (int j = 0; j < x.length; j++) h[j] = x[j];
    return mixer.cached(params, h);
  }
}
