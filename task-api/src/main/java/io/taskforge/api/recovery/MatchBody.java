package io.taskforge.api.recovery;

import io.taskforge.task.recovery.FallbackMatch;
import java.util.List;

/**
 * What a chain matches, as clients write and read it.
 *
 * @param type the task's handler type; null for any
 * @param provider the provider the failed attempt ran against; null for any
 * @param errorTypes error types or kinds (server_error, network_error, timeout...); empty for any
 *     error whose retries are spent
 */
record MatchBody(String type, String provider, List<String> errorTypes) {

    FallbackMatch toMatch() {
        return new FallbackMatch(type, provider, errorTypes);
    }

    static MatchBody of(FallbackMatch match) {
        return new MatchBody(match.type(), match.provider(), match.errorTypes());
    }
}
