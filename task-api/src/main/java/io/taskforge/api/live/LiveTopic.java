package io.taskforge.api.live;

import java.util.Set;

/**
 * What a live connection follows, and its filters; a null filter matches anything.
 *
 * @param name the topic as messages name it: {@code task:<id>}, {@code user_dashboard:<owner>} or
 *     {@code events}
 * @param statuses task statuses as the REST API names them; empty for all
 */
record LiveTopic(String name, String taskId, String owner, String type, Set<String> statuses) {

    LiveTopic {
        statuses = Set.copyOf(statuses);
    }

    static LiveTopic task(String taskId) {
        return new LiveTopic("task:" + taskId, taskId, null, null, Set.of());
    }

    static LiveTopic dashboard(String owner) {
        return new LiveTopic("user_dashboard:" + owner, null, owner, null, Set.of());
    }

    static LiveTopic events(String owner, String type, Set<String> statuses) {
        return new LiveTopic("events", null, owner, type, statuses);
    }

    /** Whether an event of this task may belong to the topic, before its task is read. */
    boolean mayConcern(String eventTaskId) {
        return taskId == null || taskId.equals(eventTaskId);
    }

    boolean matches(LiveEvent event) {
        return mayConcern(event.taskId())
                && (owner == null || owner.equals(event.owner()))
                && (type == null || type.equals(event.type()))
                && (statuses.isEmpty() || statuses.contains(event.status()));
    }
}
