package io.taskforge.api.hardware;

import io.taskforge.hardware.InputState;

/**
 * A press of a mock button.
 *
 * @param heldMs how long the button was held down before it was released
 * @param input the button after its release
 */
record PressResponse(String platform, long heldMs, InputState input) {}
