package io.taskforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class StrictJsonReaderTest {

    record Body(String description, Integer priority, Long timeoutSeconds, Double jitter, Map<String, Object> input) {}

    private final ObjectMapper strict = new JsonConfiguration()
            .strictJsonReader(
                    new Jackson2ObjectMapperBuilder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
            .getObjectMapper();

    @Test
    void readsAWellFormedBodyWithFreeFormInput() throws Exception {
        Body body = strict.readValue("""
                {"description": "d", "priority": 5, "timeout_seconds": 60, "jitter": 1,
                 "input": {"temperature": 0.7, "steps": "3", "flag": true}}""", Body.class);

        assertThat(body.priority()).isEqualTo(5);
        assertThat(body.jitter()).isEqualTo(1.0);
        assertThat(body.input()).containsEntry("temperature", 0.7).containsEntry("steps", "3");
    }

    @Test
    void refusesUnknownFields() {
        assertThatThrownBy(() -> strict.readValue("{\"timeout_second\": 5}", Body.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"description\": true}",
                "{\"description\": 12}",
                "{\"priority\": \"5\"}",
                "{\"timeout_seconds\": 1.5}",
                "{\"timeout_seconds\": 2.0}",
                "{\"jitter\": \"0.5\"}",
                "{\"input\": \"text\"}"
            })
    void refusesValuesOfTheWrongType(String json) {
        assertThatThrownBy(() -> strict.readValue(json, Body.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesContentAfterTheValue() {
        assertThatThrownBy(() -> strict.readValue("{\"priority\": 1} {}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesDuplicateFields() {
        assertThatThrownBy(() -> strict.readValue("{\"priority\": 1, \"priority\": 2}", Body.class))
                .isInstanceOf(JsonParseException.class);
    }
}
