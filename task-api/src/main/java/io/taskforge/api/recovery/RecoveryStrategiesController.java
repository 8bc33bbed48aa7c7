package io.taskforge.api.recovery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Seed 003's recovery strategies by error type, from configuration. */
@RestController
@Tag(name = ApiTags.SELF_HEALING)
class RecoveryStrategiesController {

    /** The strategies for one error type. */
    record StrategiesResponse(String errorType, String classification, List<RecoveryStrategy> strategies) {}

    /** Every error type the table knows. */
    record AllStrategiesResponse(int count, List<StrategiesResponse> errorTypes) {}

    private final RecoveryProperties properties;

    RecoveryStrategiesController(RecoveryProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/api/v1/recovery/strategies")
    @Operation(summary = "The recovery strategies of every known error type")
    AllStrategiesResponse all() {
        List<StrategiesResponse> all = properties.strategies().entrySet().stream()
                .map(RecoveryStrategiesController::response)
                .toList();
        return new AllStrategiesResponse(all.size(), all);
    }

    @GetMapping("/api/v1/recovery/strategies/{errorType}")
    @Operation(
            summary = "The recommended recovery strategies for an error type, best first",
            description = "Types include timeout, auth_failure, rate_limit, network_error, validation_error,"
                    + " server_error and every type the engine's handlers report; an unknown type answers 404"
                    + " listing the known ones.")
    StrategiesResponse strategies(@PathVariable String errorType) {
        String type = errorType.toLowerCase(Locale.ROOT);
        ErrorTypeAdvice advice = properties.strategies().get(type);
        if (advice == null) {
            throw new ApiException(
                    ApiErrorCode.NOT_FOUND,
                    "unknown error type '" + errorType + "'; known types: "
                            + String.join(", ", properties.strategies().keySet()));
        }
        return response(Map.entry(type, advice));
    }

    private static StrategiesResponse response(Map.Entry<String, ErrorTypeAdvice> entry) {
        return new StrategiesResponse(
                entry.getKey(),
                entry.getValue().classification(),
                entry.getValue().strategies());
    }
}
