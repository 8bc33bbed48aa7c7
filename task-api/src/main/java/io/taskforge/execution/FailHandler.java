package io.taskforge.execution;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Fails in a chosen way ({@code error_type}, {@code message}, {@code retryable}) for the first
 * {@code times} attempts, or every attempt when {@code times} is absent: for demos and tests of
 * the retry machinery.
 */
@Component
class FailHandler implements TaskHandler {

    @Override
    public String type() {
        return "fail";
    }

    @Override
    public void validate(Map<String, Object> input) {
        InputValues.nonNegativeLong(input, "times", 0);
        Object retryable = input.get("retryable");
        if (retryable != null && !(retryable instanceof Boolean)) {
            throw new InvalidTaskInputException("input.retryable must be true or false");
        }
    }
}
