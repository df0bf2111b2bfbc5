package dev.interleave.internal.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * libc is found without JNA running {@code ldconfig} in a child process, in a fresh JVM whose
 * first blocking call loads the futex parker; a library path the user set is kept.
 */
@Timeout(120)
class LibcTest {
  /** Blocks once on a private segment's word (loading the parker), then prints the path. */
  public static void main(String[] args) throws InterruptedException {
    Segment segment = Segment.anonymous(64);
    Parkers.system().await(segment, 0, 0, 1_000_000L);
    System.out.println("path=" + System.getProperty("jna.platform.library.path"));
  }

  @Test
  void theStandardDirectoriesExistAndHoldTheCLibrary() {
    String dirs = Libc.standardDirectories();
    assertThat(dirs).isNotEmpty();
    List<File> existing = Arrays.stream(dirs.split(File.pathSeparator)).map(File::new).toList();
    assertThat(existing).allMatch(File::isDirectory);
    assertThat(existing).anyMatch(d -> new File(d, "libc.so.6").exists());
  }

  @Test
  void blockingLoadsLibcWithoutStartingAProcess() throws IOException, InterruptedException {
    String out = runFresh(List.of());
    assertThat(out).contains("dev.interleave.internal.shm.FutexParker ")
        .doesNotContain("java.lang.ProcessBuilder ")
        .contains("path=" + Libc.standardDirectories());
  }

  @Test
  void aLibraryPathTheUserSetIsKept() throws IOException, InterruptedException {
    String mine = Libc.standardDirectories() + File.pathSeparator + "/nonexistent-user-dir";
    String out = runFresh(List.of("-Djna.platform.library.path=" + mine));
    assertThat(out).contains("dev.interleave.internal.shm.FutexParker ")
        .contains("path=" + mine);
  }

  private static String runFresh(List<String> flags) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-verbose:class"));
    cmd.addAll(flags);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LibcTest.class.getName()));
    Process jvm = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(jvm.exitValue()).as(out).isZero();
      return out;
    } finally {
      jvm.destroyForcibly();
    }
  }
}
