/** Every event of a task as a timeline entry with a seed-003 type name and a severity. */
package io.taskforge.task.timeline;
