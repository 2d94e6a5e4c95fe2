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
import jakarta.transaction.Transactional;
import java.time.Instant;
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

    private final WorkshopService workshops;
    private final Event<ClassEvent> events;
    private final WorkshopConfig config;
    private final RateLimiter joins;

    LearnerService(WorkshopService workshops, Event<ClassEvent> events, WorkshopConfig config) {
        this.workshops = workshops;
        this.events = events;
        this.config = config;
        this.joins = new RateLimiter(config.joinsPerMinute());
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
    @Transactional
    public Joined join(String typedCode, String typedNickname, String token, String client) {
        OptionalLong wait = joins.acquire(client);
        if (wait.isPresent()) {
            throw new TooManyRequestsException(
                    "Too many join attempts from this address; try again in " + wait.getAsLong() + " s.",
                    wait.getAsLong());
        }
        Workshop workshop = JoinCodes.read(typedCode)
                .flatMap(Workshop::findByCode)
                .orElseThrow(() -> new InvalidInputException(
                        "code", "exists", "is not the code of a workshop: check it with your instructor"));
        WorkshopService.requireOpen(workshop);

        Optional<Learner> mine = learner(token).filter(l -> l.workshop.id.equals(workshop.id));
        if (mine.isPresent()) {
            Learner learner = mine.get();
            learner.leftAt = null;
            events.fire(changed(learner));
            return new Joined(me(learner), token, true);
        }
        String nickname = Nicknames.read(typedNickname)
                .orElseThrow(() -> new InvalidInputException("nickname", "pattern", Nicknames.RULE));
        String key = Nicknames.key(nickname);
        if (Learner.count("workshop.id = ?1 and nicknameKey = ?2", workshop.id, key) > 0) {
            throw new InvalidInputException(
                    "nickname", "unique", "is already taken in this workshop: choose another one");
        }
        if (Learner.count("workshop.id", workshop.id) >= config.maxLearners()) {
            throw new ConflictException("Workshop " + JoinCodes.display(workshop.code) + " is full ("
                    + config.maxLearners() + " learners).");
        }
        String newToken = Secrets.newSecret();
        Learner learner = new Learner();
        learner.workshop = workshop;
        learner.nickname = nickname;
        learner.nicknameKey = key;
        learner.tokenHash = Secrets.hash(newToken);
        learner.joinedAt = Instant.now();
        learner.persist();
        events.fire(changed(learner));
        return new Joined(me(learner), newToken, false);
    }

    /** Shows the learner a token belongs to; 401 when it belongs to none. */
    @Transactional
    public Me me(String token) {
        return me(require(token));
    }

    /** Returns the id of the workshop a token's learner is in; 401 when it belongs to none. */
    @Transactional
    public long workshopId(String token) {
        return require(token).workshop.id;
    }

    /** Leaves the workshop: the browser stops reporting; rejoining from it picks the learner up again. */
    @Transactional
    public Me leave(String token) {
        Learner learner = require(token);
        if (learner.leftAt == null) {
            learner.leftAt = Instant.now();
            events.fire(changed(learner));
        }
        return me(learner);
    }

    /** Returns the learner a token belongs to, if any. */
    static Optional<Learner> learner(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        return Learner.findByTokenHash(Secrets.hash(token));
    }

    /** Returns the learner a token belongs to; 401 when it belongs to none. */
    static Learner require(String token) {
        return learner(token)
                .orElseThrow(() -> AccessDeniedException.unauthenticated(
                        "This browser is not in a workshop: join one with its code at /join."));
    }

    /** Returns the active learner a token belongs to, in an open workshop: whom a report may come from. */
    static Learner reporting(String token) {
        Learner learner = require(token);
        if (!learner.active()) {
            throw AccessDeniedException.forbidden("You left this workshop: rejoin it to report again.");
        }
        WorkshopService.requireOpen(learner.workshop);
        return learner;
    }

    /** Finds the workshop a token's learner is in, for the pages; empty when the token belongs to none. */
    @Transactional
    public Optional<Me> find(String token) {
        return learner(token).map(this::me);
    }

    private Me me(Learner learner) {
        return new Me(learner.nickname, learner.active(), workshops.view(learner.workshop));
    }

    static ClassEvent.LearnerChanged changed(Learner learner) {
        return new ClassEvent.LearnerChanged(
                learner.workshop.id, learner.id, learner.nickname, learner.joinedAt, learner.active());
    }
}
