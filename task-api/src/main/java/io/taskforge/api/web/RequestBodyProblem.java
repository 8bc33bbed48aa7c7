package io.taskforge.api.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a request body could not be read, in the API's error terms: a body over the size limit is
 * 413; an unknown field or a value of the wrong type is 422 naming the field; anything that is not
 * one well-formed JSON value is 400. Never Jackson's own wording where it names Java classes.
 */
record RequestBodyProblem(HttpStatus status, String type, String detail) {

    static RequestBodyProblem of(HttpMessageNotReadableException exception) {
        return switch (exception.getCause()) {
            case RequestBodyTooLargeException tooLarge ->
                new RequestBodyProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", tooLarge.getMessage());
            case UnrecognizedPropertyException unknown -> invalid(unknownField(unknown));
            case JsonMappingException mapping when !mapping.getPath().isEmpty() -> invalid(badValue(mapping));
            case JsonMappingException notAnObject ->
                badRequest("the request body must be one JSON object, with nothing after it");
            case JacksonException malformed ->
                badRequest("the request body is not valid JSON: " + malformed.getOriginalMessage()
                        + where(malformed.getLocation()));
            case null, default -> badRequest("the request body is missing or cannot be read");
        };
    }

    private static String unknownField(UnrecognizedPropertyException unknown) {
        return "unknown field '" + path(unknown) + "'; known fields: " + names(unknown.getKnownPropertyIds());
    }

    private static String badValue(JsonMappingException mapping) {
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "field '" + path(mapping) + "' must be " + kindOf(mismatch.getTargetType());
        }
        String reason = mapping.getCause() instanceof JacksonException cause
                ? cause.getOriginalMessage()
                : mapping.getOriginalMessage();
        return "field '" + path(mapping) + "' has an unusable value: " + reason;
    }

    private static String kindOf(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "a JSON object" : "a value of another type";
    }

    /** The field's path as the body spells it: {@code retry.max_attempts}, {@code input.argv[2]}. */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String names(Collection<Object> known) {
        return known == null ? "" : known.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static RequestBodyProblem invalid(String detail) {
        return new RequestBodyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "validation_error", detail);
    }

    private static RequestBodyProblem badRequest(String detail) {
        return new RequestBodyProblem(HttpStatus.BAD_REQUEST, "bad_request", detail);
    }
}
