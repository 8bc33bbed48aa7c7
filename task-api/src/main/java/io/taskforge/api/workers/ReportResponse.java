package io.taskforge.api.workers;

/** A report was recorded for the attempt its fencing token names. */
record ReportResponse(String message, String taskId, int fencingToken) {}
