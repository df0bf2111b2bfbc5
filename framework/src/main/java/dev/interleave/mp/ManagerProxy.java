package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;

/** Implemented by every proxy of a manager's object: the token naming the object. */
interface ManagerProxy {
  Token token();
}
