/**
 * Figures over time for charts: how many tasks finished per minute, how many of them failed, and in
 * which categories, read from the task view rather than counted in the browser.
 */
package io.taskforge.api.stats;
