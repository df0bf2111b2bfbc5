package dev.interleave.internal.pool;

import dev.interleave.internal.ipc.Channel;
import java.io.Serializable;

/**
 * What a pool worker is started with.
 *
 * @param pool the pool's id, the object of the worker's scheduling points
 * @param channel the worker's end of its pipe to the pool
 * @param initializer called once before the first task, or null
 * @param initArgs the initializer's arguments
 * @param maxTasks how many TASKS messages the worker runs before it exits; 0 for no limit
 */
public record WorkerSpec(String pool, Channel.Handle channel, PoolFunction initializer,
    Object[] initArgs, int maxTasks) implements Serializable {}
