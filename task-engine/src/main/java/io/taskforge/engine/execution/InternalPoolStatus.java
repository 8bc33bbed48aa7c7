package io.taskforge.engine.execution;

import java.util.List;

/**
 * This node's pool of internal workers.
 *
 * @param running whether the pool takes work
 * @param size how many workers it has
 * @param workers each worker, those still finishing an attempt beyond the size included
 */
public record InternalPoolStatus(boolean running, int size, List<InternalWorker> workers) {}
