package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * A proxy for an object of a type registered with {@link Manager#register} (CPython's {@code
 * BaseProxy}): {@link #callMethod} calls one of its exposed methods in the manager's process.
 * Pass it to children as a {@link Process} argument; every copy reaches the same object.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Proxy implements ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  Proxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  /** The type id the object was created under. */
  public String typeId() {
    return token.typeId();
  }

  /**
   * Calls the public method {@code method} of the object with {@code args} (serialized), in the
   * manager, and returns its result: CPython's {@code _callmethod}. A result that is itself an
   * object of the manager comes back as a proxy.
   *
   * @throws UnsupportedOperationException if no exposed method of that name takes the arguments
   * @throws RemoteException if the method threw an exception that is not the JDK's
   * @throws ManagerException if the manager is gone
   */
  public Object callMethod(String method, Object... args) {
    return Proxies.call(token, method, args);
  }

  @Override
  public String toString() {
    return "Proxy[" + token + "]";
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
