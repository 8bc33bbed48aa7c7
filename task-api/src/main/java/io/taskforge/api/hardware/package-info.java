/**
 * The hardware adapter's panel over HTTP: what its loops, outputs and inputs are doing, and a
 * finger for the buttons of the mock platform, so that a user without GPIO can watch it work.
 */
package io.taskforge.api.hardware;
