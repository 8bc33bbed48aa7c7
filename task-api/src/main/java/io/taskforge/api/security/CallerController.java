package io.taskforge.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a client what its key may do, so that a page offers only the actions the key is allowed. */
@RestController
@Tag(name = ApiTags.TASKS)
class CallerController {

    /**
     * The caller as the engine sees it.
     *
     * @param role viewer, operator, admin or worker; viewer for a request without a key that may read
     * @param owner the owner the key acts for (its tasks only); null when it sees every owner's tasks
     * @param anonymous whether the request came without a key
     * @param mayOperate whether the caller may submit, cancel and retry tasks
     */
    record CallerResponse(String role, String owner, boolean anonymous, boolean mayOperate) {}

    @GetMapping("/api/v1/me")
    @Operation(
            summary = "The role of the key that sent the request, and the owner it acts for",
            description = "Answers for every key that may read; a request without a key gets an answer only while"
                    + " TASKFORGE_ANONYMOUS_ROLE is viewer, and then may not operate.")
    CallerResponse me() {
        return Caller.current()
                .map(caller -> new CallerResponse(
                        caller.role().name().toLowerCase(Locale.ROOT),
                        caller.scope().orElse(null),
                        false,
                        caller.role() == Role.OPERATOR || caller.role() == Role.ADMIN))
                .orElseGet(() -> new CallerResponse("viewer", null, true, false));
    }
}
