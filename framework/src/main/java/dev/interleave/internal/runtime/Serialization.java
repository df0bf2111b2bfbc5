package dev.interleave.internal.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * Java serialization with messages that name the class at fault.
 *
 * <p>Paths of the default file system travel too (as CPython pickles {@code pathlib.Path}):
 * {@link Path} is not {@code Serializable}, so it is replaced by its string form on the way out
 * and resolved back on the way in.
 */
public final class Serialization {
  private Serialization() {}

  /**
   * Serializes {@code value}.
   *
   * @throws IllegalArgumentException naming the class that is not serializable
   */
  public static byte[] serialize(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (ObjectOutputStream out = new PathReplacingOutputStream(bytes)) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException("class " + e.getMessage() + " is not Serializable", e);
    } catch (InvalidClassException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), e);
    }
    return bytes.toByteArray();
  }

  /** Why {@code value} cannot be serialized, or null if it can. */
  public static String problem(Object value) {
    try {
      serialize(value);
      return null;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return e.getMessage();
    }
  }

  /** Deserializes what {@link #serialize} wrote, resolving classes with {@code loader}. */
  public static Object deserialize(byte[] bytes, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
      return in.readObject();
    }
  }

  /** The serialized form of a {@link Path}. */
  private record PathRef(String path) implements Serializable {}

  private static final class PathReplacingOutputStream extends ObjectOutputStream {
    PathReplacingOutputStream(ByteArrayOutputStream out) throws IOException {
      super(out);
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) {
      if (obj instanceof Path p && p.getFileSystem() == FileSystems.getDefault()) {
        return new PathRef(p.toString());
      }
      return obj;
    }
  }

  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(ByteArrayInputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
      enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object obj) {
      return obj instanceof PathRef ref ? Path.of(ref.path()) : obj;
    }

    @Override
    protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
