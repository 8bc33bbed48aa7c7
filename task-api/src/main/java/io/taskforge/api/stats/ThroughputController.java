package io.taskforge.api.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.task.query.FinishedPerMinuteQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Serves finished tasks per minute: the dashboard's throughput and failure-rate charts. */
@RestController
@Tag(name = ApiTags.TASKS)
class ThroughputController {

    private final TaskReads reads;
    private final Clock clock;

    ThroughputController(TaskReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/api/v1/stats/throughput")
    @Operation(
            summary = "Finished tasks per minute over the last minutes, with the failure rate and a breakdown by"
                    + " category",
            description = "`minutes` (default 60, at most 1440) whole minutes, the current one last and still"
                    + " filling; every minute is listed, those without a finished task with zeros. A task counts in"
                    + " the minute it finished (completed, failed, timed out or cancelled); archived tasks are left"
                    + " out. `failure_rate` is failed and timed-out tasks among those that completed, failed or timed"
                    + " out, in percent. A key that acts for one owner sees that owner's tasks only.")
    Throughput throughput(@RequestParam(defaultValue = "60") @Min(1) @Max(1440) int minutes) {
        Instant now = clock.instant();
        Instant since = Throughput.windowStart(now, minutes);
        return Throughput.of(
                since, now, minutes, reads.finishedPerMinute(new FinishedPerMinuteQuery(since, now.plusNanos(1))));
    }
}
