/**
 * Hardware loops (Pi4J render and poll loops) supervised as Taskforge tasks. The loops arrive
 * with the hardware issue; until then this module only reserves its place in the build.
 */
package io.taskforge.hardware;
