package dev.interleave.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the article's example programs, each in its own JVM (each is a whole program: its main
 * code ending is what its daemon children observe).
 *
 * <pre>
 * java -jar scenarios/target/interleave.jar article            # every program, in order
 * java -jar scenarios/target/interleave.jar article list       # ids and titles
 * java -jar scenarios/target/interleave.jar article 3.1 3.3    # chosen programs
 * </pre>
 */
public final class Main {
  private static final long PROGRAM_TIMEOUT_SECONDS = 120;

  private Main() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    System.exit(runPrograms(List.of(args)));
  }

  /**
   * Runs the programs named by {@code ids} (every program if none; {@code list} lists them) and
   * returns the exit code: 0 if all succeeded, 1 if one failed, 2 for an unknown id.
   */
  public static int runPrograms(List<String> ids) throws IOException, InterruptedException {
    if (ids.size() == 1 && ids.get(0).equals("list")) {
      ArticleProgram.ALL.forEach(p -> System.out.println(p.id() + "\t" + p.title()));
      return 0;
    }
    List<ArticleProgram> chosen = new ArrayList<>();
    for (String id : ids) {
      var program = ArticleProgram.byId(id);
      if (program.isEmpty()) {
        System.err.println("unknown program: " + id + "; programs: "
            + ArticleProgram.ALL.stream().map(ArticleProgram::id).toList());
        return 2;
      }
      chosen.add(program.get());
    }
    if (chosen.isEmpty()) {
      chosen.addAll(ArticleProgram.ALL);
    }
    int failures = 0;
    for (ArticleProgram program : chosen) {
      failures += run(program) == 0 ? 0 : 1;
    }
    return failures == 0 ? 0 : 1;
  }

  private static int run(ArticleProgram program) throws IOException, InterruptedException {
    System.out.println();
    System.out.println("== " + program.id() + " " + program.title() + " ==");
    System.out.flush();
    java.lang.Process jvm = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), program.mainClass().getName())
        .inheritIO().start();
    if (!jvm.waitFor(PROGRAM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      jvm.descendants().forEach(ProcessHandle::destroyForcibly);
      jvm.destroyForcibly();
      System.out.println("!! " + program.id() + " did not finish within "
          + PROGRAM_TIMEOUT_SECONDS + " s");
      return 1;
    }
    return jvm.exitValue();
  }
}
