package dev.servinglab.workshop.service;

import dev.servinglab.web.problem.AccessDeniedException;
import dev.servinglab.web.problem.ConflictException;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.TooManyRequestsException;
import dev.servinglab.workshop.WorkshopConfig;
import dev.servinglab.workshop.data.Learner;
import dev.servinglab.workshop.data.Workshop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lets learners join a workshop with its code and a nickname, find their place again from the same browser, and
 * leave. A learner is known by a random token their browser keeps; the server stores its hash only.
 */
@ApplicationScoped
public class LearnerService {

    /** The progress a learner reports when they open a lesson. */
    public static final String VISITED = "visited";
    /** The progress a learner reports when they mark a lesson completed. */
    public static final String COMPLETED = "completed";
    /** The unique constraint on a workshop's nicknames, as migration V1 names it. */
    private static final String NICKNAME_CONSTRAINT = "learner_nickname_unique";

    private final WorkshopService workshops;
    private final WorkshopDirectory directory;
    private final ReportWriter writer;
    private final Event<ClassEvent> events;
    private final WorkshopConfig config;
    private final RateLimiter joins;
    private final ClassRosters rosters;

    LearnerService(
            WorkshopService workshops,
            WorkshopDirectory directory,
            ReportWriter writer,
            Event<ClassEvent> events,
            WorkshopConfig config,
            ClassRosters rosters) {
        this.workshops = workshops;
        this.directory = directory;
        this.writer = writer;
        this.events = events;
        this.config = config;
        this.joins = new RateLimiter(config.joinsPerMinute());
        this.rosters = rosters;
    }

    /**
     * Shows a learner their own place in a workshop.
     *
     * @param nickname the learner's nickname
     * @param active   false once they left
     * @param workshop the workshop
     */
    public record Me(String nickname, boolean active, WorkshopView workshop) {}

    /**
     * Holds the result of a join: the learner and the token their browser keeps.
     *
     * @param me       the learner
     * @param token    the token, new or the one the browser had
     * @param rejoined whether the browser's own learner was picked up again
     */
    public record Joined(Me me, String token, boolean rejoined) {}

    /**
     * Joins a workshop, or picks up the learner the browser already is in it.
     *
     * @param typedCode     the join code as typed
     * @param typedNickname the nickname as typed
     * @param token         the token the browser holds, or null
     * @param client        the client's address, to limit guessing codes
     */
    public Joined join(String typedCode, String typedNickname, String token, String client) {
        OptionalLong wait = joins.acquire(client);
        if (wait.isPresent()) {
            throw new TooManyRequestsException(
                    "Too many join attempts from this address; try again in " + wait.getAsLong() + " s.",
                    wait.getAsLong());
        }
        // Written by the one report writer, as reports are: one thread taking H2's commits, not one per request.
        try {
            return writer.store(() -> joinNow(typedCode, typedNickname, token));
        } catch (RuntimeException e) {
            // The database's unique nickname constraint is the last word when the roster did not know better.
            boolean taken = UniqueViolations.in(e)
                    .map(violation ->
                            String.valueOf(violation.getConstraintName()).toLowerCase(Locale.ROOT))
                    .filter(name -> name.contains(NICKNAME_CONSTRAINT))
                    .isPresent();
            throw taken ? nicknameTaken() : e;
        }
    }

    /** Joins without the per-client limit, for the warm-up's learners: not reachable over HTTP. */
    Joined joinWithoutLimit(String code, String nickname) {
        return writer.store(() -> joinNow(code, nickname, null));
    }

