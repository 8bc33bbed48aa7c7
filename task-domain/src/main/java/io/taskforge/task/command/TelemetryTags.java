package io.taskforge.task.command;

/**
 * Names of the metadata the Task aggregate puts on the events telemetry counts, so that counters can
 * be tagged by type and provider although the events themselves do not carry them.
 */
public final class TelemetryTags {

    /** The handler type the attempt ran (after a fallback step: the step's). */
    public static final String TYPE = "task_type";

    /** The provider it ran against; absent when none. */
    public static final String PROVIDER = "provider";

    private TelemetryTags() {}
}
