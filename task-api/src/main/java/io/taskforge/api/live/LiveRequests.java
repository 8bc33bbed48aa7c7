package io.taskforge.api.live;

import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.security.Caller;
import io.taskforge.api.tasks.TaskStatusFilter;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.task.TaskStatus;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.stereotype.Component;

/**
 * Turns what a live connection asks for into its topic, under the caller's owner scoping: a task the
 * caller may not see answers 404 as over REST, another owner's dashboard or events 403.
 */
@Component
class LiveRequests {

    private final TaskReads reads;

    LiveRequests(TaskReads reads) {
        this.reads = reads;
    }

    LiveTopic task(String pathId) {
        return LiveTopic.task(reads.existing(pathId).taskId().toString());
    }

    LiveTopic dashboard(String owner) {
        requireOwnerVisible(owner);
        return LiveTopic.dashboard(owner);
    }

    LiveTopic events(String owner, String type, String statuses) {
        requireOwnerVisible(owner);
        return LiveTopic.events(
                Caller.currentScope().orElse(blankToNull(owner)),
                blankToNull(type),
                TaskStatusFilter.parse(statuses).stream()
                        .map(TaskStatus::wireName)
                        .collect(Collectors.toSet()));
    }

    static Optional<GapAwareTrackingToken> cursor(String after) {
        return Optional.ofNullable(blankToNull(after)).map(LiveCursor::parse);
    }

    private static void requireOwnerVisible(String owner) {
        Optional<String> scope = Caller.currentScope();
        if (scope.isPresent()
                && owner != null
                && !owner.isBlank()
                && !scope.get().equals(owner)) {
            throw new ApiException(ApiErrorCode.FORBIDDEN, "this API key sees only the tasks of owner " + scope.get());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
