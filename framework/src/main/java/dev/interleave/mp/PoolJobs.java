package dev.interleave.mp;

import dev.interleave.internal.pool.Chunk;
import dev.interleave.internal.pool.Failure;
import dev.interleave.internal.pool.FunctionCache;
import dev.interleave.internal.pool.Job;
import dev.interleave.internal.pool.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** The jobs behind {@link AsyncResult}s, and the sources of their chunks. */
final class PoolJobs {
  private PoolJobs() {}

  /** One task whose result is its single value. */
  static final class Apply<T> implements Job {
    final AsyncResult<T> result;

    Apply(AsyncResult<T> result) {
      this.result = result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void chunkDone(int index, List<Object> values) {
      result.succeed((T) values.get(0));
    }

    @Override
    public void chunkFailed(int index, Failure failure) {
      result.fail(failure);
    }

    @Override
    public void jobFailed(Failure failure) {
      result.fail(failure);
    }
  }

  /** Many tasks whose results form a list in task order; fails at the first failed chunk. */
  static final class MapAll<R> implements Job {
    final AsyncResult<List<R>> result;
    private final Object[] values;
    private final int[] starts;
    private int chunksLeft;

    MapAll(AsyncResult<List<R>> result, int tasks, int[] starts) {
      this.result = result;
      this.values = new Object[tasks];
      this.starts = starts;
      this.chunksLeft = starts.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void chunkDone(int index, List<Object> chunkValues) {
      boolean last;
      synchronized (this) {
        for (int i = 0; i < chunkValues.size(); i++) {
          values[starts[index] + i] = chunkValues.get(i);
        }
        last = --chunksLeft == 0;
      }
      if (last) {
        result.succeed((List<R>) Arrays.asList(values));
      }
    }

    @Override
    public void chunkFailed(int index, Failure failure) {
      result.fail(failure);
    }

    @Override
    public void jobFailed(Failure failure) {
      result.fail(failure);
    }

    @Override
    public boolean abandoned() {
      return result.ready();
    }
  }

  /** Chunks made up front (by {@link Pool#map} and friends, which fail at submission). */
  static Source listed(Job job, List<Chunk> chunks) {
    Iterator<Chunk> it = chunks.iterator();
    return new Source() {
      @Override
      public Chunk next() {
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public Job job() {
        return job;
      }
    };
  }

  /** Splits argument lists into chunks of {@code chunksize}, encoding them now. */
  static List<Chunk> chunks(Job job, FunctionCache.Entry f, List<Object[]> args, int chunksize) {
    List<Chunk> chunks = new ArrayList<>();
    for (int start = 0, i = 0; start < args.size(); start += chunksize, i++) {
      List<Object[]> part = args.subList(start, Math.min(args.size(), start + chunksize));
      chunks.add(new Chunk(job, i, start, part.size(), f, encode(part, start)));
    }
    return chunks;
  }

  /** The start position of every chunk of {@code tasks} tasks. */
  static int[] starts(int tasks, int chunksize) {
    int[] starts = new int[(tasks + chunksize - 1) / chunksize];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = i * chunksize;
    }
    return starts;
  }

  static byte[] encode(List<Object[]> part, int start) {
    try {
      return Chunk.encode(part);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot submit task arguments at positions " + start
          + ".." + (start + part.size() - 1) + ": " + e.getMessage()
          + " (a worker receives a serialized copy of each argument)", e);
    }
  }

  /**
   * Chunks made as workers can take them, from an iterator (for {@link Pool#imap}); an argument
   * that cannot be serialized fails its chunk when the chunk is made.
   */
  static Source lazy(PoolIterator<?> results, Job job, FunctionCache.Entry f,
      Iterator<Object[]> args, int chunksize) {
    return new Source() {
      private int index;
      private int position;

      @Override
      public Chunk next() {
        if (!args.hasNext()) {
          results.length(index);
          return null;
        }
        List<Object[]> part = new ArrayList<>(chunksize);
        while (part.size() < chunksize && args.hasNext()) {
          part.add(args.next());
        }
        int start = position;
        position += part.size();
        results.produced();
        byte[] body;
        try {
          body = encode(part, start);
        } catch (IllegalArgumentException e) {
          body = null;
          job.chunkFailed(index, new Failure(Failure.Kind.RAISED, e.getMessage(), e, null, null));
        }
        Chunk c = new Chunk(job, index++, start, part.size(), f, body);
        return body == null ? next() : c;
      }

      @Override
      public Job job() {
        return job;
      }
    };
  }
}
