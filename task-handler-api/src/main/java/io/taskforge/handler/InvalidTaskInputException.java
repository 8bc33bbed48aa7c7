package io.taskforge.handler;

/** A task's input is unusable for its handler; the task is refused at submission. */
public class InvalidTaskInputException extends RuntimeException {

    public InvalidTaskInputException(String message) {
        super(message);
    }
}
