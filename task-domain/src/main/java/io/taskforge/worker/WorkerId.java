package io.taskforge.worker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one external worker by the name it registers with. Its string form, the aggregate
 * identifier in the event store, carries a prefix so that a worker can never share a stream with a
 * task, whatever name it chooses.
 */
public record WorkerId(String value) {

    /** Letters, digits and {@code . _ : @ -}, starting with a letter or digit: safe in a URL path. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");

    public WorkerId {
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("a worker id is 1 to 200 letters, digits or . _ : @ -, starting with a"
                    + " letter or digit; '" + value + "' is not");
        }
    }

    @Override
    public String toString() {
        return "worker:" + value;
    }
}
