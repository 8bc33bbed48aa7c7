/**
 * The handlers every Taskforge installation has: {@code noop}, {@code sleep}, {@code fail}, {@code http} and
 * {@code command}.
 */
package io.taskforge.engine.builtin;
