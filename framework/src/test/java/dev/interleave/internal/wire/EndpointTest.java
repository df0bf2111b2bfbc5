package dev.interleave.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.internal.shm.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class EndpointTest {

  @Test
  void itsDirectoryNamesItsCreatorAndCloseRemovesIt() throws Exception {
    Path dir;
    try (Endpoint e = Endpoint.open()) {
      dir = e.socket().getParent();
      ProcessIdentity me = ProcessIdentity.current();
      assertThat(dir.getFileName().toString())
          .startsWith("interleave-ipc-" + me.pid() + "-" + me.startMillis() + "-");
      assertThat(e.socket()).exists();
    }
    assertThat(dir).doesNotExist();
  }

  @Test
  void anEndpointNeverClosedIsRemovedAtItsJvmsExit() throws Exception {
    java.lang.Process jvm = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Leaver.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String socket = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the JVM exited").isTrue();
    assertThat(jvm.exitValue()).isZero();
    assertThat(socket).as("the socket it opened").endsWith("control.sock");
    assertThat(Path.of(socket).getParent()).doesNotExist();
  }

  /** Opens an endpoint, prints its socket's path and exits without closing it. */
  static final class Leaver {
    public static void main(String[] args) throws Exception {
      System.out.println(Endpoint.open().socket());
    }
  }
}
