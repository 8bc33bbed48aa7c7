package io.taskforge.engine.execution;

import io.taskforge.engine.queue.ConcurrencyLimits;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** The node's identity and the concurrency limits it enforces. */
@Configuration
class ExecutionConfiguration {

    private static final Pattern TYPE_LIMIT = Pattern.compile("([A-Z0-9_]+)_MAX_CONCURRENT");

    @Bean
    WorkerIdentity workerIdentity(ExecutionProperties properties) {
        if (properties.workerId() != null && !properties.workerId().isBlank()) {
            return new WorkerIdentity(properties.workerId());
        }
        String suffix = HexFormat.of()
                .toHexDigits(ThreadLocalRandom.current().nextInt())
                .substring(2);
        return new WorkerIdentity("node-" + hostName() + "-" + suffix);
    }

    @Bean
    ConcurrencyLimits concurrencyLimits(ExecutionProperties properties, ConfigurableEnvironment environment) {
        Map<String, Integer> perType = new HashMap<>();
        environment.getSystemEnvironment().forEach((name, value) -> {
            Matcher matcher = TYPE_LIMIT.matcher(name);
            if (matcher.matches()) {
                perType.put(
                        matcher.group(1).toLowerCase(Locale.ROOT),
                        Integer.parseInt(value.toString().trim()));
            }
        });
        perType.putAll(properties.typeLimits());
        return new ConcurrencyLimits(properties.maxConcurrentTasks(), perType);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "localhost";
        }
    }
}
