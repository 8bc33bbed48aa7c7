package io.taskforge.api.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The field paths of a JSON answer ({@code tasks/[]/status}), each marked null or not. Two answers
 * have the same shape when their paths agree, except below a path that is null in either: a null
 * {@code stall} and a filled one are the same field.
 */
final class ResponseShape {

    private final Map<String, Boolean> nullAt = new TreeMap<>();

    private ResponseShape(JsonNode node) {
        walk("", node);
    }

    static ResponseShape of(JsonNode node) {
        return new ResponseShape(node);
    }

    /** What one shape has and the other lacks, each line naming the side it is missing from. */
    static List<String> differences(JsonNode recorded, JsonNode live) {
        ResponseShape expected = of(recorded);
        ResponseShape actual = of(live);
        List<String> differences = new ArrayList<>();
        expected.missingFrom(actual).forEach(path -> differences.add("not in the live answer: " + path));
        actual.missingFrom(expected).forEach(path -> differences.add("not in the recorded example: " + path));
        return differences;
    }

    private List<String> missingFrom(ResponseShape other) {
        return nullAt.keySet().stream()
                .filter(path -> !other.nullAt.containsKey(path))
                .filter(path -> !underNull(path) && !other.underNull(path))
                .toList();
    }

    private boolean underNull(String path) {
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            if (Boolean.TRUE.equals(nullAt.get(path.substring(0, slash)))) {
                return true;
            }
        }
        return false;
    }

    private void walk(String path, JsonNode node) {
        if (!path.isEmpty()) {
            nullAt.merge(path, node.isNull(), Boolean::logicalAnd);
        }
        if (node.isObject()) {
            node.properties().forEach(field -> walk(path + "/" + field.getKey(), field.getValue()));
        } else if (node.isArray()) {
            node.forEach(element -> walk(path + "/[]", element));
        }
    }
}
