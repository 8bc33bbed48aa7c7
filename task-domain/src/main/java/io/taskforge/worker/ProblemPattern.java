package io.taskforge.worker;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob a worker names the work it takes with: {@code *} stands for any run of characters,
 * {@code ?} for one, everything else for itself. It is held against a task's problem id (seed 002
 * tasks), or against its type when the task has no problem id.
 */
public record ProblemPattern(String glob) {

    public static final int MAX_CHARS = 200;

    public ProblemPattern {
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank() || glob.length() > MAX_CHARS) {
            throw new IllegalArgumentException("a supported problem pattern is 1 to " + MAX_CHARS + " characters");
        }
    }

    /** Matches a task by its problem id, or by its type when it has none. */
    public boolean matches(String problemId, String type) {
        return regex().matcher(problemId != null ? problemId : type).matches();
    }

    /** The same pattern for SQL's {@code LIKE ... ESCAPE '\'}. */
    public String sqlLike() {
        StringBuilder like = new StringBuilder(glob.length() + 8);
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
