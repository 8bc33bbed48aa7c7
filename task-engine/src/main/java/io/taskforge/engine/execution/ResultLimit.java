package io.taskforge.engine.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.StorableText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds the result an attempt reports before it becomes an event: a result whose JSON is larger than
 * {@value #MAX_RESULT_BYTES} bytes keeps its small fields, shows the start of each large one as text,
 * and says so in {@code result_truncated} and {@code result_note}.
 */
final class ResultLimit {

    static final int MAX_RESULT_BYTES = 256 * 1024;
    static final int MAX_FIELD_PREVIEW_CHARS = 4 * 1024;

    private final ObjectMapper json;

    ResultLimit(ObjectMapper json) {
        this.json = json;
    }

    Map<String, Object> bounded(Map<String, Object> result) {
        if (result == null || size(result) <= MAX_RESULT_BYTES) {
            return result;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        List<String> previewed = new ArrayList<>();
        int left = 0;
        long bytes = 0;
        for (Map.Entry<String, Object> field : result.entrySet()) {
            String value = text(field.getValue());
            Object stored = field.getValue();
            if (value.length() > MAX_FIELD_PREVIEW_CHARS) {
                stored = StorableText.clean(value, MAX_FIELD_PREVIEW_CHARS);
                value = (String) stored;
                previewed.add(field.getKey());
            }
            bytes += field.getKey().length() + value.length();
            if (bytes > MAX_RESULT_BYTES - MAX_FIELD_PREVIEW_CHARS) {
                left++;
            } else {
                kept.put(field.getKey(), stored);
            }
        }
        kept.put("result_truncated", true);
        kept.put("result_note", note(result, previewed, left));
        return kept;
    }

    private String note(Map<String, Object> result, List<String> previewed, int left) {
        StringBuilder note = new StringBuilder(
                "the result was " + size(result) + " bytes of JSON, over the limit of " + MAX_RESULT_BYTES + " bytes");
        if (!previewed.isEmpty()) {
            note.append("; these fields show only the start of their JSON: ").append(String.join(", ", previewed));
        }
        if (left > 0) {
            note.append("; ").append(left).append(" more field(s) were left out");
        }
        return note.toString();
    }

    private long size(Object value) {
        try {
            return json.writeValueAsBytes(value).length;
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("the result cannot be written as JSON", unwritable);
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("the result cannot be written as JSON", unwritable);
        }
    }
}
