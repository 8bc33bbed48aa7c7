package io.taskforge.engine.recovery;

import io.taskforge.engine.execution.TaskHandlers;
import io.taskforge.task.recovery.FallbackChainConfig;
import io.taskforge.task.recovery.FallbackChainId;
import io.taskforge.task.recovery.FallbackTypeLoops;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a chain cannot check on its own: that its fallback types exist, that its name is its own,
 * and that together with the other chains its fallback_type steps never loop between types.
 */
@Component
public class FallbackChainChecks {

    private final FallbackChainCatalog catalog;
    private final TaskHandlers handlers;

    FallbackChainChecks(FallbackChainCatalog catalog, TaskHandlers handlers) {
        this.catalog = catalog;
        this.handlers = handlers;
    }

    /**
     * Everything wrong with the chain as {@code chainId} would have it, the chain's own problems first.
     *
     * @param chainId the chain being changed, left out of the comparison with the others
     */
    public List<String> problems(FallbackChainId chainId, FallbackChainConfig config) {
        List<String> problems = new ArrayList<>(config.problems());
        for (String type : config.fallbackTypes()) {
            if (type != null && !type.isBlank() && handlers.find(type).isEmpty()) {
                problems.add("fallback_type step names the unknown type '" + type + "'; known types: "
                        + String.join(", ", handlers.types()));
            }
        }
        List<StoredChain> others = catalog.live().stream()
                .filter(chain -> !chain.chainId().equals(chainId))
                .toList();
        others.stream()
                .filter(chain -> chain.config().name().equals(config.name()))
                .findFirst()
                .ifPresent(taken -> problems.add("name '" + config.name() + "' is taken by chain " + taken.chainId()));
        List<FallbackChainConfig> all =
                new ArrayList<>(others.stream().map(StoredChain::config).toList());
        all.add(config);
        FallbackTypeLoops.among(all)
                .ifPresent(loop ->
                        problems.add("fallback_type steps would loop between types: " + String.join(" -> ", loop)));
        return problems;
    }
}
