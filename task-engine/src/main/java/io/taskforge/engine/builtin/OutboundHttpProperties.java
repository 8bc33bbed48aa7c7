package io.taskforge.engine.builtin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where {@code http} tasks may send requests.
 *
 * @param allowlist host names ({@code api.example.com}, or {@code *.example.com} for its subdomains),
 *     IP addresses and CIDR ranges ({@code 10.0.0.0/8}) a task may call, comma-separated
 *     ({@code TASKFORGE_HTTP_ALLOWLIST}). When empty any address may be called except this engine's own
 *     ports on this host, link-local addresses and cloud metadata services.
 */
@ConfigurationProperties("taskforge.http")
record OutboundHttpProperties(List<String> allowlist) {

    OutboundHttpProperties {
        allowlist = allowlist == null
                ? List.of()
                : allowlist.stream()
                        .map(String::strip)
                        .filter(entry -> !entry.isEmpty())
                        .toList();
    }
}
