package io.taskforge.api.logs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.web.ApiError;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.engine.logs.TaskLogLine;
import io.taskforge.engine.logs.TaskLogQuery;
import io.taskforge.handler.TaskLog;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves a task's log lines. */
@RestController
@Tag(name = ApiTags.TASK_LOGS)
class TaskLogController {

    private final TaskReads reads;

    TaskLogController(TaskReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/tasks/{taskId}/logs")
    @Operation(
            summary = "A task's log lines, oldest first",
            description = "The first `limit` lines its attempts wrote, at or above `level` when given.")
    @ApiResponse(responseCode = "200", description = "the lines, oldest first; empty when the task wrote none")
    @ApiResponse(
            responseCode = "400",
            description = "unknown level, or limit outside 1 to 1000",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no such task",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    List<TaskLogLine> logs(
            @PathVariable String taskId,
            @Parameter(description = "least severe level to include: debug < info < warning < error < critical")
                    @RequestParam(required = false)
                    String level,
            @Parameter(description = "most lines to return, 1 to 1000")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(1000)
                    int limit) {
        TaskLog.Level minimum = level == null || level.isBlank() ? null : levelNamed(level);
        return reads.logs(new TaskLogQuery(reads.existing(taskId).taskId(), minimum, limit));
    }

    private static TaskLog.Level levelNamed(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(TaskLog.Level.values())
                .filter(level -> level.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ApiErrorCode.BAD_REQUEST,
                        "unknown level '" + text + "'; use debug, info, warning, error or critical"));
    }
}
