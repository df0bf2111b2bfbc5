package dev.interleave.internal.manager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;

/**
 * Finds and invokes a public method of a referent by name and arguments, as CPython's manager
 * server calls {@code getattr(obj, methodname)(*args)}.
 *
 * <p>Among the public methods of that name and arity, one whose parameters accept the arguments
 * is chosen; when several do, a primitive parameter wins for a boxed argument (so {@code
 * remove(3)} on a list is {@code remove(int)}).
 */
public final class Dispatch {
  private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class,
      long.class, Long.class, boolean.class, Boolean.class, double.class, Double.class,
      float.class, Float.class, short.class, Short.class, byte.class, Byte.class,
      char.class, Character.class);

  /** Each class's public methods, looked up once ({@code getMethods()} copies them per call). */
  private static final ClassValue<Method[]> METHODS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> type) {
      Method[] methods = type.getMethods();
      for (Method m : methods) {
        if (!Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
          m.trySetAccessible();
        }
      }
      return methods;
    }
  };

  private Dispatch() {}

  /**
   * Invokes {@code method} on {@code target}.
   *
   * @param exposed the method names callers may use, or null for every public method
   * @throws NoSuchMethodException if no exposed public method of that name accepts the arguments
   * @throws InvocationTargetException wrapping what the method threw
   */
  public static Object invoke(Object target, String method, Object[] args, Set<String> exposed)
      throws NoSuchMethodException, InvocationTargetException, IllegalAccessException {
    if (exposed != null && !exposed.contains(method)) {
      throw new NoSuchMethodException("method '" + method + "' is not exposed by "
          + target.getClass().getName() + " (exposed: " + exposed + ")");
    }
    Method m = find(target.getClass(), method, args);
    return m.invoke(target, args);
  }

  private static Method find(Class<?> type, String name, Object[] args)
      throws NoSuchMethodException {
    Method best = null;
    int bestScore = -1;
    for (Method m : METHODS.get(type)) {
      int score = m.getName().equals(name) ? score(m.getParameterTypes(), args) : -1;
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    if (best == null) {
      throw new NoSuchMethodException(type.getName() + " has no public method '" + name
          + "' taking " + args.length + " argument(s) of the given types");
    }
    return best;
  }

  /** -1 if the parameters do not accept the arguments, else a preference (higher is better). */
  private static int score(Class<?>[] params, Object[] args) {
    if (params.length != args.length) {
      return -1;
    }
    int score = 0;
    for (int i = 0; i < params.length; i++) {
      Class<?> p = params[i];
      Object a = args[i];
      if (p.isPrimitive()) {
        if (a == null || BOXES.get(p) != a.getClass()) {
          return -1;
        }
        score += 2;
      } else if (a != null && !p.isInstance(a)) {
        return -1;
      } else {
        score += a != null && p == a.getClass() ? 1 : 0;
      }
    }
    return score;
  }
}
