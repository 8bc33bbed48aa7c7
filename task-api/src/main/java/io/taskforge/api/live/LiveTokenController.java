package io.taskforge.api.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.security.Caller;
import io.taskforge.api.security.LiveToken;
import io.taskforge.api.security.LiveTokens;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hands browsers the short-lived token they open WebSockets with, since they cannot send a key header. */
@RestController
@Tag(name = ApiTags.LIVE)
class LiveTokenController {

    private final LiveTokens tokens;

    LiveTokenController(LiveTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/live/token")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "A short-lived token that opens live connections as this key: ws://host/ws/...?token=",
            description = "Any key that reads may ask; the token carries the key's role and owner and expires"
                    + " after TASKFORGE_LIVE_TOKEN_TTL (5 minutes). Ask for a new one before every (re)connect."
                    + " 401 without a key.")
    LiveToken issue() {
        Caller caller = Caller.current()
                .orElseThrow(() -> new ApiException(
                        ApiErrorCode.UNAUTHORIZED, "a live token stands for an API key: send the key to get one"));
        return tokens.issue(caller);
    }
}
