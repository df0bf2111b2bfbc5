package dev.interleave.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.mp.Children;
import dev.interleave.mp.ConnectionEOFException;
import dev.interleave.mp.Pipe;
import dev.interleave.mp.Process;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pipe writer killed with {@code kill -9} in the middle of a multi-megabyte message: the reader
 * gets every message before it whole, then end-of-file, never a corrupt frame or part of the cut
 * message. Measured: the time from the kill to the end-of-file.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class PipeWriterKilledTest {
  @RegisterExtension
  final Children children = new Children();

  @Test
  void theReaderGetsWholeMessagesThenEndOfFile() throws Exception {
    KillMidWrite kills = new KillMidWrite(children, 13);
    int rounds = FaultSize.pick(4, 60);
    int discarded = 0;
    for (int r = 0; r < rounds; r++) {
      Pipe pipe = Pipe.open(false);
      Progress progress = new Progress();
      Process writer = new Process(FaultTargets::sendForever, pipe.second(), progress,
          KillMidWrite.ITEM_BYTES);
      StringBuilder eof = new StringBuilder();
      kills.round(writer, progress, tally -> {
        try {
          while (true) {
            tally.accept(pipe.first().recvBytes());
          }
        } catch (ConnectionEOFException e) {
          eof.append(e.getMessage());
          return System.nanoTime();
        }
      }, () -> pipe.second().close(), () -> { }); // the child is the only writer left
      discarded += eof.toString().contains("were discarded") ? 1 : 0;
      pipe.first().close();
    }
    assertThat(kills.midWrite()).as("kills that landed inside a send").isPositive();
    Figures.report("Pipe writer killed mid-message", kills.figure("end-of-file") + "; "
        + discarded + " ends-of-file dropped a partly received message");
  }
}
