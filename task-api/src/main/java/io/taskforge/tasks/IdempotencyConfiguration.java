package io.taskforge.tasks;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a failure of the idempotency-key handler fail the command that created the task; Axon's
 * default would log it and carry on, storing a second task under a key already taken.
 */
@Configuration
class IdempotencyConfiguration {

    @Bean
    ConfigurerModule idempotencyKeysPropagateErrors() {
        return configurer -> configurer
                .eventProcessing()
                .registerSubscribingEventProcessor(IdempotencyKeys.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        IdempotencyKeys.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
