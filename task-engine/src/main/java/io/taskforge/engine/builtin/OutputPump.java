package io.taskforge.engine.builtin;

import io.taskforge.handler.TaskLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Copies a process's output to the task log line by line, keeping the last lines for the result. */
final class OutputPump implements Runnable {

    static final int MAX_LINE_CHARS = 8 * 1024;

    private final InputStream output;
    private final TaskLog log;
    private final int tailLines;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile boolean detached;

    OutputPump(InputStream output, TaskLog log, int tailLines) {
        this.output = output;
        this.log = log;
        this.tailLines = tailLines;
    }

    @Override
    public void run() {
        StringBuilder line = new StringBuilder();
        boolean overlong = false;
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(output, StandardCharsets.UTF_8)) {
            for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        emit(line, overlong);
                        line.setLength(0);
                        overlong = false;
                    } else if (line.length() < MAX_LINE_CHARS) {
                        line.append(c);
                    } else {
                        overlong = true;
                    }
                }
            }
        } catch (IOException e) {
            // the pipe closes under the reader when the process is destroyed: there is nothing more to read
        }
        if (!line.isEmpty()) {
            emit(line, overlong);
        }
    }

    /** The last lines read, oldest first. */
    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /** Stops writing to the task log: the attempt is over, though something may still hold the output open. */
    void detach() {
        detached = true;
    }

    private void emit(StringBuilder line, boolean overlong) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        String text = line.substring(0, end) + (overlong ? " [line truncated]" : "");
        if (!detached) {
            log.info(text);
        }
        synchronized (this) {
            tail.addLast(text);
            if (tail.size() > tailLines) {
                tail.removeFirst();
            }
        }
    }
}
