package io.taskforge.api.health;

/**
 * The answer of {@code /ready}.
 *
 * @param ready the engine has started and its database answers: it can take requests
 * @param database the database answers
 * @param workers some worker takes work: this node's internal pool runs, or an external worker is
 *     online (informational: a node without workers still serves the API)
 */
record ReadinessReport(boolean ready, boolean database, boolean workers) {}
