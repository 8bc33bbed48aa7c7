package io.taskforge.engine.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.taskforge.task.processing.ProcessingGroup;
import io.taskforge.task.processing.ProcessingGroups;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * How far each read model's processor is behind the event store, in events
 * ({@code taskforge_projection_lag_events{processor}}): the head of the store minus the position
 * of the processor's slowest segment. NaN while a processor is not running here.
 */
@Component
class ProjectionLagMeters implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    ProjectionLagMeters(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ProcessingGroup group : ProcessingGroups.readModels()) {
            Gauge.builder("taskforge.projection.lag.events", this, meters -> meters.lagOf(group.name()))
                    .tag("processor", group.name())
                    .description("Events the read model's processor has yet to apply")
                    .register(registry);
        }
    }

    private double lagOf(String processor) {
        var streaming = processing.eventProcessor(processor, StreamingEventProcessor.class);
        if (streaming.isEmpty() || streaming.get().processingStatus().isEmpty()) {
            return Double.NaN;
        }
        OptionalLong head = position(events.createHeadToken());
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : streaming.get().processingStatus().values()) {
            slowest = Math.min(slowest, status.getCurrentPosition().orElse(-1));
        }
        return head.isEmpty() ? 0 : Math.max(0, head.getAsLong() - slowest);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
