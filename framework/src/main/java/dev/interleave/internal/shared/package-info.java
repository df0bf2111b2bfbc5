/**
 * Internal: the mechanics of shared values, arrays and named shared-memory blocks. Not an API;
 * it may change in any release.
 */
package dev.interleave.internal.shared;
