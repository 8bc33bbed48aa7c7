/** The Task aggregate, the commands it handles and the rules it enforces. */
package io.taskforge.task.command;
