package io.taskforge.hardware;

/**
 * One input of the panel and what pressing it does.
 *
 * @param pressed whether the pin reads as pressed now
 * @param action {@code create-task} or {@code cancel-created}
 * @param creates the type of the task a press creates; null for other actions
 */
public record InputState(String name, int pin, boolean pressed, String action, String creates) {}
