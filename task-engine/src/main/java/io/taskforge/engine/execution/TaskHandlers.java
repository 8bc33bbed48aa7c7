package io.taskforge.engine.execution;

import io.taskforge.handler.TaskHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every handler the engine has, by type. */
@Component
public class TaskHandlers {

    private final Map<String, TaskHandler> byType;

    TaskHandlers(List<TaskHandler> handlers) {
        this.byType = handlers.stream().collect(Collectors.toUnmodifiableMap(TaskHandler::type, Function.identity()));
    }

    public Optional<TaskHandler> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public SortedSet<String> types() {
        return new TreeSet<>(byType.keySet());
    }
}
