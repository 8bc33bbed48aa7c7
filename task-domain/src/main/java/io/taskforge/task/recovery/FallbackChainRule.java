package io.taskforge.task.recovery;

/** The rules a chain command can break; the API maps each to an HTTP status. */
public enum FallbackChainRule {
    /** The configuration is not a valid chain. */
    INVALID_CHAIN,
    /** The chain was deleted and takes no further changes. */
    DELETED,
    /** The chain changed since the version the caller edited. */
    VERSION_CONFLICT
}