    private Joined joinNow(String typedCode, String typedNickname, String token) {
        // Nothing here queries the database but a rejoin: a query flushes the whole batch of reports so far.
        InvalidInputException noSuchCode = new InvalidInputException(
                "code", "exists", "is not the code of a workshop: check it with your instructor");
        long workshopId =
                JoinCodes.read(typedCode).flatMap(directory::workshopId).orElseThrow(() -> noSuchCode);
        WorkshopView workshop = directory.workshop(workshopId).orElseThrow(() -> noSuchCode);
        if (workshop.closed()) {
            throw WorkshopService.closed(workshop.displayCode());
        }

        Optional<Learner> mine = learner(token).filter(l -> l.workshop.id.equals(workshopId));
        if (mine.isPresent()) {
            Learner learner = mine.get();
            learner.leftAt = null;
            events.fire(changed(learner));
            return new Joined(me(learner), token, true);
        }
        String nickname = Nicknames.read(typedNickname)
                .orElseThrow(() -> new InvalidInputException("nickname", "pattern", Nicknames.RULE));
        String key = Nicknames.key(nickname);
        switch (rosters.claim(workshopId, key, config.maxLearners())) {
            case TAKEN -> throw nicknameTaken();
            case FULL ->
                throw new ConflictException(
                        "Workshop " + workshop.displayCode() + " is full (" + config.maxLearners() + " learners).");
            case CLAIMED -> {
                // the nickname is this learner's once the batch commits
            }
        }
        String newToken = Secrets.newSecret();
        Learner learner = new Learner();
        learner.workshop = Workshop.getEntityManager().getReference(Workshop.class, workshopId);
        learner.nickname = nickname;
        learner.nicknameKey = key;
        learner.tokenHash = Secrets.hash(newToken);
        learner.joinedAt = Instant.now();
        learner.persist();
        events.fire(new ClassEvent.LearnerChanged(workshopId, learner.id, nickname, learner.joinedAt, true));
        return new Joined(new Me(nickname, true, workshop), newToken, false);
    }

    private static InvalidInputException nicknameTaken() {
        return new InvalidInputException("nickname", "unique", "is already taken in this workshop: choose another one");
    }

    /** Shows the learner a token belongs to; 401 when it belongs to none. */
    public Me me(String token) {
        return find(token).orElseThrow(LearnerService::notInOne);
    }

    /** Returns the id of the workshop a token's learner is in; 401 when it belongs to none. */
    public long workshopId(String token) {
        return directory.learner(token).orElseThrow(LearnerService::notInOne).workshopId();
    }

    /** Leaves the workshop: the browser stops reporting; rejoining from it picks the learner up again. */
    public Me leave(String token) {
        return writer.store(() -> {
            Learner learner = require(token);
            if (learner.leftAt == null) {
                learner.leftAt = Instant.now();
                events.fire(changed(learner));
            }
            return me(learner);
        });
    }

    /** Returns the learner a token belongs to, if any, loaded to be changed. */
    private Optional<Learner> learner(String token) {
        return directory.learner(token).map(ref -> Learner.findById(ref.id()));
    }

    /** Returns the learner a token belongs to, loaded to be changed; 401 when it belongs to none. */
    private Learner require(String token) {
        return learner(token).orElseThrow(LearnerService::notInOne);
    }

    /** Finds the workshop a token's learner is in, for the pages; empty when the token belongs to none. */
    public Optional<Me> find(String token) {
        return directory
                .learner(token)
                .flatMap(ref -> directory
                        .workshop(ref.workshopId())
                        .map(workshop -> new Me(ref.nickname(), ref.active(), workshop)));
    }

    /**
     * Returns the active learner a token belongs to, in an open workshop: whom a report may come from; 401, 403 or
     * 409 otherwise.
     */
    WorkshopDirectory.LearnerRef reporting(String token) {
        WorkshopDirectory.LearnerRef learner = directory.learner(token).orElseThrow(LearnerService::notInOne);
        if (!learner.active()) {
            throw AccessDeniedException.forbidden("You left this workshop: rejoin it to report again.");
        }
        WorkshopView workshop = directory.workshop(learner.workshopId()).orElseThrow(LearnerService::notInOne);
        if (workshop.closed()) {
            throw WorkshopService.closed(workshop.displayCode());
        }
        return learner;
    }

    private static AccessDeniedException notInOne() {
        return AccessDeniedException.unauthenticated(
                "This browser is not in a workshop: join one with its code at /join.");
    }

    private Me me(Learner learner) {
        return new Me(learner.nickname, learner.active(), workshops.view(learner.workshop));
    }

    static ClassEvent.LearnerChanged changed(Learner learner) {
        return new ClassEvent.LearnerChanged(
                learner.workshop.id, learner.id, learner.nickname, learner.joinedAt, learner.active());
    }
}
