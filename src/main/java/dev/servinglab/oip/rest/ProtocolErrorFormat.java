package dev.servinglab.oip.rest;

import dev.servinglab.web.problem.ErrorFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers every error under {@code /v2} as the Open Inference Protocol asks: {@code {"error": "…"}}, with every
 * invalid request reported as 400.
 */
@ApplicationScoped
public class ProtocolErrorFormat implements ErrorFormat {

    /** The path prefix of the protocol's endpoints. */
    static final String PREFIX = "/v2";

    @Override
    public boolean covers(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public Response answer(int status, String detail) {
        return Response.status(status == 422 ? 400 : status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new InferenceError(detail))
                .build();
    }
}
