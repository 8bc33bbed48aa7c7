package io.taskforge.api.health;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The engine's overall state as {@code /health} reports it. */
enum HealthStatus {
    /** The database answers quickly and every event processor runs. */
    HEALTHY,
    /** The engine serves requests, but something needs a look: see the report's reasons. */
    DEGRADED,
    /** The database does not answer: the engine can neither read nor record anything. */
    UNHEALTHY;

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
