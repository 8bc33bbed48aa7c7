package io.taskforge.task.alerts;

/**
 * Ask for alerts, most recent first.
 *
 * @param severity null for all
 * @param acknowledged null for all, else only acknowledged (true) or open (false) ones
 * @param owner only alerts of this owner's tasks; null for every owner's
 */
public record ListAlertsQuery(String severity, Boolean acknowledged, int limit, int offset, String owner) {}
