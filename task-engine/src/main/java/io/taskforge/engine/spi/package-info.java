/**
 * The engine's side of the handler SPI's ports: {@link io.taskforge.handler.TaskSubmitter}, through
 * which code in the engine's process (a handler, the hardware adapter) creates and cancels tasks.
 */
package io.taskforge.engine.spi;
