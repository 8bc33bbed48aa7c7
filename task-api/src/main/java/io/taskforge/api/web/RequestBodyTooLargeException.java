package io.taskforge.api.web;

import java.io.IOException;

/** A request body went on past the size limit while it was read. */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes, the most this API accepts");
    }
}
