package dev.servinglab.workshop.data;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores one learner of a workshop: a nickname and the hash of the token their browser holds. No account, no
 * e-mail.
 */
@Entity
@Table(name = "learner")
public class Learner extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "workshop_id")
    public Workshop workshop;

    /** The nickname as the learner typed it (normalised to NFC). */
    public String nickname;

    /** The nickname folded for comparison, so that "Ana" and "ANA" cannot both join. */
    @Column(name = "nickname_key")
    public String nicknameKey;

    /** The SHA-256 of the learner's token, in hex. */
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "joined_at")
    public Instant joinedAt;

    /** When the learner left the workshop; null while they take part. */
    @Column(name = "left_at")
    public Instant leftAt;

    /** Finds the learner whose token has a hash. */
    public static Optional<Learner> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** Returns whether the learner takes part (has not left). */
    public boolean active() {
        return leftAt == null;
    }
}
