package io.taskforge.api.recovery;

/**
 * One recommended way to recover from an error.
 *
 * @param strategy a short name, such as {@code retry_with_backoff} or {@code switch_provider}
 * @param description what it does
 * @param when when it fits
 */
record RecoveryStrategy(String strategy, String description, String when) {}
