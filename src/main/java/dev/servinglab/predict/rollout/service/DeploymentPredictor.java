package dev.servinglab.predict.rollout.service;

import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.service.BatchPredictResponse;
import dev.servinglab.predict.service.PipelineTrace;
import dev.servinglab.predict.service.PredictResponse;
import dev.servinglab.predict.service.PredictionPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers predictions through a deployment: routes each request to the version its rollout chooses, counts it for
 * that version, keeps it in the deployment's window of recent requests (for drift and alerts), and gives a shadow
 * its copy once the answer is ready.
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
        Route route = deployment.route(body);
        long start = System.nanoTime();
        PredictResponse answer;
        double[] features = null;
        try {
            features = pipeline.parse(body, route.model());
            answer = pipeline.predict(features, route.model(), false, PipelineTrace.OFF);
        } catch (RuntimeException refused) {
            long took = System.nanoTime() - start;
            route.stats().record(took, true);
            deployment.recent().record(took, features, RecentRequests.REFUSED);
            copy(route.shadow(), body, null);
            throw refused;
        }
        long took = System.nanoTime() - start;
        route.stats().record(took, false);
        deployment.recent().record(took, features, species(route.model(), answer.predictedClass()));
        copy(route.shadow(), body, answer.predictedClass());
        return answer;
    }

    /**
     * Predicts a batch through the deployment: the whole batch goes to one version and counts as one request; each
     * of its flowers joins the window of recent requests, with the batch's latency.
     */
    public BatchPredictResponse batch(Deployment deployment, byte[] body, int maxInstances) {
        Route route = deployment.route(body);
        long start = System.nanoTime();
        ServedModel model = route.model();
        double[][] rows;
        try {
            rows = pipeline.parseBatch(body, model, maxInstances);
        } catch (RuntimeException refused) {
            long took = System.nanoTime() - start;
            route.stats().record(took, true);
            deployment.recent().record(took, null, RecentRequests.REFUSED);
            throw refused;
        }
        List<PredictResponse.BatchItem> items = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            items.add(pipeline.predict(row, model, false, PipelineTrace.OFF).asBatchItem());
        }
        long took = System.nanoTime() - start;
        route.stats().record(took, false);
        for (int i = 0; i < rows.length; i++) {
            deployment
                    .recent()
                    .record(took, rows[i], species(model, items.get(i).predictedClass()));
        }
        copyBatch(route.shadow(), rows, items);
        return new BatchPredictResponse(model.name(), model.version(), items);
    }

    /** Gives the shadow, if any, a copy of a batch's flowers, to be answered later and compared one by one. */
    private void copyBatch(Route.ShadowTarget shadow, double[][] rows, List<PredictResponse.BatchItem> current) {
        if (shadow == null) {
            return;
        }
        queueCopy(shadow, () -> {
            long start = System.nanoTime();
            List<String> answers = new ArrayList<>(rows.length);
            for (double[] row : rows) {
                answers.add(pipeline.predict(row, shadow.model(), false, PipelineTrace.OFF)
                        .predictedClass());
            }
            shadow.stats().record(System.nanoTime() - start, false);
            for (int i = 0; i < rows.length; i++) {
                shadow.comparison().record(current.get(i).predictedClass(), answers.get(i));
            }
        });
    }

    private static int species(ServedModel model, String name) {
        return model.dataset().classNames().indexOf(name);
    }

    /** Gives the shadow, if any, its copy, to be answered later; compares when the current version answered. */
    private void copy(Route.ShadowTarget shadow, byte[] body, String currentSpecies) {
        if (shadow == null) {
            return;
        }
        queueCopy(shadow, () -> {
            long start = System.nanoTime();
            PredictResponse answer;
            try {
                answer = pipeline.run(body, shadow.model(), false, PipelineTrace.OFF);
            } catch (RuntimeException refused) {
                shadow.stats().record(System.nanoTime() - start, true);
                return;
            }
            shadow.stats().record(System.nanoTime() - start, false);
            if (currentSpecies != null) {
                shadow.comparison().record(currentSpecies, answer.predictedClass());
            }
        });
    }

    /** Queues a copy for its shadow, counting it as dropped when the queue is full. */
    private void queueCopy(Route.ShadowTarget shadow, Runnable copy) {
        if (!shadows.submit(copy)) {
            shadow.comparison().drop();
        }
    }
}
