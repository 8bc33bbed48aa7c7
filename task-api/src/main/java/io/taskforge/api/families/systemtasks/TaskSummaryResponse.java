package io.taskforge.api.families.systemtasks;

/** The task counts with their one-line summary. */
record TaskSummaryResponse(String summary, long total, long active, long failed, long cancelled) {

    static TaskSummaryResponse of(SystemTaskCounts counts) {
        return new TaskSummaryResponse(
                counts.summary(), counts.total(), counts.active(), counts.failed(), counts.cancelled());
    }
}
