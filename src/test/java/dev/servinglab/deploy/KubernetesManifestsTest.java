package dev.servinglab.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Checks the manifests an operator applies from {@code deploy/} offline, as CI can (no cluster, no schema from the
 * network): each document is read strictly into the Kubernetes API's types ({@link Manifests}), then held to the
 * rules the README promises, against the running app where the app is the judge (the probes' paths, the settings'
 * names). That {@code deploy/serving-lab.yml} is what the build generates is {@link KubernetesManifestsIT}'s.
 *
 * <p>What it cannot catch: what only a cluster decides (admission policies, a StorageClass, whether the image
 * exists and starts there), value rules the types do not encode (a port's range, a label's syntax), and fields of
 * the Kubernetes API newer than the model's version.
 */
@QuarkusTest
class KubernetesManifestsTest {

    private static final String APP = "serving-lab";
    private static final String DATABASE = "serving-lab-postgres";

    /** The settings the app cannot run on PostgreSQL without, and which carry a password or may carry one. */
    private static final List<String> DATASOURCE_ENV =
            List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i)password|secret|token|credential|private");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mg])");
    private static final Pattern JDBC_POSTGRES = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

    private final List<HasMetadata> app = Manifests.read("serving-lab.yml");
    private final List<HasMetadata> database = Manifests.read("postgres.yaml");
    private final List<HasMetadata> secretExample = Manifests.read("secret.example.yaml");

    @Test
    void everyManifestIsReadStrictlyAndAMisspelledFieldIsRefused() throws IOException {
        try (Stream<Path> files = Files.list(Manifests.DEPLOY)) {
            List<String> manifests = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yml") || f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml"))
                    .toList();
            assertThat(manifests, hasItems("serving-lab.yml", "postgres.yaml", "secret.example.yaml"));
            for (String manifest : manifests) {
                assertThat(manifest + " holds resources", Manifests.read(manifest), not(empty()));
            }
        }
        String misspelled = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: typo
                spec:
                  sessionAfinity: ClientIP
                """;
        var refused = assertThrows(IllegalArgumentException.class, () -> Manifests.parse(misspelled, "typo.yaml"));
        assertThat(refused.getMessage(), containsString("sessionAfinity"));
        String wrongKind = "apiVersion: v1\nkind: Deployment\nmetadata:\n  name: typo\n";
        assertThrows(IllegalArgumentException.class, () -> Manifests.parse(wrongKind, "kind.yaml"));
    }

    @Test
    void kustomizationAppliesBothManifestsAndRenamesTheAppsImage() throws IOException {
        JsonNode kustomization = new YAMLMapper()
                .readTree(Manifests.DEPLOY.resolve("kustomization.yaml").toFile());
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asText()));
        assertThat(resources, hasItems("serving-lab.yml", "postgres.yaml"));
        assertThat(
                "the Secret is made by hand, never applied from the example",
                resources,
                not(hasItems("secret.example.yaml")));
        for (String resource : resources) {
            assertThat(resource, Files.exists(Manifests.DEPLOY.resolve(resource)), equalTo(true));
        }
        String image = container(deployment()).getImage();
        assertThat(
                "kustomization.yaml's images[0].name is the Deployment's image, or the override misses it",
                kustomization.path("images").path(0).path("name").asText(),
                equalTo(image.split(":")[0]));
    }

    @Test
    void theAppRunsOnSeveralInstancesBehindOneServiceThatKeepsALearnerOnOne() {
        Deployment deployment = deployment();
        assertThat("replicas", deployment.getSpec().getReplicas(), greaterThanOrEqualTo(2));
        Map<String, String> podLabels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(
                "the Deployment's selector picks its own pods",
                deployment.getSpec().getSelector().getMatchLabels().entrySet(),
                everyItem(in(podLabels.entrySet())));

        Service service = Manifests.one(app, Service.class, APP);
        assertThat(
                "the Service selects the Deployment's pods",
                service.getSpec().getSelector().entrySet(),
                everyItem(in(podLabels.entrySet())));
        Set<Integer> containerPorts = new HashSet<>();
        container(deployment).getPorts().forEach(p -> containerPorts.add(p.getContainerPort()));
        assertThat("the Service's ports", service.getSpec().getPorts(), not(empty()));
        for (ServicePort port : service.getSpec().getPorts()) {
            assertThat(
                    "the Service's target port is the container's",
                    port.getTargetPort().getIntVal(),
                    in(containerPorts));
        }
        assertThat(
                "training runs live on the instance that trains them",
                service.getSpec().getSessionAffinity(),
                equalTo("ClientIP"));
    }

    @Test
    void everyProbeAsksTheAppForAPathItAnswersUpOnTheContainersPort() {
        Container container = container(deployment());
        // The test app listens on a port of its own: the probes must use the port the container declares for HTTP.
        int httpPort = container.getPorts().stream()
                .filter(p -> "http".equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named http"));
        Map<String, Probe> probes = Map.of(
                "startup", container.getStartupProbe(),
                "readiness", container.getReadinessProbe(),
                "liveness", container.getLivenessProbe());
        probes.forEach((kind, probe) -> {
            assertThat(kind + " probe", probe, notNullValue());
            HTTPGetAction get = probe.getHttpGet();
            assertThat(kind + " probe's port", get.getPort().getIntVal(), equalTo(httpPort));
            given().when().get(get.getPath()).then().statusCode(200).body("status", equalTo("UP"));
        });
        assertThat(
                "liveness must not depend on the database: an outage would restart every instance",
                container.getLivenessProbe().getHttpGet().getPath(),
                not(containsString("ready")));
    }

    @Test
    void resourcesReserveMoreThanTheHeapTheImageAllows() throws IOException {
        ResourceRequirements resources = container(deployment()).getResources();
        for (String resource : List.of("cpu", "memory")) {
            assertThat("requests", resources.getRequests(), hasKey(resource));
            assertThat("limits", resources.getLimits(), hasKey(resource));
            assertThat(
                    resource + ": the limit is at least the request",
                    bytes(resources.getLimits().get(resource)),
                    greaterThanOrEqualTo(bytes(resources.getRequests().get(resource))));
        }
        Matcher xmx = XMX.matcher(Files.readString(Path.of("Dockerfile")));
        assertThat("the Dockerfile caps the heap with -Xmx", xmx.find(), equalTo(true));
        BigDecimal heap =
                BigDecimal.valueOf(Long.parseLong(xmx.group(1)) << (xmx.group(2).equals("g") ? 30 : 20));
        assertThat(
                "the memory request holds more than the heap: the JVM needs memory outside it too",
                bytes(resources.getRequests().get("memory")),
                greaterThan(heap));
    }

    @Test
    void databaseSettingsComeFromTheSecretWhoseExampleHasEveryKeyTheManifestsRead() {
        Container container = container(deployment());
        Map<String, EnvVar> env = new HashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        for (String name : DATASOURCE_ENV) {
            assertThat(env, hasKey(name));
            assertThat(
                    name + " comes from a Secret", env.get(name).getValueFrom().getSecretKeyRef(), notNullValue());
        }

        Secret example = Manifests.one(secretExample, Secret.class, "serving-lab-db");
        List<SecretKeySelector> references = Stream.concat(
                        Stream.of(deployment().getSpec().getTemplate().getSpec()),
                        Stream.of(statefulSet().getSpec().getTemplate().getSpec()))
                .flatMap(pod -> pod.getContainers().stream())
                .flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .toList();
        assertThat(references.size(), greaterThanOrEqualTo(DATASOURCE_ENV.size()));
        for (SecretKeySelector reference : references) {
            assertThat(
                    "the Secret example's name",
                    reference.getName(),
                    equalTo(example.getMetadata().getName()));
            assertThat("the Secret example's keys", example.getStringData(), hasKey(reference.getKey()));
        }

        // The example's URL points at postgres.yaml's Service and at the database its StatefulSet makes.
        String url = example.getStringData()
                .get(env.get("QUARKUS_DATASOURCE_JDBC_URL")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getKey());
        Matcher jdbc = JDBC_POSTGRES.matcher(url);
        assertThat(url + " is a PostgreSQL JDBC URL", jdbc.matches(), equalTo(true));
        Service databaseService = Manifests.one(database, Service.class, DATABASE);
        assertThat("host", jdbc.group(1), equalTo(databaseService.getMetadata().getName()));
        assertThat(
                "port",
                Integer.valueOf(jdbc.group(2)),
                equalTo(databaseService.getSpec().getPorts().getFirst().getPort()));
        String databaseName = container(statefulSet().getSpec().getTemplate().getSpec()).getEnv().stream()
                .filter(e -> e.getName().equals("POSTGRES_DB"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow();
        assertThat("database", jdbc.group(3), equalTo(databaseName));
        assertThat("the StatefulSet's Service", statefulSet().getSpec().getServiceName(), equalTo(DATABASE));
        assertThat(
                "the database Service selects the StatefulSet's pod",
                databaseService.getSpec().getSelector().entrySet(),
                everyItem(in(statefulSet()
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .entrySet())));
    }

    @Test
    void theConfigMapHoldsOnlySettingsTheAppReadsAndNoSecret() {
        List<String> configMaps = container(deployment()).getEnvFrom().stream()
                .map(EnvFromSource::getConfigMapRef)
                .filter(Objects::nonNull)
                .map(ref -> ref.getName())
                .toList();
        assertThat("the Deployment reads the ConfigMap", configMaps, hasItems(APP));
        ConfigMap settings = Manifests.one(app, ConfigMap.class, APP);
        assertThat(settings.getData(), not(aMapWithSize(0)));

        Set<String> known = settingsTheAppReads();
        settings.getData().forEach((name, value) -> {
            assertThat(name + " is a setting the app reads", name, in(known));
            assertThat(
                    name + " looks like a secret: put it in the Secret",
                    SECRET_LOOKING.matcher(name).find(),
                    equalTo(false));
            assertThat(
                    name + "'s value carries a password",
                    value.toLowerCase(Locale.ROOT),
                    not(containsString("password=")));
        });
        URI publicUrl = URI.create(settings.getData().get("SERVING_LAB_WORKSHOP_PUBLIC_URL"));
        assertThat("the join address is absolute", publicUrl.isAbsolute(), equalTo(true));
    }

    /**
     * Returns the environment names of every setting the app reads: the properties the running app's config
     * knows, those the app's own {@link ConfigMapping}s declare (even unset optional ones), and Quarkus's HTTP
     * settings (the proxy's among them).
     */
    private static Set<String> settingsTheAppReads() {
        Set<String> names = new HashSet<>();
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        config.getPropertyNames().forEach(names::add);
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.servinglab");
        List<Class<?>> mappings = new ArrayList<>(List.of(VertxHttpConfig.class));
        for (JavaClass type : classes) {
            if (type.isAnnotatedWith(ConfigMapping.class)) {
                mappings.add(type.reflect());
            }
        }
        for (Class<?> mapping : mappings) {
            names.addAll(ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping))
                    .keySet());
        }
        Set<String> env = new HashSet<>();
        for (String name : names) {
            env.add(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return env;
    }

    private static BigDecimal bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }

    private Deployment deployment() {
        return Manifests.one(app, Deployment.class, APP);
    }

    private StatefulSet statefulSet() {
        return Manifests.one(database, StatefulSet.class, DATABASE);
    }

    private static Container container(Deployment deployment) {
        return container(deployment.getSpec().getTemplate().getSpec());
    }

    private static Container container(PodSpec pod) {
        assertThat("one container per pod", pod.getContainers().size(), equalTo(1));
        return pod.getContainers().getFirst();
    }
}
