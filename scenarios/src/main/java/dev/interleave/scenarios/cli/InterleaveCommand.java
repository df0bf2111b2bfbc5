package dev.interleave.scenarios.cli;

import dev.interleave.scenarios.Main;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The {@code interleave} command: {@code list}, {@code run}, {@code merge}, {@code replay},
 * {@code article}, {@code plan}.
 */
@Command(name = "interleave", mixinStandardHelpOptions = true, version = "interleave 0.1.0",
    description = "Explores the interleavings of the article's multiprocessing scenarios and"
        + " of a project's own @InterleaveTest methods.",
    subcommands = {ListCommand.class, RunCommand.class, MergeCommand.class, ReplayCommand.class,
        InterleaveCommand.ArticleCommand.class, PlanCommand.class})
public final class InterleaveCommand implements Runnable {
  /** Exit code of a run whose scenarios all met their expectation. */
  static final int MET = 0;
  /** Exit code of a run where some scenario did not. */
  static final int UNMET = 1;
  /** Exit code of bad usage. */
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    return new CommandLine(new InterleaveCommand()).execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: list, run, merge, replay, article or plan");
  }

  /** Runs the article's programs, each in its own JVM, as the article prints them. */
  @Command(name = "article", mixinStandardHelpOptions = true,
      description = "Runs the article's programs (all, or the given ids; 'list' lists them).")
  static final class ArticleCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "program ids, e.g. 3.1 4.2")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      return Main.runPrograms(ids);
    }
  }
}
