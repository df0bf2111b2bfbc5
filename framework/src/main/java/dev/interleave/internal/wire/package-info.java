/**
 * Internal: the harness control channel. Message records, their tags, the frame codec (reader
 * beside writer) and the Unix-domain-socket endpoint between the controller and its workers.
 * May change at any time.
 */
package dev.interleave.internal.wire;
