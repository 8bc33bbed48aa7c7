package io.taskforge.engine.queue;

/** How much work of one type the queue holds: waiting tasks and running attempts. */
public record TypeLoad(String type, long waiting, long running) {}
