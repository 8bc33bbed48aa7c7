package io.taskforge.api.tasks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A submission's retry overrides; what it leaves out comes from the configured defaults. */
record RetryRequest(
        @Min(1) @Max(100) Integer maxAttempts,
        @Min(0) @Max(86_400_000) Long baseDelayMs,
        @Min(0) @Max(86_400_000) Long maxDelayMs,
        @DecimalMin("0") @DecimalMax("1") Double jitter) {}
