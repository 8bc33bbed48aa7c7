/** Running tasks: the handler SPI, the built-in handlers and the registry that finds them by type. */
package io.taskforge.execution;
