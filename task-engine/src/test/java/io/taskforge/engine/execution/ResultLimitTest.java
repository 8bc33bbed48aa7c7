package io.taskforge.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLimitTest {

    private final ResultLimit limit = new ResultLimit(new ObjectMapper());

    @Test
    void keepsAResultWithinTheLimitAsItIs() {
        Map<String, Object> result = Map.of("status", 200, "body", "x".repeat(1000));

        assertThat(limit.bounded(result)).isSameAs(result);
    }

    @Test
    void keepsTheSmallFieldsOfAnOversizedResultAndShowsTheStartOfTheLargeOnes() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", 200);
        result.put("body", "x".repeat(ResultLimit.MAX_RESULT_BYTES));

        Map<String, Object> bounded = limit.bounded(result);

        assertThat(bounded).containsEntry("status", 200).containsEntry("result_truncated", true);
        assertThat((String) bounded.get("body"))
                .hasSize(ResultLimit.MAX_FIELD_PREVIEW_CHARS)
                .startsWith("\"xxx");
        assertThat((String) bounded.get("result_note"))
                .contains("over the limit of " + ResultLimit.MAX_RESULT_BYTES + " bytes")
                .contains("only the start of their JSON: body");
    }

    @Test
    void leavesOutFieldsOnceTheBoundedResultIsFull() {
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            result.put("field-" + i, "y".repeat(3000));
        }

        Map<String, Object> bounded = limit.bounded(result);

        assertThat(bounded.size()).isLessThan(result.size());
        assertThat((String) bounded.get("result_note")).contains("more field(s) were left out");
    }
}
