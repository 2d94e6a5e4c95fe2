package dev.servinglab.predict.rollout.service;

import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.service.BatchPredictResponse;
import dev.servinglab.predict.service.PipelineTrace;
import dev.servinglab.predict.service.PredictResponse;
import dev.servinglab.predict.service.PredictionPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/**
 * Answers predictions through a deployment: routes each request to the version its rollout chooses, counts it for
 * that version, and gives a shadow its copy once the answer is ready.
 */
@ApplicationScoped
public class DeploymentPredictor {

    private final PredictionPipeline pipeline;
    private final ShadowRunner shadows;

    DeploymentPredictor(PredictionPipeline pipeline, ShadowRunner shadows) {
        this.pipeline = pipeline;
        this.shadows = shadows;
    }

    /** Predicts one flower through the deployment; the answer names the version that gave it. */
    public PredictResponse predict(Deployment deployment, byte[] body) {
        return serve(
                deployment,
                body,
                model -> pipeline.run(body, model, false, PipelineTrace.OFF),
                answer -> List.of(answer.predictedClass()));
    }

    /** Predicts a batch through the deployment: the whole batch goes to one version. */
    public BatchPredictResponse batch(Deployment deployment, byte[] body, int maxInstances) {
        return serve(
                deployment,
                body,
                model -> pipeline.runBatch(body, model, maxInstances),
                answer -> answer.predictions().stream()
                        .map(PredictResponse.BatchItem::predictedClass)
                        .toList());
    }

    private <T> T serve(
            Deployment deployment, byte[] body, Function<ServedModel, T> work, Function<T, List<String>> species) {
        Route route = deployment.route(body);
        long start = System.nanoTime();
        T answer;
        try {
            answer = work.apply(route.model());
        } catch (RuntimeException refused) {
            route.stats().record(System.nanoTime() - start, true);
            if (route.shadow() != null) {
                copy(route.shadow(), work, species, null);
            }
            throw refused;
        }
        route.stats().record(System.nanoTime() - start, false);
        if (route.shadow() != null) {
            copy(route.shadow(), work, species, species.apply(answer));
        }
        return answer;
    }

    /** Gives the shadow its copy, to be answered later; compares the answers when the current one has one. */
    private <T> void copy(
            Route.ShadowTarget shadow,
            Function<ServedModel, T> work,
            Function<T, List<String>> species,
            List<String> currentSpecies) {
        boolean queued = shadows.submit(() -> {
            long start = System.nanoTime();
            T answer;
            try {
                answer = work.apply(shadow.model());
            } catch (RuntimeException refused) {
                shadow.stats().record(System.nanoTime() - start, true);
                return;
            }
            shadow.stats().record(System.nanoTime() - start, false);
            if (currentSpecies != null) {
                List<String> shadowSpecies = species.apply(answer);
                for (int i = 0; i < currentSpecies.size(); i++) {
                    shadow.comparison().record(currentSpecies.get(i), shadowSpecies.get(i));
                }
            }
        });
        if (!queued) {
            shadow.comparison().drop();
        }
    }
}
