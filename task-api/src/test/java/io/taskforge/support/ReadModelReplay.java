package io.taskforge.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Rebuilds a read model the way an operator would: stop its processor, reset its tokens, start it. */
public final class ReadModelReplay {

    private ReadModelReplay() {}

    public static void replay(EventProcessingConfiguration processing, String processingGroup) {
        StreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }
}
