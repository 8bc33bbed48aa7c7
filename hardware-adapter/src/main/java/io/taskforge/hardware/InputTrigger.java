package io.taskforge.hardware;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.TaskCategory;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What pressing an input does.
 *
 * @param action {@code create-task}: a task of {@code type} with the given category, description
 *     and input; {@code cancel-created}: a cancel command for every task the input named by
 *     {@code cancels} created that may still run
 * @param type the handler type of the task to create, such as {@code sleep}
 * @param category the created task's category, such as {@code ANIMATION}
 * @param description the created task's description
 * @param input the created task's input, as a JSON object, such as {@code {"millis": 5000}}
 * @param cancels the input whose tasks {@code cancel-created} cancels
 * @param timeout how long one attempt of the created task may run
 */
record InputTrigger(
        @DefaultValue("create-task") Action action,
        String type,
        @DefaultValue("general") TaskCategory category,
        String description,
        String input,
        String cancels,
        @DefaultValue("30m") Duration timeout) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kinds of command a press sends. */
    enum Action {
        CREATE_TASK,
        CANCEL_CREATED
    }

    InputTrigger {
        input = input == null || input.isBlank() ? "{}" : input;
        taskInput(input);
        if (action == Action.CREATE_TASK && (type == null || type.isBlank())) {
            throw new IllegalArgumentException("a create-task trigger needs the type of the task to create");
        }
        if (action == Action.CANCEL_CREATED && (cancels == null || cancels.isBlank())) {
            throw new IllegalArgumentException("a cancel-created trigger needs the input whose tasks it cancels");
        }
    }

    /** The created task's input. */
    Map<String, Object> taskInput() {
        return taskInput(input);
    }

    private static Map<String, Object> taskInput(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException notAnObject) {
            throw new IllegalArgumentException(
                    "a trigger's input must be a JSON object: " + notAnObject.getOriginalMessage());
        }
    }
}
