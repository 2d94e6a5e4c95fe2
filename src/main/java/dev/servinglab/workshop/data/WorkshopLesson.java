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

/**
 * Stores one lesson in play in a workshop, and whether the instructor has released it and its quiz's answers.
 */
@Entity
@Table(name = "workshop_lesson")
public class WorkshopLesson extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "workshop_id")
    public Workshop workshop;

    /** The lesson's slug. */
    public String lesson;

    public int position;

    /** Whether learners may open the lesson. */
    public boolean released;

    /** Whether learners get quiz feedback for the lesson's quiz (when the workshop holds answers). */
    @Column(name = "answers_released")
    public boolean answersReleased;
}
