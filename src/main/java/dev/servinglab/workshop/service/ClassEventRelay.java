package dev.servinglab.workshop.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance of the app what any of them committed, when several share one PostgreSQL: a learner's
 * answer taken by one instance reaches the dashboard an instructor watches on another. With PostgreSQL's
 * {@code LISTEN/NOTIFY}, no broker to run. The events of a transaction are sent with {@code pg_notify} inside it,
 * so PostgreSQL delivers them only if it commits, and in the order transactions commit. Each instance listens on
 * one connection of its own and fires what the others sent as if it had committed it itself: the caches and the
 * streams that follow committed events follow the other instances' too. With the embedded H2 (one instance) this
 * does nothing.
 */
@ApplicationScoped
public class ClassEventRelay {

    /** The channel every instance notifies and listens on. */
    static final String CHANNEL = "serving_lab_class_events";

    private static final Logger LOG = Logger.getLogger(ClassEventRelay.class);
    /** How long the listener waits for notifications at a time: also how soon it notices the server stopping. */
    private static final int WAIT_MILLIS = 500;
    /** How long the listener waits before it connects again after a broken connection. */
    private static final long RECONNECT_MILLIS = 1_000;

    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;
    private final Event<ClassEvent> events;
    private final Event<RemoteEventsLost> lost;
    private final ClassEventWire wire;
    private final boolean active;
    /** This instance's name on the wire: random, so that two instances never share it. */
    private final String instance = Secrets.newSecret();
    /** Events committed by each transaction in flight, sent just before it commits. */
    private final Map<Transaction, List<ClassEvent>> pending = new ConcurrentHashMap<>();

    private volatile boolean stopping;
    private Thread listener;

    ClassEventRelay(
            AgroalDataSource dataSource,
            TransactionManager transactions,
            Event<ClassEvent> events,
            Event<RemoteEventsLost> lost,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.events = events;
        this.lost = lost;
        this.wire = new ClassEventWire(json);
        this.active = dbKind.startsWith("postgres");
    }

    /** Starts listening for the other instances' events once the app has started (PostgreSQL only). */
    void start(@Observes StartupEvent event) {
        if (active) {
            listener =
                    Thread.ofPlatform().name("workshop-class-events").daemon().start(this::listen);
        }
    }

    /**
     * Keeps an event of a transaction to send before it commits. Events fired outside a transaction are the other
     * instances' (or are about nothing stored): they are not sent on.
     */
    void inTransaction(@Observes(during = TransactionPhase.IN_PROGRESS) ClassEvent event) {
        if (!active) {
            return;
        }
        try {
            Transaction transaction = transactions.getTransaction();
            if (transaction == null || transaction.getStatus() != Status.STATUS_ACTIVE) {
                return;
            }
            pending.computeIfAbsent(transaction, t -> {
                        register(t);
                        return new ArrayList<>();
                    })
                    .add(event);
        } catch (SystemException e) {
            throw new IllegalStateException("the transaction manager could not say which transaction runs", e);
        }
    }

    private void register(Transaction transaction) {
        try {
            // Not interposed: it runs before Hibernate's flush, while the transaction's connection is still open.
            transaction.registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    send(pending.getOrDefault(transaction, List.of()));
                }

                @Override
                public void afterCompletion(int status) {
                    pending.remove(transaction);
                }
            });
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("could not follow the transaction that stores a class event", e);
        }
    }

    private void send(List<ClassEvent> committed) {
        if (committed.isEmpty()) {
            return;
        }
        // The transaction's own connection: the notifications go out with its commit, or not at all.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            for (String payload : wire.write(instance, committed)) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
        } catch (SQLException e) {
            // Failing the commit would lose a report for the sake of a dashboard elsewhere; the others will catch up
            // from the database when their tallies are read again.
            LOG.warnf("Could not tell the other instances about %d class events: %s", committed.size(), e);
        }
    }

    private void listen() {
        while (!stopping) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                // Whatever was remembered may have missed events while nobody listened.
                lost.fire(new RemoteEventsLost());
                LOG.debugf("Listening for the other instances' class events on %s", CHANNEL);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.warnf("Lost the connection for the other instances' class events (%s); connecting again", e);
                pause();
            }
        }
    }

    private void deliver(String text) {
        try {
            ClassEventWire.Payload payload = wire.read(text);
            if (instance.equals(payload.from())) {
                return;
            }
            if (payload.reload()) {
                lost.fire(new RemoteEventsLost());
                return;
            }
            payload.events().forEach(events::fire);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            LOG.warnf("Could not take another instance's class events (%s); reading the classes again", e);
            lost.fire(new RemoteEventsLost());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Stops listening before the database connections close. */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (listener != null) {
            listener.join(WAIT_MILLIS * 2L);
        }
    }
}
