package io.taskforge.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskforge.task.TaskId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Reads the tasks of a JSON answer, which name each task by its id in {@code task_id}. */
public final class TaskJson {

    private TaskJson() {}

    public static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    public static List<String> ids(List<JsonNode> tasks) {
        return tasks.stream().map(task -> task.path("task_id").asText()).toList();
    }

    public static JsonNode byId(List<JsonNode> tasks, TaskId taskId) {
        return tasks.stream()
                .filter(task -> task.path("task_id").asText().equals(taskId.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("task " + taskId + " not listed"));
    }

    public static Set<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }

    /** The timestamp is ISO-8601 in UTC and not in the future. */
    public static void assertIsoUtc(String timestamp) {
        assertThat(timestamp).endsWith("Z");
        assertThat(Instant.parse(timestamp)).isBefore(Instant.now().plusSeconds(1));
    }
}
