package io.taskforge.execution;

import java.util.Map;

/** Reads typed values out of a handler's JSON input, refusing ones of the wrong kind. */
final class InputValues {

    private InputValues() {}

    static long nonNegativeLong(Map<String, Object> input, String name, long fallback) {
        Object value = input.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && number.doubleValue() >= 0 && number.doubleValue() == number.longValue()) {
            return number.longValue();
        }
        throw new InvalidTaskInputException("input." + name + " must be a whole number of at least 0");
    }
}
