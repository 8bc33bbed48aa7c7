package io.taskforge.api.families.systemtasks;

import java.util.List;

/**
 * One page of a task list.
 *
 * @param count how many tasks the whole list holds, from the task counters; a page may show fewer
 */
record TaskPage<T>(long count, List<T> tasks) {}
