/** The Worker aggregate, the commands it handles and the rules it enforces. */
package io.taskforge.worker.command;
