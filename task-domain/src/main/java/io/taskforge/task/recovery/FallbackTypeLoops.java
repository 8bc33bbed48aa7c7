package io.taskforge.task.recovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds chains whose fallback_type steps would send work round in a circle: a chain for type
 * {@code a} that falls back to {@code b}, and one for {@code b} that falls back to {@code a}, or one
 * chain whose steps come back to a type it already left.
 */
public final class FallbackTypeLoops {

    private FallbackTypeLoops() {}

    /** The first loop among the chains, as the types it passes through ({@code a -> b -> a}); empty when none. */
    public static Optional<List<String>> among(Collection<FallbackChainConfig> chains) {
        Map<String, Set<String>> next = new LinkedHashMap<>();
        for (FallbackChainConfig chain : chains) {
            String from = chain.match().type();
            for (String to : chain.fallbackTypes()) {
                if (from != null) {
                    next.computeIfAbsent(from, type -> new LinkedHashSet<>()).add(to);
                }
                from = to;
            }
        }
        for (String start : next.keySet()) {
            Optional<List<String>> loop = loopFrom(start, next, new ArrayList<>());
            if (loop.isPresent()) {
                return loop;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> loopFrom(String type, Map<String, Set<String>> next, List<String> path) {
        int seen = path.indexOf(type);
        if (seen >= 0) {
            List<String> loop = new ArrayList<>(path.subList(seen, path.size()));
            loop.add(type);
            return Optional.of(loop);
        }
        path.add(type);
        for (String to : next.getOrDefault(type, Set.of())) {
            Optional<List<String>> loop = loopFrom(to, next, path);
            if (loop.isPresent()) {
                return loop;
            }
        }
        path.removeLast();
        return Optional.empty();
    }
}
