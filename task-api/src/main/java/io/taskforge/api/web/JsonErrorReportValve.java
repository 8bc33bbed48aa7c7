package io.taskforge.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error page, in the API's shape. Tomcat answers some requests before any application
 * code sees them (a path with an encoded slash or {@code %00}, a malformed escape); its default
 * valve writes an HTML page for those. Errors that reach Spring are answered there and never get here.
 */
class JsonErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    JsonErrorReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String message = response.getMessage();
        String detail = known != null && known.is5xxServerError()
                ? "internal error; see the server log for this request id"
                : message != null && !message.isBlank() ? message : String.valueOf(known);
        String requestId = RequestIds.of(request.getRequest());
        try {
            Writer writer = response.getReporter();
            if (writer == null) {
                return;
            }
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(RequestIds.HEADER, requestId);
            writer.write(json.writeValueAsString(
                    new ApiError(detail, ApiExceptionHandler.typeOf(HttpStatusCode.valueOf(status)), requestId)));
            response.finishResponse();
        } catch (IOException | IllegalStateException unwritable) {
            // the client went away or the response was committed meanwhile: nothing more can be said
        }
    }
}
