package dev.interleave.internal.runtime;

import dev.interleave.mp.Target;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;

/**
 * A serializable lambda or method reference of a {@link Target} interface, carried as the
 * method it calls and its captured values, and called by reflection in the child.
 *
 * <p>Java serialization would rebuild the lambda through {@code LambdaMetafactory}, spinning a
 * class in the child: 20-40 ms in a fresh JVM, most of a warm start. This form resolves the
 * implementation method once and calls it; it implements every {@code Target} interface, so the
 * caller's cast to its own interface holds.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class DirectTarget implements Target.Zero, Target.One, Target.Two, Target.Three,
    Target.Four {
  private static final long serialVersionUID = 1L;
  private static final Set<String> TARGETS = Set.of(
      "dev/interleave/mp/Target$Zero", "dev/interleave/mp/Target$One",
      "dev/interleave/mp/Target$Two", "dev/interleave/mp/Target$Three",
      "dev/interleave/mp/Target$Four");

  private final String implClass;
  private final String implName;
  private final String implSignature;
  private final int implKind;
  private final Object[] captured;

  private DirectTarget(SerializedLambda lambda) {
    this.implClass = lambda.getImplClass().replace('/', '.');
    this.implName = lambda.getImplMethodName();
    this.implSignature = lambda.getImplMethodSignature();
    this.implKind = lambda.getImplMethodKind();
    this.captured = new Object[lambda.getCapturedArgCount()];
    for (int i = 0; i < captured.length; i++) {
      captured[i] = lambda.getCapturedArg(i);
    }
  }

  /** The direct form of {@code lambda}, or null if it is not a Target of ours. */
  static Serializable of(SerializedLambda lambda) {
    return TARGETS.contains(lambda.getFunctionalInterfaceClass()) ? new DirectTarget(lambda) : null;
  }

  @Override
  public void run() throws Exception {
    call();
  }

  @Override
  public void run(Object a) throws Exception {
    call(a);
  }

  @Override
  public void run(Object a, Object b) throws Exception {
    call(a, b);
  }

  @Override
  public void run(Object a, Object b, Object c) throws Exception {
    call(a, b, c);
  }

  @Override
  public void run(Object a, Object b, Object c, Object d) throws Exception {
    call(a, b, c, d);
  }

  private void call(Object... args) throws Exception {
    Object[] all = Arrays.copyOf(captured, captured.length + args.length);
    System.arraycopy(args, 0, all, captured.length, args.length);
    try {
      invoke(all);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw (Error) cause;
    }
  }

  private void invoke(Object[] all) throws ReflectiveOperationException {
    Class<?> owner = Class.forName(implClass, true, Thread.currentThread().getContextClassLoader());
    Class<?>[] params = MethodType.fromMethodDescriptorString(implSignature, owner.getClassLoader())
        .parameterArray();
    if (implKind == MethodHandleInfo.REF_newInvokeSpecial) {
      Constructor<?> ctor = owner.getDeclaredConstructor(params);
      ctor.setAccessible(true);
      ctor.newInstance(all);
      return;
    }
    Method method = owner.getDeclaredMethod(implName, params);
    method.setAccessible(true);
    if (implKind == MethodHandleInfo.REF_invokeStatic) {
      method.invoke(null, all);
    } else {
      method.invoke(all[0], Arrays.copyOfRange(all, 1, all.length));
    }
  }
}
