package dev.servinglab.oip.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Holds the metadata documents of the Open Inference Protocol.
 */
public final class ProtocolMetadata {

    private ProtocolMetadata() {}

    /** Describes the server. */
    @Schema(name = "ServerMetadata")
    public record Server(
            @Schema(examples = "serving-lab") String name,
            @Schema(examples = "0.1.0") String version,
            List<String> extensions) {}

    /** Describes a model's inputs and outputs. */
    @Schema(name = "ModelMetadata")
    public record Model(
            @Schema(examples = "iris") String name,
            List<String> versions,
            @Schema(examples = "smile_mlp") String platform,
            List<Tensor> inputs,
            List<Tensor> outputs) {}

    /** Describes a tensor; -1 in a shape means any size. */
    @Schema(name = "TensorMetadata")
    public record Tensor(String name, String datatype, List<Long> shape) {}

    /** Says whether the server is live. */
    @Schema(name = "ServerLive")
    public record Live(boolean live) {}

    /** Says whether the server is ready. */
    @Schema(name = "ServerReady")
    public record Ready(boolean ready) {}

    /** Says whether a model is ready. */
    @Schema(name = "ModelReady")
    public record ModelReady(String name, boolean ready) {}
}
