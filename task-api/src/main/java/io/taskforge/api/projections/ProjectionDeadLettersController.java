package io.taskforge.api.projections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.engine.deadletters.ParkedGroup;
import io.taskforge.engine.deadletters.ParkedTask;
import io.taskforge.engine.deadletters.ProjectionDeadLetters;
import io.taskforge.engine.deadletters.RetryOutcome;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The events read models parked, and retrying them. */
@RestController
@RequestMapping("/api/v1/admin/projections/dead-letters")
@Tag(name = ApiTags.ADMINISTRATION)
class ProjectionDeadLettersController {

    /** One read model's parked events: how many, and the first tasks they belong to. */
    record ReadModelDeadLetters(String processingGroup, long events, long tasks, List<ParkedTask> parked) {}

    /** Every read model's parked events. */
    record DeadLettersResponse(long count, List<ReadModelDeadLetters> processingGroups) {}

    private final ProjectionDeadLetters deadLetters;

    ProjectionDeadLettersController(ProjectionDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(
            summary = "Events the read models parked because they could not apply them",
            description = "Per read model (processing group): how many events and tasks are parked, and the first"
                    + " `limit` tasks (default 100) with their events, the cause of the failure and when it was"
                    + " parked. A task's later events wait behind its first failed one, so its views stay as they"
                    + " were; every other task keeps flowing. Admin keys only.")
    DeadLettersResponse list(
            @Parameter(description = "tasks listed per read model, 1 to 1000")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(1000)
                    int limit) {
        List<ReadModelDeadLetters> groups = deadLetters.summary().stream()
                .map(group -> withParked(group, limit))
                .toList();
        return new DeadLettersResponse(
                groups.stream().mapToLong(ReadModelDeadLetters::events).sum(), groups);
    }

    @PostMapping("/{processingGroup}/retry")
    @Operation(
            summary = "Apply a read model's parked events again, task by task and in order",
            description = "After the cause is fixed: every parked task of the read model, or only `task_id`."
                    + " Tasks whose events all apply leave the queue (`cleared`); the others stay parked with"
                    + " the new cause (`still_parked`). Admin keys only.")
    RetryOutcome retry(
            @PathVariable String processingGroup,
            @Parameter(description = "retry only this task's parked events")
                    @RequestParam(name = "task_id", required = false)
                    String taskId) {
        return taskId == null ? deadLetters.retry(processingGroup) : deadLetters.retry(processingGroup, taskId);
    }

    private ReadModelDeadLetters withParked(ParkedGroup group, int limit) {
        List<ParkedTask> parked = group.events() == 0 ? List.of() : deadLetters.parked(group.processingGroup(), limit);
        return new ReadModelDeadLetters(group.processingGroup(), group.events(), group.tasks(), parked);
    }
}
