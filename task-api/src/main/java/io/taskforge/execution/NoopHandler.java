package io.taskforge.execution;

import org.springframework.stereotype.Component;

/** Does nothing and succeeds: for demos, smoke tests and measuring the engine's own overhead. */
@Component
class NoopHandler implements TaskHandler {

    @Override
    public String type() {
        return "noop";
    }
}
