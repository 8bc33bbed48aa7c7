package io.taskforge.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.taskforge.task.TaskId;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * How the REST API writes domain values (a task id is its UUID string), and how strictly it reads
 * request bodies: an unknown field, a value of the wrong type, a fraction for an integer, a
 * duplicate field or anything after the JSON value is an error rather than silently ignored or
 * coerced. Stored events are untouched: the Axon serializer has a mapper of its own.
 */
@Configuration
class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer taskIdsAsStrings() {
        return builder -> builder.serializerByType(TaskId.class, ToStringSerializer.instance);
    }

    /** Spring Boot's builder is a prototype: this one starts from the API's settings and adds strictness. */
    @Bean
    StrictJsonReader strictJsonReader(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper strict = builder.failOnUnknownProperties(true)
                .featuresToEnable(
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(JsonConfiguration::refuseCoercion)
                .build();
        return new StrictJsonReader(strict);
    }

    private static void refuseCoercion(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
}
