package dev.servinglab.workshop.service;

import dev.servinglab.content.TocEntry;
import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.quiz.service.Quiz;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.web.problem.AccessDeniedException;
import dev.servinglab.web.problem.ConflictException;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.ResourceNotFoundException;
import dev.servinglab.web.problem.Violations;
import dev.servinglab.workshop.data.Workshop;
import dev.servinglab.workshop.data.WorkshopLesson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Creates workshops and carries out the instructor's actions on them: release lessons and answers, push a section
 * to follow, present and reveal, close and delete. Every action but creation needs the instructor's secret.
 */
@ApplicationScoped
public class WorkshopService {

    /** The longest title. */
    public static final int MAX_TITLE = 120;
    /** The rule a title follows, as a 422 names it. */
    public static final String TITLE_RULE = "must be 1 to " + MAX_TITLE + " characters";

    private final LessonRepository lessons;
    private final QuizRepository quizzes;
    private final Event<ClassEvent> events;

    WorkshopService(LessonRepository lessons, QuizRepository quizzes, Event<ClassEvent> events) {
        this.lessons = lessons;
        this.quizzes = quizzes;
        this.events = events;
    }

    /**
     * Holds a new workshop with the instructor's secret, which is shown this once.
     */
    public record Created(WorkshopView workshop, String secret) {}

    /**
     * Creates a workshop.
     *
     * @param title        its title, 1 to {@value #MAX_TITLE} characters
     * @param lessonSlugs  the lessons in play, in order; empty for every lesson
     * @param holdLessons  whether the lessons start held back until the instructor releases them
     * @param holdAnswers  whether quiz feedback waits until the instructor releases a lesson's answers
     */
    @Transactional
    public Created create(String title, List<String> lessonSlugs, boolean holdLessons, boolean holdAnswers) {
        Violations violations = new Violations(10);
        String trimmed = title == null ? "" : title.strip();
        if (!fitsTitle(trimmed)) {
            violations.add("title", "length", TITLE_RULE);
        }
        List<String> slugs = lessonSlugs == null || lessonSlugs.isEmpty()
                ? lessons.lessons().stream().map(Lesson::slug).toList()
                : new ArrayList<>(new LinkedHashSet<>(lessonSlugs));
        for (int i = 0; i < slugs.size(); i++) {
            if (lessons.find(slugs.get(i)).isEmpty()) {
                violations.add("lessons[" + i + "]", "enum", "must be the slug of a lesson of this course");
            }
        }
        violations.throwIfAny();

        Workshop workshop = new Workshop();
        workshop.code = unusedCode();
        workshop.title = trimmed;
        String secret = Secrets.newSecret();
        workshop.secretHash = Secrets.hash(secret);
        workshop.answersHeld = holdAnswers;
        workshop.createdAt = Instant.now();
        workshop.persist();
        for (int i = 0; i < slugs.size(); i++) {
            WorkshopLesson lesson = new WorkshopLesson();
            lesson.workshop = workshop;
            lesson.lesson = slugs.get(i);
            lesson.position = i;
            lesson.released = !holdLessons;
            lesson.answersReleased = !holdAnswers;
            lesson.persist();
            workshop.lessons.add(lesson);
        }
        return new Created(view(workshop), secret);
    }

    /** Returns whether a title, as typed, follows {@link #TITLE_RULE}. */
    public static boolean fitsTitle(String typed) {
        String trimmed = typed == null ? "" : typed.strip();
        return !trimmed.isEmpty() && trimmed.codePointCount(0, trimmed.length()) <= MAX_TITLE;
    }

    private static String unusedCode() {
        String code = JoinCodes.next();
        while (Workshop.findByCode(code).isPresent()) {
            code = JoinCodes.next();
        }
        return code;
    }

    /** Finds a workshop by its code as typed; 404 when there is none. */
    @Transactional
    public WorkshopView find(String code) {
        return view(require(code));
    }

    /** Finds a workshop by its id, if it still exists. */
    @Transactional
    public Optional<WorkshopView> findById(long id) {
        return Optional.ofNullable(Workshop.<Workshop>findById(id)).map(this::view);
    }

    /**
     * Checks the instructor's secret for a workshop: 401 without one, 403 for a wrong one, 404 for no workshop.
     *
     * @return the workshop's id
     */
    @Transactional
    public long authorise(String code, String secret) {
        Workshop workshop = require(code);
        if (secret == null || secret.isEmpty()) {
            throw AccessDeniedException.unauthenticated(
                    "This action needs the instructor's secret: open the instructor link of workshop "
                            + JoinCodes.display(workshop.code) + ".");
        }
        if (!Secrets.matches(secret, workshop.secretHash)) {
            throw AccessDeniedException.forbidden("That is not the instructor's secret of this workshop.");
        }
        return workshop.id;
    }

    /** Releases or holds back a lesson in play and its quiz's answers. */
    @Transactional
    public WorkshopView release(long workshopId, String lessonSlug, boolean released, boolean answersReleased) {
        Workshop workshop = Workshop.findById(workshopId);
        WorkshopLesson lesson = workshop.lesson(lessonSlug)
                .orElseThrow(() ->
                        new ResourceNotFoundException("lesson '" + lessonSlug + "' is not in play in this workshop"));
        lesson.released = released;
        lesson.answersReleased = answersReleased || !workshop.answersHeld;
        return changed(workshop);
    }

