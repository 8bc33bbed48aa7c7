package io.taskforge.hardware;

/**
 * What one output of the panel shows now.
 *
 * @param kind {@code digital} or {@code pwm}
 * @param state {@code on} or {@code off}
 * @param dutyCycle a PWM output's brightness, 0 to 100; null for digital outputs
 */
public record OutputState(String name, int pin, String kind, String state, Integer dutyCycle) {}
