/** Reading a task's own event stream, for the few readers that must not wait for a read model. */
package io.taskforge.engine.history;
