package io.taskforge.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's streaming projections: paused while seeding, and watched until they reach the head of the store. */
final class Projections {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, StreamingEventProcessor> processors;
    private final JdbcTemplate jdbc;

    Projections(ConfigurableApplicationContext engine) {
        this.processors = engine.getBean(EventProcessingConfiguration.class).eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> (StreamingEventProcessor) entry.getValue()));
        this.jdbc = engine.getBean(JdbcTemplate.class);
    }

    int size() {
        return processors.size();
    }

    /**
     * Stops every projection once it has claimed all its segments: a processor stopped before its
     * first claims can leave a segment unclaimed after it restarts.
     */
    void pause() throws InterruptedException {
        while (!processors.entrySet().stream().allMatch(entry -> claimedAll(entry.getKey(), entry.getValue()))) {
            Thread.sleep(POLL);
        }
        processors.values().forEach(StreamingEventProcessor::shutDown);
    }

    void resume() {
        processors.values().forEach(StreamingEventProcessor::start);
    }

    /** Waits until every segment of every projection has handled the newest stored event. */
    void awaitHead() throws InterruptedException {
        long head = head();
        while (!processors.values().stream().allMatch(processor -> reached(processor, head))) {
            Thread.sleep(POLL);
        }
    }

    private long head() {
        Long index = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return index == null ? -1 : index;
    }

    private boolean claimedAll(String name, StreamingEventProcessor processor) {
        List<Integer> segments =
                jdbc.queryForList("SELECT segment FROM token_entry WHERE processor_name = ?", Integer.class, name);
        return !segments.isEmpty() && processor.processingStatus().keySet().containsAll(segments);
    }

    private static boolean reached(StreamingEventProcessor processor, long head) {
        return !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.isPresent() && position.getAsLong() >= head);
    }
}
