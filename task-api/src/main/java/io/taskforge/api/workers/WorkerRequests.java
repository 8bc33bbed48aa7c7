package io.taskforge.api.workers;

import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.api.web.TaskIdParameter;
import io.taskforge.engine.workers.WorkerProperties;
import io.taskforge.handler.TaskLog;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.TaskId;
import io.taskforge.task.workers.WorkerView;
import io.taskforge.worker.ProblemPattern;
import io.taskforge.worker.WorkerCapabilities;
import io.taskforge.worker.WorkerId;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/** Reads the worker protocol's requests into the engine's terms, refusing what does not fit with a 422. */
@Component
class WorkerRequests {

    /** A worker may not take the name of the internal pool's paths. */
    private static final String RESERVED_ID = "internal";

    private static final Set<String> HEARTBEAT_STATUSES = Set.of("idle", "busy", "offline");
    private static final Set<String> LIST_STATUSES = Set.of(WorkerView.IDLE, WorkerView.BUSY, WorkerView.OFFLINE);

    private final WorkerProperties properties;

    WorkerRequests(WorkerProperties properties) {
        this.properties = properties;
    }

    WorkerId newWorkerId(String text) {
        if (text == null) {
            throw invalid("worker_id is required");
        }
        if (RESERVED_ID.equals(text)) {
            throw invalid("worker_id 'internal' is reserved for the internal worker pool");
        }
        try {
            return new WorkerId(text);
        } catch (IllegalArgumentException bad) {
            throw invalid(bad.getMessage());
        }
    }

    /** The worker a path names; a name no worker could have is a worker that is not registered. */
    WorkerId pathWorkerId(String text) {
        try {
            return new WorkerId(text);
        } catch (IllegalArgumentException bad) {
            throw new ApiException(ApiErrorCode.NOT_FOUND, "worker " + text + " is not registered");
        }
    }

    TaskId taskId(String text) {
        return TaskIdParameter.parse(text);
    }

    WorkerCapabilities capabilities(CapabilitiesBody body) {
        int parallel = body == null || body.maxParallelTasks() == null ? 1 : body.maxParallelTasks();
        List<String> globs = body == null || body.supportedProblems() == null ? List.of("*") : body.supportedProblems();
        try {
            return new WorkerCapabilities(
                    parallel,
                    globs.stream()
                            .map(glob -> new ProblemPattern(glob == null ? "" : glob))
                            .toList());
        } catch (IllegalArgumentException bad) {
            throw invalid("capabilities: " + bad.getMessage());
        }
    }

    /** Whether the heartbeat says the worker is leaving. */
    boolean leaving(HeartbeatRequest request) {
        if (request == null || request.status() == null) {
            return false;
        }
        if (!HEARTBEAT_STATUSES.contains(request.status())) {
            throw invalid("status must be idle, busy or offline, not '" + request.status() + "'");
        }
        return request.status().equals("offline");
    }

    /** The attempts a heartbeat names, with their fencing tokens. */
    Map<TaskId, Integer> running(HeartbeatRequest request) {
        Map<TaskId, Integer> running = new HashMap<>();
        if (request == null) {
            return running;
        }
        if (request.currentTaskId() != null) {
            running.put(taskId(request.currentTaskId()), token(request.fencingToken(), "current_task_id"));
        }
        if (request.currentTasks() != null) {
            for (RunningTaskBody task : request.currentTasks()) {
                if (task == null || task.taskId() == null) {
                    throw invalid("current_tasks: every entry needs task_id and fencing_token");
                }
                running.put(taskId(task.taskId()), token(task.fencingToken(), "current_tasks " + task.taskId()));
            }
        }
        return running;
    }

    int token(Integer token, String about) {
        if (token == null) {
            throw invalid("fencing_token is required with " + about + ": send the one its claim carried");
        }
        return token;
    }

    /** The long poll's wait: {@code 30s}, {@code 500ms}, or a number of seconds; none when absent. */
    Duration wait(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        Duration wait;
        try {
            wait = DurationStyle.detectAndParse(text.trim(), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException bad) {
            throw invalid("wait must be a duration such as 30s or 500ms, or a number of seconds; not '" + text + "'");
        }
        if (wait.isNegative() || wait.compareTo(properties.maxClaimWait()) > 0) {
            throw invalid(
                    "wait must lie between 0 and " + properties.maxClaimWait().toSeconds() + "s");
        }
        return wait;
    }

    int percent(ProgressRequest request) {
        if (request.progress() == null || request.progress() < 0 || request.progress() > 100) {
            throw invalid("progress must be a whole number from 0 to 100");
        }
        return request.progress();
    }

    TaskLog.Level level(String text) {
        if (text == null) {
            return TaskLog.Level.INFO;
        }
        try {
            return TaskLog.Level.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException bad) {
            throw invalid("level must be debug, info, warning, error or critical, not '" + text + "'");
        }
    }

    String message(String text) {
        if (text == null) {
            throw invalid("message is required");
        }
        return text;
    }

    TaskError error(ErrorBody body) {
        if (body == null || body.type() == null || body.type().isBlank()) {
            throw invalid("error.type is required");
        }
        if (body.httpStatus() != null && (body.httpStatus() < 100 || body.httpStatus() > 599)) {
            throw invalid("error.http_status must be an HTTP status, 100 to 599");
        }
        return new TaskError(body.type(), body.message() == null ? body.type() : body.message(), body.httpStatus());
    }

    static ErrorClassification verdict(ErrorBody body) {
        if (body.retryable() == null) {
            return null;
        }
        return body.retryable() ? ErrorClassification.RETRYABLE : ErrorClassification.PERMANENT;
    }

    Duration retryAfter(ErrorBody body) {
        if (body.retryAfterSeconds() == null) {
            return null;
        }
        if (body.retryAfterSeconds() < 0) {
            throw invalid("error.retry_after_seconds must not be negative");
        }
        return Duration.ofSeconds(body.retryAfterSeconds());
    }

    String listStatus(String status) {
        if (status != null && !LIST_STATUSES.contains(status)) {
            throw invalid("status must be idle, busy or offline, not '" + status + "'");
        }
        return status;
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ApiErrorCode.VALIDATION_ERROR, detail);
    }
}
