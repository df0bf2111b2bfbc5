package dev.interleave.mp;

import java.io.Serializable;

/** The messages between proxies and a manager's server, and the token naming a shared object. */
final class ManagerWire {
  /** The id under which the server answers control requests (create, shutdown). */
  static final String SERVER = "#manager";

  private ManagerWire() {}

  /**
   * What a proxy is: the server's address (in {@link ManagerAddress}'s form) and key, the
   * server's identity (random, so that a proxy is recognized by its own server whatever address
   * its client used), the object's id and its type id (CPython's {@code Token}).
   */
  record Token(String address, byte[] authkey, String server, String id, String typeId)
      implements Serializable {
    private static final long serialVersionUID = 2L;

    /** The same token, reached at {@code at} (the address its client connected to). */
    Token at(String at) {
      return at.equals(address) ? this : new Token(at, authkey, server, id, typeId);
    }

    @Override
    public String toString() {
      return typeId + " " + id + " at " + address;
    }
  }

  /** Call {@code method(args)} on the object {@code id}. */
  record Request(String id, String method, Object[] args) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The answer: a value (a {@link Token} when the result is itself a shared object), or what
   * the method threw: a JDK exception as is, any other as its class, message and stack trace.
   */
  record Reply(Object value, Exception error) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
