package io.taskforge.engine.axon;

import io.taskforge.task.policy.AlertSeverity;
import java.math.BigDecimal;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tasks that land in the dead letter queue are graded.
 *
 * @param criticalAmount a task whose {@code amount} metadata reaches this is critical
 * @param highKinds task kinds ({@code kind} metadata) that are high
 */
@ConfigurationProperties("taskforge.alerts")
record AlertProperties(
        @DefaultValue("100") BigDecimal criticalAmount,
        @DefaultValue({"payment", "withdrawal"}) Set<String> highKinds) {

    AlertSeverity toPolicy() {
        return new AlertSeverity(criticalAmount, highKinds);
    }
}
