package dev.servinglab.predict.rollout.service;

import dev.servinglab.model.service.ModelRegistry;
import dev.servinglab.model.service.ServedModel;
import dev.servinglab.predict.rollout.RolloutConfig;
import dev.servinglab.web.problem.AccessDeniedException;
import dev.servinglab.web.problem.ConflictException;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the deployments: the shared iris endpoint that {@code POST /api/v1/predict} serves, and deployments of
 * one's own, made by the lesson widgets so that one learner's canary never changes another's answers. Their number
 * is bounded: the one used longest ago makes way.
 */
@ApplicationScoped
public class Deployments {

    /** The name of the shared deployment behind {@code POST /api/v1/predict}. */
    public static final String SHARED = ModelRegistry.OIP_ALIAS;

    /** Letters of a deployment's name: no look-alikes, so a name can be read aloud or typed from a screen. */
    private static final char[] NAME_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private static final int NAME_LENGTH = 10;

    private final ModelRegistry models;
    private final RolloutConfig config;
    private final SecureRandom random = new SecureRandom();
    private volatile Deployment shared;
    // Access order: the eldest entry is the one used longest ago.
    private final Map<String, Deployment> own = new LinkedHashMap<>(64, 0.75f, true);

    Deployments(ModelRegistry models, RolloutConfig config) {
        this.models = models;
        this.config = config;
    }

    /** Returns the shared deployment, serving the default model until a rollout or a promotion says otherwise. */
    public Deployment shared() {
        Deployment d = shared;
        if (d == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = new Deployment(SHARED, models.defaultModel(), config.window());
                }
                d = shared;
            }
        }
        return d;
    }

    /** Makes a deployment of one's own, serving the default model, under a new name nobody can guess. */
    public synchronized Deployment create() {
        String name;
        do {
            name = newName();
        } while (own.containsKey(name));
        Deployment deployment = new Deployment(name, models.defaultModel(), config.window());
        own.put(name, deployment);
        while (own.size() > config.maxDeployments()) {
            own.remove(own.keySet().iterator().next());
        }
        return deployment;
    }

    /**
     * Finds a deployment by name.
     *
     * @throws ResourceNotFoundException if there is none (or it made way for newer ones)
     */
    public Deployment require(String name) {
        if (SHARED.equals(name)) {
            return shared();
        }
        Deployment deployment;
        synchronized (this) {
            deployment = own.get(name);
        }
        if (deployment == null) {
            throw new ResourceNotFoundException("No deployment is named " + name
                    + ": make one with POST /api/v1/deployments (the oldest make way after "
                    + config.maxDeployments() + ").");
        }
        return deployment;
    }

    /**
     * Starts a rollout on a deployment, replacing any other.
     *
     * @param candidate the name of a served model: a built-in one or a promoted training run
     * @param percent   for a canary, the share it answers; ignored for a shadow (absent is fine)
     * @throws InvalidInputException naming the field whose value cannot be used
     */
    public DeploymentFigures start(String deployment, String candidate, RolloutMode mode, Integer percent) {
        Deployment target = editable(deployment);
        ServedModel model = models.find(candidate)
                .orElseThrow(() -> new InvalidInputException(
                        "candidate",
                        "served",
                        "must name a served model (GET /api/v1/models): promote a training run first"));
        if (model.name().equals(target.current().name())) {
            throw new InvalidInputException("candidate", "different", "is already the current version");
        }
        int share;
        if (mode == RolloutMode.SHADOW) {
            if (percent != null && percent != 100) {
                throw new InvalidInputException(
                        "percent", "shadow", "must be absent or 100: a shadow gets a copy " + "of every request");
            }
            share = 100;
        } else {
            if (percent == null) {
                throw new InvalidInputException("percent", "required", "is required for a canary");
            }
            if (percent < Rollout.MIN_CANARY_PERCENT || percent > Rollout.MAX_CANARY_PERCENT) {
                throw new InvalidInputException(
                        "percent",
                        "range",
                        "must be 1 to 99 for a canary: promote the " + "candidate to give it every request");
            }
            share = percent;
        }
        target.start(new Rollout(model, mode, share));
        return target.figures();
    }

    /** Ends a deployment's rollout: the current version answers everything from the next request on. */
    public DeploymentFigures rollBack(String deployment) {
        Deployment target = editable(deployment);
        target.rollBack();
        return target.figures();
    }

    /**
     * Makes a deployment's candidate its current version.
     *
     * @throws ConflictException if no rollout is in progress
     */
    public DeploymentFigures promote(String deployment) {
        Deployment target = editable(deployment);
        try {
            target.promote();
        } catch (IllegalStateException e) {
            throw new ConflictException("No rollout is in progress on " + deployment + ": start one first.");
        }
        return target.figures();
    }

    /** Serves the default model again as a deployment's current version, ending any rollout. */
    public DeploymentFigures restoreDefault(String deployment) {
        Deployment target = editable(deployment);
        target.reset(models.defaultModel());
        return target.figures();
    }

    /**
     * Replaces a deployment's alert rules.
     *
     * @throws InvalidInputException naming the field out of range
     */
    public AlertReport alerts(String deployment, double p99Ms, double errorRate, int windowSeconds) {
        Deployment target = editable(deployment);
        target.alerts(new AlertRules(p99Ms, errorRate, windowSeconds));
        return target.alerts();
    }

    /** Returns a deployment's figures. */
    public DeploymentFigures figures(String deployment) {
        return require(deployment).figures();
    }

    private Deployment editable(String name) {
        Deployment deployment = require(name);
        if (deployment == shared && !config.sharedEditable()) {
            throw AccessDeniedException.forbidden("The shared iris endpoint's rollout is locked on this server "
                    + "(serving-lab.rollouts.shared-editable=false): make a deployment of your own.");
        }
        return deployment;
    }

    private String newName() {
        StringBuilder name = new StringBuilder("d-");
        for (int i = 0; i < NAME_LENGTH; i++) {
            name.append(NAME_LETTERS[random.nextInt(NAME_LETTERS.length)]);
        }
        return name.toString();
    }
}
