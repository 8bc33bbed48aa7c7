package io.taskforge.api.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.api.security.Caller;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.engine.execution.TaskHandlers;
import io.taskforge.engine.workers.WorkerProperties;
import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.TaskHandler;
import io.taskforge.task.RetrySettings;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns a submission into a task definition: defaults filled in, type and input checked, and nothing
 * that could not be stored, so that a bad value is refused here instead of entering an event. A type
 * left to external workers ({@code TASKFORGE_WORKERS_EXTERNAL_TYPES}) takes any input.
 */
@Component
public class TaskSubmissions {

    /** The most JSON a task's {@code input} may hold. */
    static final int MAX_INPUT_BYTES = 256 * 1024;

    /** The most JSON a task's {@code metadata} may hold. */
    static final int MAX_METADATA_BYTES = 16 * 1024;

    private static final String SEED_002_TIMEOUT = "timeout";

    private final TaskHandlers handlers;
    private final WorkerProperties workers;
    private final TaskDefaultsProperties defaults;
    private final ObjectMapper json;

    TaskSubmissions(
            TaskHandlers handlers, WorkerProperties workers, TaskDefaultsProperties defaults, ObjectMapper json) {
        this.handlers = handlers;
        this.workers = workers;
        this.defaults = defaults;
        this.json = json;
    }

    /**
     * Every submission of a batch as a definition, or one 422 that names each bad one by its index
     * and says why, so a client fixes them all in one go.
     */
    List<TaskDefinition> definitionsOf(List<CreateTaskRequest> requests, Caller caller) {
        List<TaskDefinition> definitions = new ArrayList<>(requests.size());
        List<String> problems = new ArrayList<>();
        for (int index = 0; index < requests.size(); index++) {
            try {
                definitions.add(definitionOf(requests.get(index), caller));
            } catch (ApiException bad) {
                problems.add("tasks[" + index + "]: " + bad.getMessage());
            }
        }
        problems.addAll(repeatedKeys(requests));
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
        return definitions;
    }

    /** The task the caller submits: owned by the key's owner when it has one, created by the key. */
    TaskDefinition definitionOf(CreateTaskRequest request, Caller caller) {
        String type = typeOf(request);
        Optional<TaskHandler> handler = handlers.find(type);
        if (handler.isEmpty() && !workers.isExternalType(type)) {
            throw invalid("unknown task type '" + type + "'; known types: " + String.join(", ", handlers.types())
                    + "; for external workers: " + String.join(", ", workers.externalTypes()));
        }
        Map<String, Object> input = inputOf(request);
        requireAtMost("input", input, MAX_INPUT_BYTES);
        requireAtMost("metadata", request.metadata(), MAX_METADATA_BYTES);
        TaskDefinition definition;
        try {
            if (handler.isPresent()) {
                handler.get().validate(input);
            }
            definition = new TaskDefinition(
                    type,
                    categoryOf(request.category()),
                    request.description(),
                    input,
                    request.metadata(),
                    request.provider() != null
                            ? request.provider()
                            : handler.map(known -> known.provider(input)).orElse(null),
                    Objects.requireNonNullElse(request.priority(), 0),
                    timeoutOf(request),
                    retryOf(request.retry()),
                    caller.ownerOf(request.owner()),
                    caller.getName(),
                    request.problemId(),
                    request.idempotencyKey());
        } catch (InvalidTaskInputException | IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        definition.storageProblem().ifPresent(problem -> {
            throw invalid(problem);
        });
        return definition;
    }

    /**
     * An edited input for a task of this type, as a manual retry runs it: checked as a submission's
     * input is (the handler's own checks, the size limit), or a 422.
     */
    public Map<String, Object> checkedInput(String type, Map<String, Object> input) {
        TaskHandler handler = handlers.find(type)
                .orElseThrow(() -> invalid("the task's type '" + type + "' has no handler on this engine"));
        requireAtMost("input", input, MAX_INPUT_BYTES);
        try {
            handler.validate(input);
        } catch (InvalidTaskInputException | IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return input;
    }

    private void requireAtMost(String field, Map<String, Object> value, int maxBytes) {
        if (value == null) {
            return;
        }
        try {
            int bytes = json.writeValueAsBytes(value).length;
            if (bytes > maxBytes) {
                throw invalid(field + " is " + bytes + " bytes of JSON; at most " + maxBytes + " are allowed");
            }
        } catch (JsonProcessingException unwritable) {
            throw invalid(field + " cannot be written as JSON: " + unwritable.getOriginalMessage());
        }
    }

    private String typeOf(CreateTaskRequest request) {
        if (request.type() != null) {
            return request.type();
        }
        if (request.problemId() != null) {
            return defaults.defaultType();
        }
        throw invalid("type is required (or problem_id, which runs the default type " + defaults.defaultType() + ")");
    }

    private static Map<String, Object> inputOf(CreateTaskRequest request) {
        if (request.input() != null
                && request.parameters() != null
                && !request.input().equals(request.parameters())) {
            throw invalid("give the handler's input as either input or parameters, not both");
        }
        return Objects.requireNonNullElse(request.input() != null ? request.input() : request.parameters(), Map.of());
    }

    private static TaskCategory categoryOf(String category) {
        if (category == null) {
            return TaskCategory.GENERAL;
        }
        try {
            return TaskCategory.valueOf(category.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw invalid(
                    "unknown category '" + category + "'; known categories: " + Arrays.toString(TaskCategory.values()));
        }
    }

    private long timeoutOf(CreateTaskRequest request) {
        if (request.timeoutSeconds() != null) {
            return request.timeoutSeconds();
        }
        if (request.parameters() != null && request.parameters().get(SEED_002_TIMEOUT) != null) {
            Long seconds = wholeNumber(request.parameters().get(SEED_002_TIMEOUT));
            if (seconds != null && seconds >= 1) {
                return seconds;
            }
            throw invalid("parameters.timeout must be a whole number of seconds of at least 1");
        }
        return defaults.defaultTimeoutMinutes() * 60;
    }

    private static Long wholeNumber(Object value) {
        if (!(value instanceof Number number)) {
            return null;
        }
        try {
            return new BigDecimal(number.toString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException fraction) {
            return null;
        }
    }

    private RetrySettings retryOf(RetryRequest retry) {
        RetrySettings fallback = defaults.retry();
        if (retry == null) {
            return fallback;
        }
        return new RetrySettings(
                Objects.requireNonNullElse(retry.maxAttempts(), fallback.maxAttempts()),
                Objects.requireNonNullElse(retry.baseDelayMs(), fallback.baseDelayMillis()),
                Objects.requireNonNullElse(retry.maxDelayMs(), fallback.maxDelayMillis()),
                Objects.requireNonNullElse(retry.jitter(), fallback.jitter()));
    }

    private static List<String> repeatedKeys(List<CreateTaskRequest> requests) {
        Map<String, Integer> firstUse = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        for (int index = 0; index < requests.size(); index++) {
            String key = requests.get(index).idempotencyKey();
            Integer first = key == null ? null : firstUse.putIfAbsent(key, index);
            if (first != null) {
                repeated.add(
                        "tasks[" + index + "]: idempotency_key '" + key + "' is also used by tasks[" + first + "]");
            }
        }
        return repeated;
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ApiErrorCode.VALIDATION_ERROR, detail);
    }
}
