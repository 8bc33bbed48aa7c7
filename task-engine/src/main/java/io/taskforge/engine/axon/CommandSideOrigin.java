package io.taskforge.engine.axon;

import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;

/**
 * Axon's message origin (correlation and trace ids) for what commands and the subscribing
 * processors send, and none for the events a tracking processor reads. Those processors keep read
 * models and send no messages, yet Axon works out the correlation data of every event they handle
 * for the result it wraps each one in, which read and copied every event's metadata again in every
 * processor: about a tenth of their CPU in a drain (decision 0018).
 */
class CommandSideOrigin implements CorrelationDataProvider {

    private final MessageOriginProvider origin = new MessageOriginProvider();

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof TrackedEventMessage ? Map.of() : origin.correlationDataFor(message);
    }
}
