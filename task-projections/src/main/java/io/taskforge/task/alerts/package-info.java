/** Alerts: tasks someone should look at, and who acknowledged them. */
package io.taskforge.task.alerts;
