package io.taskforge.hardware;

/** A request the panel cannot carry out, with a code saying why. */
public class PanelException extends RuntimeException {

    /** Why the panel refused. */
    public enum Reason {
        /** No input of the panel has that name. */
        UNKNOWN_INPUT,
        /** The input is a real pin: it is pressed by hand, not over HTTP. */
        REAL_PIN
    }

    private final Reason reason;

    PanelException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
