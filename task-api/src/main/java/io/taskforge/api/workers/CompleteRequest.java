package io.taskforge.api.workers;

import java.util.Map;

/** The claimed attempt succeeded, with its result. */
record CompleteRequest(Integer fencingToken, Map<String, Object> result) {}
