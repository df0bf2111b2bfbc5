package dev.interleave.internal.ipc;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The authentication key a TCP {@code Listener} or {@code Client} uses when given none: this
 * process tree's key, in the system property {@value #PROPERTY} (hexadecimal), which children
 * inherit. The first process that needs it and finds none makes 32 random bytes.
 */
public final class AuthKeys {
  /** System property holding the process tree's key, in hexadecimal. */
  public static final String PROPERTY = "interleave.authkey";

  private static final SecureRandom RANDOM = new SecureRandom();

  private AuthKeys() {}

  /**
   * This process's default key (a copy).
   *
   * @throws IllegalArgumentException if the property is not hexadecimal
   */
  public static synchronized byte[] processDefault() {
    String hex = System.getProperty(PROPERTY);
    if (hex == null || hex.isBlank()) {
      byte[] key = new byte[32];
      RANDOM.nextBytes(key);
      System.setProperty(PROPERTY, HexFormat.of().formatHex(key));
      return key;
    }
    try {
      return HexFormat.of().parseHex(hex.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PROPERTY + " must be hexadecimal but was: " + hex, e);
    }
  }
}
