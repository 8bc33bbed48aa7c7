/**
 * Fallback chains in the engine: the chains as they stand (what failures are matched against), the
 * checks a chain needs beyond itself (known handler types, loops between types, unique names), and
 * a chain's configuration history from the event store.
 */
package io.taskforge.engine.recovery;
