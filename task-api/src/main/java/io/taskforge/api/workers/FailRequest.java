package io.taskforge.api.workers;

/** The claimed attempt failed. */
record FailRequest(Integer fencingToken, ErrorBody error) {}
