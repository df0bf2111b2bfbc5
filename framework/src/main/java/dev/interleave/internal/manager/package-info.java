/**
 * Internal: the objects a manager's server holds for its proxies (a list, a dict, a namespace,
 * queues, locks, events, ...) and the reflective dispatch of proxy calls to them. Not an API; it
 * may change in any release.
 */
package dev.interleave.internal.manager;
