package io.taskforge.engine.deadletters;

import java.util.List;

/** A processing group was named that is not a read model with a dead-letter queue. */
public class UnknownReadModelException extends RuntimeException {

    UnknownReadModelException(String processingGroup, List<String> readModels) {
        super("no read model '" + processingGroup + "'; read models: " + String.join(", ", readModels));
    }
}
