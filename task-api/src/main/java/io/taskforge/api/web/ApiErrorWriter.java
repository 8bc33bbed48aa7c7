package io.taskforge.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes an {@link ApiError} from places outside Spring MVC, such as security filters. */
@Component
public class ApiErrorWriter {

    private final ObjectMapper mapper;

    ApiErrorWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), new ApiError(detail, type, RequestIds.of(request)));
    }

    /** The refusal as the API's exception handler answers it, for places it does not reach. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiException refused)
            throws IOException {
        write(request, response, refused.code().status().value(), refused.code().wireName(), refused.getMessage());
    }
}
