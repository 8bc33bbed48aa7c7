package io.taskforge.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Replays a read model: its processor starts again from the first event, through its reset handler. */
public final class Replays {

    private Replays() {}

    public static void replay(EventProcessingConfiguration processing, String processingGroup) {
        StreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }
}
