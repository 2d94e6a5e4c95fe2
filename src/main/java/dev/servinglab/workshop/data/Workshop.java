package dev.servinglab.workshop.data;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores one class an instructor runs: its join code, the hash of the instructor's secret, the lessons in play and
 * what the instructor shows the class now.
 */
@Entity
@Table(name = "workshop")
public class Workshop extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String title;

    /** The SHA-256 of the instructor's secret, in hex: the secret itself is shown once and never stored. */
    @Column(name = "secret_hash")
    public String secretHash;

    /** Whether quiz feedback waits until the instructor releases a lesson's answers. */
    @Column(name = "answers_held")
    public boolean answersHeld;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The lesson the instructor asks the class to follow, or null. */
    @Column(name = "follow_lesson")
    public String followLesson;

    /** The section of that lesson, or null for its top. */
    @Column(name = "follow_section")
    public String followSection;

    /** What the presenter view shows: {@code quiz/question} or {@code lesson#section}; null for nothing. */
    public String presented;

    /** Whether the class's results for what is presented are shown on the projector. */
    public boolean revealed;

    @OneToMany(mappedBy = "workshop")
    @OrderBy("position")
    public List<WorkshopLesson> lessons = new ArrayList<>();

    /** Finds the workshop with a join code, as stored (normalised). */
    public static Optional<Workshop> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Returns whether the workshop takes no more joins and reports. */
    public boolean closed() {
        return closedAt != null;
    }

    /** Returns the lesson in play with a slug, if it is one. */
    public Optional<WorkshopLesson> lesson(String slug) {
        return lessons.stream().filter(lesson -> lesson.lesson.equals(slug)).findFirst();
    }
}
