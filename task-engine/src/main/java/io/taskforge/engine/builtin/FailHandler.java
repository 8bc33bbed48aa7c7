package io.taskforge.engine.builtin;

import io.taskforge.handler.PermanentTaskException;
import io.taskforge.handler.RetryableTaskException;
import io.taskforge.handler.TaskContext;
import io.taskforge.handler.TaskFailureException;
import io.taskforge.handler.TaskHandler;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Fails in a chosen way for the first {@code times} attempts, or every attempt when {@code times} is absent, then
 * succeeds: for demos and tests of retries, fallbacks and the dead letter queue.
 */
@Component
class FailHandler implements TaskHandler {

    static final String DEFAULT_ERROR_TYPE = "simulated_failure";

    @Override
    public String type() {
        return "fail";
    }

    @Override
    public void validate(Map<String, Object> input) {
        Input.parse(input);
    }

    @Override
    public Map<String, Object> execute(TaskContext context) throws TaskFailureException {
        Input input = InputValues.forExecution(() -> Input.parse(context.input()));
        int attempt = context.attempt();
        if (input.times() != null && attempt > input.times()) {
            return Map.of("succeeded_on_attempt", attempt);
        }
        String message = input.message() != null ? input.message() : "simulated failure on attempt " + attempt;
        if (input.retryable() == null) {
            throw new TaskFailureException(input.errorType(), message, null, null);
        }
        throw input.retryable()
                ? new RetryableTaskException(input.errorType(), message)
                : new PermanentTaskException(input.errorType(), message);
    }

    /** {@code retryable} null leaves the verdict to the engine; {@code times} null fails every attempt. */
    record Input(String errorType, String message, Boolean retryable, Long times) {

        static Input parse(Map<String, Object> input) {
            Map<String, Object> values = InputValues.orEmpty(input);
            String errorType = InputValues.optionalText(values, "error_type");
            return new Input(
                    errorType != null ? errorType : DEFAULT_ERROR_TYPE,
                    InputValues.optionalText(values, "message"),
                    InputValues.optionalBoolean(values, "retryable"),
                    InputValues.optionalWholeNumber(values, "times", 0, Integer.MAX_VALUE));
        }
    }
}
