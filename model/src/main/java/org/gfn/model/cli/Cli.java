package org.gfn.model.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * The path from {@code main} to an exit status that every command shares: picocli parses the
 * arguments into the command object, runs it, and maps what happened to the exit status
 * (0 done or {@code --help}; 2 bad input: an unknown or malformed flag, or an exception of one
 * of the command's bad-input types; 1 any other failure). Errors print as one line
 * {@code error: ...}; the stack trace follows only when {@code GFN_DEBUG} is set.
 */
public final class Cli {
  private Cli() {}

  /** Runs {@code command} (a picocli {@code @Command}) on {@code args}; returns the exit status. */
  public static int run(Callable<Integer> command, String[] args, PrintStream out, PrintStream err,
      List<Class<? extends Exception>> badInput) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("error: " + ex.getMessage() + " (" + cl.getCommandName() + " --help shows the usage)");
      return 2;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      err.println("error: " + ex.getMessage());
      if (System.getenv("GFN_DEBUG") != null) ex.printStackTrace(err);
      return badInput.stream().anyMatch(t -> t.isInstance(ex)) ? 2 : 1;
    });
    return cl.execute(args);
  }

  /** Ends the JVM with {@code status} unless it is 0 (so embedded callers keep running). */
  public static void exit(int status) {
    if (status != 0) System.exit(status);
  }
}
