package dev.servinglab.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes manifests into the Kubernetes API's own types (fabric8's model, the one quarkus-kubernetes
 * generates them with), refusing what a schema check would: a kind this project does not use, a field the type
 * does not have (misspelled or misplaced), a value of the wrong type, a key given twice.
 *
 * <p>fabric8's types keep unknown fields in a map of "additional properties" instead of failing: the reader turns
 * that off, so that Jackson's own check for unknown properties applies to every object at every depth.
 */
final class Manifests {

    /** The folder an operator applies, at the project's root (where Maven runs the tests). */
    static final Path DEPLOY = Path.of("deploy");

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class);

    private static final ObjectMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .annotationIntrospector(new NoAdditionalProperties())
            .build();

    private Manifests() {}

    /** Reads every document of one file in {@link #DEPLOY}, in order. */
    static List<HasMetadata> read(String file) {
        try {
            return parse(Files.readString(DEPLOY.resolve(file)), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the documents of one YAML text; {@code origin} names it in the errors. */
    static List<HasMetadata> parse(String yaml, String origin) {
        List<HasMetadata> resources = new ArrayList<>();
        try (var documents = STRICT.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                String type = document.path("apiVersion").asText() + "/"
                        + document.path("kind").asText();
                Class<? extends HasMetadata> javaType = TYPES.get(type);
                if (javaType == null) {
                    throw new IllegalArgumentException(origin + ": " + type + " is not a kind these manifests use ("
                            + TYPES.keySet() + "): misspelled, or add it");
                }
                resources.add(STRICT.treeToValue(document, javaType));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
        return resources;
    }

    /** Returns the one resource of a kind and name, failing when there is none or more than one. */
    static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> kind, String name) {
        List<T> found = resources.stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .filter(r -> r.getMetadata().getName().equals(name))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected one " + kind.getSimpleName() + " named " + name + ", found " + found.size());
        }
        return found.getFirst();
    }

    /** Leaves no object a place for fields its type does not declare. */
    private static final class NoAdditionalProperties extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
