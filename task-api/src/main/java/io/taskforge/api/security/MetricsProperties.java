package io.taskforge.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Who may read {@code /metrics}.
 *
 * @param open whether {@code /metrics} answers without an API key ({@code taskforge.metrics.public},
 *     {@code TASKFORGE_METRICS_PUBLIC}); when false it needs a viewer key like any other read
 */
@ConfigurationProperties("taskforge.metrics")
public record MetricsProperties(
        @Name("public") @DefaultValue(DEFAULT_PUBLIC) boolean open) {

    static final String DEFAULT_PUBLIC = "true";
}
