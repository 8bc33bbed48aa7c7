package io.taskforge.api.recovery;

import java.util.List;

/**
 * A chain as a client creates or replaces it.
 *
 * @param version on a replace, the version the client edited: a 409 when the chain changed since;
 *     left out to replace whatever is there
 */
record FallbackChainBody(String name, MatchBody match, List<StepBody> steps, Integer version) {}
