package io.taskforge.api.dlq;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.task.dlq.RedriveFilter;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Objects;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bulk redrive of the dead letter queue by filter. */
@RestController
@Tag(name = ApiTags.SELF_HEALING)
class RedriveController {

    /** Tasks a redrive takes when the request does not say. */
    static final int DEFAULT_LIMIT = 100;

    /** What each task's timeline says when the request gives no reason. */
    static final String DEFAULT_REASON = "bulk redrive from the dead letter queue";

    private final Redrive redrive;

    RedriveController(Redrive redrive) {
        this.redrive = redrive;
    }

    @PostMapping("/api/v1/failed-tasks/retry")
    @Operation(
            summary = "Send pending dead letters back to the queue by filter, or count them first with dry_run",
            description = "Filters: error_type, provider, type, since, until (moved to the DLQ in [since, until))."
                    + " The oldest up to limit are taken; those whose provider's circuit breaker is open are held"
                    + " back and listed, the rest are requeued at rate_per_second at most (taskforge.redrive."
                    + "rate-per-second). A dry run answers the count and a sample and changes nothing.")
    RedriveResponse redrive(@Valid @RequestBody BulkRedriveRequest request, Principal principal) {
        int limit = Objects.requireNonNullElse(request.limit(), DEFAULT_LIMIT);
        if (limit > redrive.maxTasks()) {
            throw new ApiException(
                    ApiErrorCode.VALIDATION_ERROR, "limit: at most " + redrive.maxTasks() + " tasks per redrive");
        }
        if (request.since() != null
                && request.until() != null
                && !request.since().isBefore(request.until())) {
            throw new ApiException(ApiErrorCode.VALIDATION_ERROR, "since must lie before until");
        }
        var filter = new RedriveFilter(
                request.errorType(), request.provider(), request.type(), request.since(), request.until(), null);
        return redrive.run(
                filter,
                limit,
                redrive.rateFor(request.ratePerSecond()),
                Boolean.TRUE.equals(request.dryRun()),
                Objects.requireNonNullElse(request.reason(), DEFAULT_REASON),
                principal.getName());
    }
}
