package dev.interleave.internal.harness.control;

import dev.interleave.internal.wire.Connection;
import dev.interleave.internal.wire.FrameDecoder;
import dev.interleave.internal.wire.Message;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads every worker's connection on one thread: a busy controller thread stays warm, where a
 * parked reader per worker would pay a cold wake-up for each message. Each decoded message goes
 * to its worker's current sink, on this thread.
 */
final class Reactor implements Closeable {
  private final Selector selector;
  private final Queue<Runnable> registrations = new ConcurrentLinkedQueue<>();
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
  private volatile boolean closed;

  Reactor() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
    Thread t = new Thread(this::loop, "interleave-reactor");
    t.setDaemon(true);
    t.start();
  }

  /** Starts reading {@code c} for {@code w}. */
  void register(Worker w, Connection c) throws IOException {
    SocketChannel ch = c.nonBlocking();
    registrations.add(() -> {
      try {
        ch.register(selector, SelectionKey.OP_READ, new Reading(w, new FrameDecoder()));
      } catch (IOException e) {
        w.deliver(null);
      }
    });
    selector.wakeup();
  }

  private record Reading(Worker worker, FrameDecoder decoder) {}

  private void loop() {
    while (!closed) {
      try {
        selector.select();
        for (Runnable r; (r = registrations.poll()) != null; ) {
          r.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          read(key);
        }
        selector.selectedKeys().clear();
      } catch (IOException | RuntimeException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void read(SelectionKey key) {
    Reading r = (Reading) key.attachment();
    SocketChannel ch = (SocketChannel) key.channel();
    try {
      buffer.clear();
      int n = ch.read(buffer);
      if (n < 0) {
        throw new IOException("end of stream");
      }
      buffer.flip();
      for (Message m : r.decoder().feed(buffer)) {
        r.worker().deliver(m);
      }
    } catch (IOException e) {
      key.cancel();
      r.worker().deliver(null);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    selector.wakeup();
    selector.close();
  }
}
