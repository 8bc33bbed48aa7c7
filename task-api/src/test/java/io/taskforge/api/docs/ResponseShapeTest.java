package io.taskforge.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResponseShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answers_with_the_same_fields_have_the_same_shape_whatever_the_values() {
        assertThat(ResponseShape.differences(
                        json("{'count': 2, 'tasks': [{'id': 'a', 'status': 'running'}]}"),
                        json("{'count': 7, 'tasks': [{'id': 'b', 'status': 'failed'}, {'id': 'c', 'status': 'x'}]}")))
                .isEmpty();
    }

    @Test
    void names_a_field_on_either_side_only() {
        assertThat(ResponseShape.differences(
                        json("{'tasks': [{'id': 'a', 'error': 'boom'}]}"),
                        json("{'tasks': [{'id': 'a', 'stall': null}]}")))
                .containsExactly(
                        "not in the live answer: /tasks/[]/error", "not in the recorded example: /tasks/[]/stall");
    }

    @Test
    void a_null_field_matches_a_filled_one() {
        assertThat(
                        ResponseShape.differences(
                                json("{'stall': null, 'tasks': [{'stall': null}, {'stall': null}]}"),
                                json(
                                        "{'stall': {'kind': 'no_progress'}, 'tasks': [{'stall': {'kind': 'x'}}, {'stall': null}]}")))
                .isEmpty();
    }

    @Test
    void a_field_below_a_filled_object_still_counts() {
        assertThat(ResponseShape.differences(
                        json("{'error': {'type': 't', 'message': 'm'}}"), json("{'error': {'type': 't'}}")))
                .containsExactly("not in the live answer: /error/message");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
