package io.taskforge.execution;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Sleeps for {@code millis}, reporting progress {@code steps} times: a stand-in for long work. */
@Component
class SleepHandler implements TaskHandler {

    @Override
    public String type() {
        return "sleep";
    }

    @Override
    public void validate(Map<String, Object> input) {
        InputValues.nonNegativeLong(input, "millis", 0);
        InputValues.nonNegativeLong(input, "steps", 1);
    }
}
