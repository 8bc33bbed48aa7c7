package io.taskforge.api.workers;

/**
 * How an attempt failed.
 *
 * @param retryable the worker's own verdict; absent to let the engine's classifier decide from the
 *     type and HTTP status, as for a failure in the engine
 * @param httpStatus the status a provider answered, if any
 * @param retryAfterSeconds the wait the provider asked for, if any
 */
record ErrorBody(String type, String message, Boolean retryable, Integer httpStatus, Long retryAfterSeconds) {}
