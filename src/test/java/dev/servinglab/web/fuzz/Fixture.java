package dev.servinglab.web.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds what every fuzz property shares, read once per run: the target app, a client for it, its endpoints, and the
 * values of each path parameter that name something real (the app's own quizzes, exercises and models, the workshop
 * and training run {@link ApiFuzzTest} made).
 */
final class Fixture {

    private static Fixture shared;

    final FuzzTarget target;
    final RawHttp http;
    final Endpoints endpoints;
    private final List<String> quizzes;
    private final List<String> questions;
    private final List<String> exercises;
    private final String deployment;

    private Fixture(FuzzTarget target) {
        this.target = target;
        this.http = new RawHttp(target.base());
        this.endpoints = Endpoints.of(http);
        JsonNode quizList = json(http.send(get("/api/v1/quizzes")));
        this.quizzes = new ArrayList<>();
        this.questions = new ArrayList<>();
        quizList.forEach(quiz -> {
            quizzes.add(quiz.get("slug").asText());
            quiz.path("questions")
                    .forEach(question -> questions.add(question.get("id").asText()));
        });
        this.exercises = new ArrayList<>();
        json(http.send(get("/api/v1/exercises")))
                .forEach(exercise -> exercises.add(exercise.get("id").asText()));
        // A deployment of the fuzz run's own, so that its rollouts never change what the shared endpoint answers.
        this.deployment = json(http.send(new Call(
                        "POST", "/api/v1/deployments", false, Map.of("Accept", "application/json"), null, "fixture")))
                .get("name")
                .asText();
    }

    /** Returns the fixture of this run, reading the target and the app's lists the first time. */
    static synchronized Fixture get() {
        if (shared == null || !shared.target.equals(FuzzTarget.published())) {
            shared = new Fixture(FuzzTarget.published());
        }
        return shared;
    }

    /** Returns values of a path parameter that name something the app has, for the operation's path. */
    List<String> realValues(Endpoints.Operation operation, String name) {
        String path = operation.path();
        return switch (name) {
            case "code" -> List.of(path.endsWith("/close") ? target.spareWorkshop() : target.workshop());
            case "slug", "lesson" -> quizzes;
            case "id" -> {
                if (path.contains("/questions/")) {
                    yield questions;
                }
                yield path.contains("training") ? List.of(target.run()) : exercises;
            }
            case "run" -> List.of(target.run());
            case "model" -> List.of("iris");
            case "name" -> path.contains("/deployments/") ? List.of(deployment) : List.of("mlp", "logreg");
            case "dataset" -> List.of("spambase", "breast-cancer");
            case "version" -> List.of("1");
            case "metric" -> List.of("accuracy", "precision", "recall", "f1");
            default -> List.of("x");
        };
    }

    /** Returns the instructor secret that goes with the workshop an operation's path names. */
    String secretFor(Endpoints.Operation operation) {
        return operation.path().endsWith("/close") ? target.spareSecret() : target.secret();
    }

    private static Call get(String path) {
        return new Call("GET", path, false, Map.of("Accept", "application/json"), null, "fixture");
    }

    private static JsonNode json(Answer answer) {
        try {
            return new ObjectMapper().readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
