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
 * java -jar scenarios/target/interleave.jar            # every program, in order
 * java -jar scenarios/target/interleave.jar list       # ids and titles
 * java -jar scenarios/target/interleave.jar 3.1 3.3    # chosen programs
 * </pre>
 */
public final class Main {
  private static final long PROGRAM_TIMEOUT_SECONDS = 120;

  private Main() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 1 && args[0].equals("list")) {
      ArticleProgram.ALL.forEach(p -> System.out.println(p.id() + "\t" + p.title()));
      return;
    }
    List<ArticleProgram> chosen = new ArrayList<>();
    for (String id : args) {
      chosen.add(ArticleProgram.byId(id).orElseThrow(() -> usage("unknown program: " + id)));
    }
    if (chosen.isEmpty()) {
      chosen.addAll(ArticleProgram.ALL);
    }
    int failures = 0;
    for (ArticleProgram program : chosen) {
      failures += run(program) == 0 ? 0 : 1;
    }
    System.exit(failures == 0 ? 0 : 1);
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

  private static IllegalArgumentException usage(String message) {
    System.err.println(message);
    System.err.println("programs: " + ArticleProgram.ALL.stream().map(ArticleProgram::id).toList());
    System.exit(2);
    return new IllegalArgumentException(message);
  }
}
