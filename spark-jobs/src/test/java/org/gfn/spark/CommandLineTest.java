package org.gfn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;
import org.gfn.spark.runlog.InspectJob;
import org.gfn.spark.sweep.SweepJob;
import org.gfn.spark.train.SampleJob;
import org.gfn.spark.train.TrainJob;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command prints its usage on --help (exit 0) and refuses a bad flag in one line (exit 2). */
class CommandLineTest {
  interface Command {
    int run(String[] args, SparkSession session, PrintStream out, PrintStream err);
  }

  private static Command command(String name) {
    return switch (name) {
      case "train" -> TrainJob::run;
      case "sweep" -> SweepJob::run;
      case "inspect" -> InspectJob::run;
      case "sample" -> (args, session, out, err) -> SampleJob.run(args, out, err);
      default -> throw new IllegalArgumentException(name);
    };
  }

  private record Result(int rc, String out, String err) {}

  private static Result run(String name, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = command(name).run(args, null, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"train", "sweep", "inspect", "sample"})
  void helpPrintsTheUsage(String name) {
    Result r = run(name, "--help");
    assertEquals(0, r.rc(), r.err());
    assertTrue(r.out().startsWith("Usage: " + name), r.out());
    assertTrue(r.out().contains(name.equals("sample") ? "--n" : "--master"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"train", "sweep", "inspect", "sample"})
  void aBadFlagIsOneLineAndExitTwo(String name) {
    Result r = run(name, "some.conf", "--no-such-flag");
    assertEquals(2, r.rc(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().startsWith("error: ") && r.err().contains("--no-such-flag"), r.err());
  }
}
