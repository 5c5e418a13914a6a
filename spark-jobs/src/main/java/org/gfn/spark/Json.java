package org.gfn.spark;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON of metric records and summaries through Jackson (on the class path with Spark). A value
 * that is not finite (NaN, ±∞: a metric not available) is written as {@code null}, so every
 * JSON reader accepts the file.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule()
      .addSerializer(Double.class, new FiniteOrNull())
      .addSerializer(double.class, new FiniteOrNull())
      .addSerializer(Float.class, new FiniteFloatOrNull()));

  private Json() {}

  /** One JSON object on one line. */
  public static String object(Map<String, ?> fields) {
    try {
      return MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** One JSON object (a metrics row, a summary) as a map; numbers as Integer/Long/Double. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String text) {
    try {
      return MAPPER.readValue(text, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  private static final class FiniteOrNull extends JsonSerializer<Double> {
    @Override
    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (Double.isFinite(v)) g.writeNumber(v);
      else g.writeNull();
    }
  }

  private static final class FiniteFloatOrNull extends JsonSerializer<Float> {
    @Override
    public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (Float.isFinite(v)) g.writeNumber(v);
      else g.writeNull();
    }
  }
}
