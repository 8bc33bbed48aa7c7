/** Alerts: the list people work through, and acknowledging one. */
package io.taskforge.api.alerts;
