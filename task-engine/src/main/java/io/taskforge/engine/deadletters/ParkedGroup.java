package io.taskforge.engine.deadletters;

/**
 * How much one read model has parked.
 *
 * @param events parked events
 * @param tasks the tasks they belong to: one read model's parked events are kept per task
 */
public record ParkedGroup(String processingGroup, long events, long tasks) {}
