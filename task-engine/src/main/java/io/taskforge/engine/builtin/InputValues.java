package io.taskforge.engine.builtin;

import io.taskforge.handler.InvalidTaskInputException;
import io.taskforge.handler.PermanentTaskException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;

/** Reads typed values out of a handler's JSON input, refusing wrong ones with a message that names the field. */
final class InputValues {

    private InputValues() {}

    static Map<String, Object> orEmpty(Map<String, Object> input) {
        return input == null ? Map.of() : input;
    }

    static long wholeNumber(Map<String, Object> input, String name, long fallback, long min, long max) {
        Long value = optionalWholeNumber(input, name, min, max);
        return value == null ? fallback : value;
    }

    static Long optionalWholeNumber(Map<String, Object> input, String name, long min, long max) {
        Object value = input.get(name);
        if (value == null) {
            return null;
        }
        Long number = exactLong(value);
        if (number == null || number < min || number > max) {
            throw new InvalidTaskInputException("input." + name + " must be a whole number from " + min + " to " + max);
        }
        return number;
    }

    static Boolean optionalBoolean(Map<String, Object> input, String name) {
        Object value = input.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new InvalidTaskInputException("input." + name + " must be true or false");
    }

    static String optionalText(Map<String, Object> input, String name) {
        Object value = input.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new InvalidTaskInputException("input." + name + " must be a non-empty string");
    }

    static void refuse(Map<String, Object> input, String name, String reason) {
        if (input.containsKey(name)) {
            throw new InvalidTaskInputException("input." + name + " is not supported: " + reason);
        }
    }

    /**
     * Parses input again when an attempt starts: input was checked at submission, so a failure here means the
     * configuration changed since, and no retry can help.
     */
    static <T> T forExecution(Supplier<T> parse) throws PermanentTaskException {
        try {
            return parse.get();
        } catch (InvalidTaskInputException e) {
            throw new PermanentTaskException("validation_error", e.getMessage());
        }
    }

    private static Long exactLong(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }
}
