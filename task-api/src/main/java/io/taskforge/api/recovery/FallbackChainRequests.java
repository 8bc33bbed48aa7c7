package io.taskforge.api.recovery;

import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.engine.recovery.FallbackChainChecks;
import io.taskforge.task.recovery.FallbackChainConfig;
import io.taskforge.task.recovery.FallbackChainId;
import io.taskforge.task.recovery.FallbackStep;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns a chain body into a chain, or into one 422 that names everything wrong with it. */
@Component
class FallbackChainRequests {

    private final FallbackChainChecks checks;

    FallbackChainRequests(FallbackChainChecks checks) {
        this.checks = checks;
    }

    FallbackChainConfig configOf(FallbackChainId chainId, FallbackChainBody body) {
        List<String> problems = new ArrayList<>();
        List<FallbackStep> steps = new ArrayList<>();
        List<StepBody> requested = body.steps() == null ? List.of() : body.steps();
        for (int i = 0; i < requested.size(); i++) {
            requested.get(i).toStep(i, problems).ifPresent(steps::add);
        }
        var config = new FallbackChainConfig(
                body.name(), body.match() == null ? null : body.match().toMatch(), steps);
        if (problems.isEmpty()) {
            problems.addAll(checks.problems(chainId, config));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ApiErrorCode.VALIDATION_ERROR, String.join("; ", problems));
        }
        return config;
    }
}
