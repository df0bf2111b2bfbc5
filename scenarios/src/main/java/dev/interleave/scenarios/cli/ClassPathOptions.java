package dev.interleave.scenarios.cli;

import dev.interleave.scenarios.explore.TestSelection;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where a user's tests are: {@code --class-path} or {@code --project}. */
final class ClassPathOptions {
  @Option(names = {"--class-path", "-cp"}, paramLabel = "PATH", description = "where a user's"
      + " tests are: directories and jars separated by the path separator (: or ;)")
  String classPath;

  @Option(names = "--project", paramLabel = "DIR", description = "a Maven project: its"
      + " target/test-classes, target/classes and target/dependency/*.jar are the class path")
  Path project;

  /** Whether either option was given. */
  boolean given() {
    return classPath != null || project != null;
  }

  /** The class path the options name; bad usage if none, both, or an entry is missing. */
  List<Path> resolve(CommandLine cmd, String what) {
    if ((classPath == null) == (project == null)) {
      throw new CommandLine.ParameterException(cmd, what + " need --class-path or --project"
          + " (one of them)");
    }
    if (project != null) {
      List<Path> cp = TestSelection.projectClassPath(project);
      if (cp.isEmpty()) {
        throw new CommandLine.ParameterException(cmd, "--project must be a built Maven project"
            + " (with target/test-classes) but was: " + project);
      }
      return cp;
    }
    List<Path> cp = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
        throw new CommandLine.ParameterException(cmd, "--class-path entry does not exist: "
            + entry);
      }
      if (!entry.isBlank()) {
        cp.add(Path.of(entry));
      }
    }
    return cp;
  }
}
