package dev.interleave.internal.wire;

/** The one-byte tag that starts every frame body, one per {@link Message} record. */
final class Tags {
  static final byte HELLO = 1;
  static final byte ARRIVE = 2;
  static final byte EXITED = 3;
  static final byte GO = 4;
  static final byte ASSIGN = 5;
  static final byte ABORT = 6;
  static final byte SHUTDOWN = 9;
  static final byte SPAWN = 10;
  static final byte SIGNAL = 11;
  static final byte STATUS = 12;
  static final byte CHILD_STATE = 13;

  private Tags() {}
}
