package io.taskforge.task.alerts;

import java.util.UUID;

/** Ask for one alert. */
public record FindAlertQuery(UUID alertId) {}
