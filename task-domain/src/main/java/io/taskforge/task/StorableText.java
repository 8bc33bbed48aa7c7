package io.taskforge.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text every store of the engine accepts. PostgreSQL refuses the NUL character in text columns and a
 * Java string may hold half of a surrogate pair, which no UTF-8 column can hold; both are fine inside
 * an event's binary payload, so without this check they enter the event store and then fail every
 * read model that copies them.
 */
public final class StorableText {

    /** What {@link #clean} puts in place of a character that cannot be stored. */
    public static final char REPLACEMENT = '\uFFFD';

    /** What {@link #clean} puts at the end of text it cut short. */
    public static final String CUT = "…";

    private StorableText() {}

    /** Why {@code text} cannot be stored as it is; empty when it can. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("contains a NUL character (U+0000), which cannot be stored");
            }
            if (Character.isSurrogate(c) && !pairedAt(text, i)) {
                return Optional.of("contains half of a surrogate pair, which cannot be stored");
            }
        }
        return Optional.empty();
    }

    /**
     * The first string under {@code name} that cannot be stored, in a JSON-like value (maps, lists and
     * scalars, keys included), described with its path, such as {@code input.headers.X-Trace contains ...}.
     */
    public static Optional<String> problemIn(String name, Object value) {
        return switch (value) {
            case String text -> problem(text).map(reason -> name + " " + reason);
            case Map<?, ?> map ->
                map.entrySet().stream()
                        .map(entry -> problemInEntry(name, entry))
                        .flatMap(Optional::stream)
                        .findFirst();
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    Optional<String> found = problemIn(name + "[" + i + "]", list.get(i));
                    if (found.isPresent()) {
                        yield found;
                    }
                }
                yield Optional.empty();
            }
            case null, default -> Optional.empty();
        };
    }

    /**
     * {@code text} with every character that cannot be stored replaced by {@link #REPLACEMENT}, and cut
     * to at most {@code maxChars} characters (ending in {@link #CUT} when it was cut), never inside a
     * surrogate pair. For text the engine produces itself, such as a handler's error message.
     */
    public static String clean(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        // one character more than fits tells whether the text was cut
        int limit = Math.min(text.length(), maxChars + 1);
        StringBuilder cleaned = new StringBuilder(limit);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            cleaned.append(c == '\0' || (Character.isSurrogate(c) && !pairedAt(text, i)) ? REPLACEMENT : c);
        }
        if (text.length() <= maxChars) {
            return cleaned.toString();
        }
        int end = Math.max(0, maxChars - CUT.length());
        if (end > 0 && Character.isHighSurrogate(cleaned.charAt(end - 1))) {
            end--;
        }
        return cleaned.substring(0, end) + CUT;
    }

    private static Optional<String> problemInEntry(String name, Map.Entry<?, ?> entry) {
        String key = String.valueOf(entry.getKey());
        String path = name + "." + key;
        return problem(key)
                .map(reason -> "a field name in " + name + " " + reason)
                .or(() -> problemIn(path, entry.getValue()));
    }

    /** Whether the surrogate at {@code i} is one half of a complete pair. */
    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
