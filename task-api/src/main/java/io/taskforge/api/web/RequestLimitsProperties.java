package io.taskforge.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a request may send.
 *
 * @param maxBodyBytes the largest request body accepted ({@code TASKFORGE_MAX_BODY_BYTES}: bytes, or
 *     a size such as {@code 2MB}); larger ones are answered 413 before they are read in full
 */
@ConfigurationProperties("taskforge")
record RequestLimitsProperties(
        @DefaultValue(DEFAULT_MAX_BODY) DataSize maxBodyBytes) {

    static final String DEFAULT_MAX_BODY = "1MB";
}
