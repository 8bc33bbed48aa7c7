/**
 * Facts the Task aggregate records. Each is final once released: a change of shape goes through
 * an upcaster.
 */
package io.taskforge.task.event;
