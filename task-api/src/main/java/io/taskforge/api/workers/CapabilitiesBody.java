package io.taskforge.api.workers;

import java.util.List;

/**
 * What a worker says it can take on.
 *
 * @param maxParallelTasks attempts it runs at once; 1 when absent
 * @param supportedProblems globs over problem ids (and task types, for tasks without one); every task when absent
 */
record CapabilitiesBody(Integer maxParallelTasks, List<String> supportedProblems) {}
