package io.taskforge.task;

/** Coarse grouping of tasks for monitoring views; {@link #GENERAL} when none is given. */
public enum TaskCategory {
    API,
    HARDWARE,
    RENDER,
    ANIMATION,
    INPUT,
    SYSTEM,
    TRANSITION,
    EVENTBUS,
    BACKGROUND,
    GENERAL
}
