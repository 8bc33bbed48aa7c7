package io.taskforge.engine.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CommandSideOriginTest {

    private final CommandSideOrigin origin = new CommandSideOrigin();

    private final GenericDomainEventMessage<String> event = new GenericDomainEventMessage<>(
            "Task", "task-1", 3, "started", MetaData.with("traceId", "trace-1").and("correlationId", "command-1"));

    @Test
    void aCommandStartsItsOwnTrace() {
        var command = GenericCommandMessage.asCommandMessage("start");

        assertThat(dataFor(command))
                .containsEntry("traceId", command.getIdentifier())
                .containsEntry("correlationId", command.getIdentifier());
    }

    @Test
    void whatAnEventHandledInItsCommandsTransactionSendsKeepsTheEventsTrace() {
        assertThat(dataFor(event))
                .containsEntry("traceId", "trace-1")
                .containsEntry("correlationId", event.getIdentifier());
    }

    @Test
    void anEventATrackingProcessorReadsGivesNone() {
        var tracked = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(7), event);

        assertThat(dataFor(tracked)).isEmpty();
    }

    private Map<String, Object> dataFor(Message<?> message) {
        return Map.copyOf(origin.correlationDataFor(message));
    }
}