    /** Asks the class to follow a section of a lesson in play; a null lesson stops asking. */
    @Transactional
    public WorkshopView follow(long workshopId, String lessonSlug, String section) {
        Workshop workshop = Workshop.findById(workshopId);
        if (lessonSlug != null) {
            requireSection(workshop, lessonSlug, section, "lesson", "section");
        }
        workshop.followLesson = lessonSlug;
        workshop.followSection = lessonSlug == null ? null : section;
        return changed(workshop);
    }

    /**
     * Sets what the presenter view shows, {@code quiz/question} or {@code lesson#section}, and whether the
     * class's results are revealed; a null target shows nothing.
     */
    @Transactional
    public WorkshopView present(long workshopId, String target, boolean revealed) {
        Workshop workshop = Workshop.findById(workshopId);
        if (target != null) {
            requireTarget(workshop, target);
        }
        workshop.presented = target;
        workshop.revealed = target != null && revealed;
        return changed(workshop);
    }

    /** Closes a workshop: no more joins or reports; its results stay for the instructor. */
    @Transactional
    public WorkshopView close(long workshopId) {
        Workshop workshop = Workshop.findById(workshopId);
        if (workshop.closedAt == null) {
            workshop.closedAt = Instant.now();
        }
        return changed(workshop);
    }

    /** Deletes a workshop with its learners and every report. */
    @Transactional
    public void delete(long workshopId) {
        // The database deletes the learners and reports with it (on delete cascade).
        Workshop.delete("id", workshopId);
        events.fire(new ClassEvent.WorkshopDeleted(workshopId));
    }

    /** Returns the quizzes of the lessons in play, in the lessons' order. */
    public List<Quiz> quizzes(WorkshopView workshop) {
        List<Quiz> inPlay = new ArrayList<>();
        for (WorkshopView.LessonInPlay lesson : workshop.lessons()) {
            lessons.find(lesson.slug())
                    .map(position -> position.lesson().quiz())
                    .flatMap(quizzes::find)
                    .ifPresent(inPlay::add);
        }
        return inPlay;
    }

    private WorkshopView changed(Workshop workshop) {
        events.fire(new ClassEvent.WorkshopChanged(workshop.id));
        return view(workshop);
    }

    private void requireTarget(Workshop workshop, String target) {
        PresenterTarget parsed = PresenterTarget.parse(target);
        if (parsed.isQuestion()) {
            boolean known = workshop.lesson(parsed.lesson()).isPresent()
                    && quizzes.find(parsed.lesson())
                            .flatMap(quiz -> quiz.question(parsed.question()))
                            .isPresent();
            if (!known) {
                throw new InvalidInputException(
                        "target", "enum", "must name a question of a lesson in play, as quiz/question");
            }
        } else {
            requireSection(workshop, parsed.lesson(), parsed.section(), "target", "target");
        }
    }

    private void requireSection(Workshop workshop, String slug, String section, String lessonField, String field) {
        if (workshop.lesson(slug).isEmpty()) {
            throw new InvalidInputException(lessonField, "enum", "must be a lesson in play in this workshop");
        }
        if (section != null) {
            Lesson lesson = lessons.find(slug).orElseThrow().lesson();
            boolean known = lesson.headings().stream().map(TocEntry::id).anyMatch(section::equals);
            if (!known) {
                throw new InvalidInputException(field, "enum", "must be a section of lesson " + slug);
            }
        }
    }

    private Workshop require(String code) {
        return JoinCodes.read(code)
                .flatMap(Workshop::findByCode)
                .orElseThrow(() -> new ResourceNotFoundException("there is no workshop with code '" + code + "'"));
    }

    /** Shows a workshop as its instructor and learners see it. */
    WorkshopView view(Workshop workshop) {
        List<WorkshopView.LessonInPlay> inPlay = new ArrayList<>();
        for (WorkshopLesson lesson : workshop.lessons) {
            lessons.find(lesson.lesson)
                    .map(position -> position.lesson())
                    .ifPresent(l -> inPlay.add(new WorkshopView.LessonInPlay(
                            l.slug(), l.number(), l.title(), l.path(), lesson.released, lesson.answersReleased)));
        }
        return new WorkshopView(
                workshop.code,
                JoinCodes.display(workshop.code),
                workshop.title,
                workshop.createdAt,
                workshop.closed(),
                workshop.answersHeld,
                inPlay,
                follow(workshop),
                workshop.presented,
                workshop.revealed);
    }

    private WorkshopView.Follow follow(Workshop workshop) {
        if (workshop.followLesson == null) {
            return null;
        }
        return lessons.find(workshop.followLesson)
                .map(position -> {
                    Lesson lesson = position.lesson();
                    String heading = lesson.headings().stream()
                            .filter(h -> h.id().equals(workshop.followSection))
                            .map(TocEntry::text)
                            .findFirst()
                            .orElse(null);
                    String title = heading == null ? lesson.title() : lesson.title() + " › " + heading;
                    String path = lesson.path() + (heading == null ? "" : "#" + workshop.followSection);
                    return new WorkshopView.Follow(lesson.slug(), workshop.followSection, title, path);
                })
                .orElse(null);
    }

    /** Refuses an action on a closed workshop, by its code as read aloud. */
    static ConflictException closed(String displayCode) {
        return new ConflictException("Workshop " + displayCode + " is closed: it takes no more joins or reports.");
    }
}
