package dev.servinglab.workshop.rest;

import dev.servinglab.content.TocEntry;
import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.web.format.Numbers;
import dev.servinglab.web.problem.AccessDeniedException;
import dev.servinglab.web.problem.FieldViolation;
import dev.servinglab.web.problem.InvalidInputException;
import dev.servinglab.web.problem.ResourceNotFoundException;
import dev.servinglab.workshop.WorkshopConfig;
import dev.servinglab.workshop.service.ClassStreams;
import dev.servinglab.workshop.service.DashboardView;
import dev.servinglab.workshop.service.JoinCodes;
import dev.servinglab.workshop.service.JoinQrCode;
import dev.servinglab.workshop.service.PresenterTarget;
import dev.servinglab.workshop.service.WorkshopService;
import dev.servinglab.workshop.service.WorkshopView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the instructor's pages of workshop mode: the form that creates a workshop, the page that shows its code
 * and secret once, the live dashboard and the presenter view. The pages work without JavaScript as far as a
 * page can (create, read the class's state); the scripts add the live updates and the controls.
 */
@Path("/workshops")
@Produces(MediaType.TEXT_HTML)
public class InstructorPages {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance create(NewForm form, List<Lesson> lessons);

        static native TemplateInstance created(
                WorkshopView workshop, String secret, Links links, List<String> alternatives);

        static native TemplateInstance dashboard(
                DashboardView dashboard, Links links, List<LessonLine> lines, List<LessonSections> sections);

        static native TemplateInstance present(
                DashboardView dashboard, List<LessonSections> sections, Presented presented);

        static native TemplateInstance denied(String code, int status, String message);

        static native TemplateInstance missing(String code);
    }

    /**
     * Holds the new-workshop form as typed, and the problems with it.
     *
     * @param title       the title typed
     * @param lessons     the lessons ticked
     * @param holdLessons whether lessons start held back
     * @param holdAnswers whether quiz answers start held back
     * @param errors      per field (title, lessons), what is wrong with it
     */
    public record NewForm(
            String title, Set<String> lessons, boolean holdLessons, boolean holdAnswers, Map<String, String> errors) {

        static NewForm blank(List<Lesson> all) {
            return new NewForm("", all.stream().map(Lesson::slug).collect(Collectors.toSet()), false, false, Map.of());
        }

        /** Returns whether a lesson is ticked. */
        public boolean ticked(String slug) {
            return lessons.contains(slug);
        }
    }

    /**
     * Holds a workshop's links as the pages show them.
     *
     * @param join       the link learners open
     * @param qr         the join QR code
     * @param dashboard  the dashboard
     * @param instructor the instructor's link (with the secret); null except on the page that shows it once
     * @param reachable  whether other machines can open them
     */
    public record Links(String join, String qr, String dashboard, String instructor, boolean reachable) {

        static Links of(WorkshopLinks links, String secret) {
            return new Links(
                    links.join().toString(),
                    links.qr().getPath(),
                    links.dashboard().getPath(),
                    secret == null ? null : links.instructor(secret).toString(),
                    links.reachable());
        }
    }

    /**
     * Holds a lesson in play with its sections, for the "follow me" and presenter pickers.
     *
     * @param slug     the lesson's slug
     * @param number   its number
     * @param title    its title
     * @param projectorPath its page for the projector
     * @param sections its sections and subsections
     */
    public record LessonSections(
            String slug, int number, String title, String projectorPath, List<TocEntry> sections) {}

    /**
     * Holds one lesson in play on the dashboard: what is released and how far the class got.
     *
     * @param lesson   the lesson in play
     * @param progress how many visited and completed it
     */
    public record LessonLine(WorkshopView.LessonInPlay lesson, DashboardView.LessonRow progress) {}

    /**
     * Holds what the presenter view shows now.
     *
     * @param target   the workshop's target, as stored
     * @param title    for a section or lesson, its heading; for a question, its prompt
     * @param path     for a section or lesson, its page and anchor
     * @param question for a question, the class's answers to it
     * @param revealed whether the class's results are shown
     */
    public record Presented(
            String target, String title, String path, DashboardView.QuestionRow question, boolean revealed) {

        /** Returns whether the target is a quiz question. */
        public boolean isQuestion() {
            return question != null;
        }
    }

    private final WorkshopService workshops;
    private final InstructorAccess access;
    private final ClassStreams streams;
    private final LessonRepository lessonRepository;
    private final WorkshopConfig config;

    InstructorPages(
            WorkshopService workshops,
            InstructorAccess access,
            ClassStreams streams,
            LessonRepository lessonRepository,
            WorkshopConfig config) {
        this.workshops = workshops;
        this.access = access;
        this.streams = streams;
        this.lessonRepository = lessonRepository;
        this.config = config;
    }

    @GET
    @Path("/new")
    @Operation(hidden = true)
    public TemplateInstance form() {
        List<Lesson> all = lessonRepository.lessons();
        return Templates.create(NewForm.blank(all), all);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(
            @FormParam("title") String title,
            @FormParam("lessons") List<String> lessons,
            @FormParam("hold_lessons") String holdLessons,
            @FormParam("hold_answers") String holdAnswers,
            @Context UriInfo uri) {
        List<Lesson> all = lessonRepository.lessons();
        List<String> ticked = lessons == null ? List.of() : lessons;
        NewForm typed = new NewForm(
                title == null ? "" : title, Set.copyOf(ticked), holdLessons != null, holdAnswers != null, Map.of());
        Map<String, String> errors = new LinkedHashMap<>();
        if (ticked.isEmpty()) {
            // The API reads no lessons as every lesson; a form with every box unticked means a mistake instead. The
            // service is not asked then, so the title is checked here too, that both problems show at once.
            if (!WorkshopService.fitsTitle(typed.title())) {
                errors.put("title", sentence(WorkshopService.TITLE_RULE));
            }
            errors.put("lessons", "Tick at least one lesson.");
        }
        WorkshopService.Created created = null;
        try {
            if (errors.isEmpty()) {
                created = workshops.create(title, ticked, typed.holdLessons(), typed.holdAnswers());
            }
        } catch (InvalidInputException e) {
            for (FieldViolation violation : e.violations()) {
                String field = violation.field().startsWith("lessons") ? "lessons" : violation.field();
                errors.putIfAbsent(field, sentence(violation.message()));
            }
        }
        if (created == null) {
            NewForm again =
                    new NewForm(typed.title(), typed.lessons(), typed.holdLessons(), typed.holdAnswers(), errors);
            return Response.status(422)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.create(again, all))
                    .build();
        }
        String code = created.workshop().code();
        WorkshopLinks links = WorkshopLinks.of(config, uri.getBaseUri(), code);
        List<String> alternatives = links.reachable() ? List.of() : alternatives(uri.getBaseUri(), code);
        return Response.status(Response.Status.CREATED)
                .location(links.dashboard())
                .type(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(WorkshopCookies.instructor(code, created.secret(), config))
                .entity(Templates.created(
                        created.workshop(), created.secret(), Links.of(links, created.secret()), alternatives))
                .build();
    }

    @GET
    @Path("/{code}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(hidden = true)
    public Response qr(@PathParam("code") String code, @Context UriInfo uri) {
        WorkshopView workshop = workshops.find(code);
        WorkshopLinks links = WorkshopLinks.of(config, uri.getBaseUri(), workshop.code());
        return Response.ok(JoinQrCode.svg(
                        links.join().toString(), "Join workshop " + workshop.displayCode() + ": " + links.join()))
                .type("image/svg+xml")
                .build();
    }

    @GET
    @Path("/{code}/instructor")
    @Operation(hidden = true)
    public Response instructor(@PathParam("code") String code, @QueryParam("key") String key) {
        try {
            workshops.authorise(code, key);
        } catch (ResourceNotFoundException e) {
            return missing(code);
        } catch (AccessDeniedException e) {
            // A wrong or missing key is refused alike here: the link either carries the secret or is not the link.
            return denied(code, 403, "This link does not carry the instructor's secret of workshop " + code + ".");
        }
        // Authorised, so the code is one as typed: read it as stored.
        String stored = JoinCodes.read(code).orElseThrow();
        return Response.seeOther(URI.create("/workshops/" + stored))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(WorkshopCookies.instructor(stored, key, config))
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(hidden = true)
    public Response dashboard(@PathParam("code") String code, @Context HttpHeaders headers, @Context UriInfo uri) {
        return withAccess(code, headers, id -> {
            DashboardView dashboard = streams.dashboard(id);
            WorkshopLinks links = WorkshopLinks.of(
                    config, uri.getBaseUri(), dashboard.workshop().code());
            return Templates.dashboard(
                    dashboard, Links.of(links, null), lines(dashboard), sections(dashboard.workshop()));
        });
    }

    @GET
    @Path("/{code}/present")
    @Operation(hidden = true)
    public Response present(@PathParam("code") String code, @Context HttpHeaders headers) {
        return withAccess(code, headers, id -> {
            DashboardView dashboard = streams.dashboard(id);
            List<LessonSections> sections = sections(dashboard.workshop());
            return Templates.present(dashboard, sections, presented(dashboard, sections));
        });
    }

    private interface Page {
        TemplateInstance render(long workshopId);
    }

    private Response withAccess(String code, HttpHeaders headers, Page page) {
        long id;
        try {
            id = access.authorise(code, headers);
        } catch (ResourceNotFoundException e) {
            return missing(code);
        } catch (AccessDeniedException e) {
            String message = e.status() == 401
                    ? "This page is for the workshop's instructor. Open the instructor link you were given when you "
                            + "created the workshop, in this browser."
                    : "This browser holds another secret than this workshop's. Open the instructor link of this "
                            + "workshop again.";
            return denied(code, e.status(), message);
        }
        return Response.ok(page.render(id))
                .type(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Response denied(String code, int status, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.denied(code, status, message))
                .build();
    }

    private static Response missing(String code) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.missing(code))
                .build();
    }

    private List<LessonSections> sections(WorkshopView workshop) {
        List<LessonSections> result = new ArrayList<>();
        for (WorkshopView.LessonInPlay inPlay : workshop.lessons()) {
            lessonRepository.find(inPlay.slug()).ifPresent(position -> {
                Lesson lesson = position.lesson();
                result.add(new LessonSections(
                        lesson.slug(), lesson.number(), lesson.title(), lesson.projectorPath(), lesson.headings()));
            });
        }
        return result;
    }

    private static List<LessonLine> lines(DashboardView dashboard) {
        Map<String, DashboardView.LessonRow> progress = dashboard.lessons().stream()
                .collect(Collectors.toMap(DashboardView.LessonRow::lesson, row -> row, (a, b) -> a));
        return dashboard.workshop().lessons().stream()
                .map(lesson -> new LessonLine(
                        lesson,
                        progress.getOrDefault(
                                lesson.slug(), new DashboardView.LessonRow(lesson.slug(), lesson.title(), 0, 0))))
                .toList();
    }

    private static Presented presented(DashboardView dashboard, List<LessonSections> sections) {
        String target = dashboard.workshop().presented();
        boolean revealed = dashboard.workshop().revealed();
        if (target == null) {
            return null;
        }
        PresenterTarget parsed = PresenterTarget.parse(target);
        if (parsed.isQuestion()) {
            return dashboard.questions().stream()
                    .filter(q ->
                            q.quiz().equals(parsed.lesson()) && q.question().equals(parsed.question()))
                    .findFirst()
                    .map(q -> new Presented(target, q.prompt(), null, q, revealed))
                    .orElse(null);
        }
        String slug = parsed.lesson();
        String anchor = parsed.section();
        for (LessonSections lesson : sections) {
            if (lesson.slug().equals(slug)) {
                String heading = lesson.sections().stream()
                        .filter(h -> h.id().equals(anchor))
                        .map(TocEntry::text)
                        .findFirst()
                        .orElse(lesson.title());
                String path = lesson.projectorPath() + (anchor == null ? "" : "#" + anchor);
                return new Presented(target, heading, path, null, revealed);
            }
        }
        return null;
    }

    /** Lists this machine's links for learners when the page was opened at localhost: its IPv4 addresses. */
    private static List<String> alternatives(URI base, String code) {
        int port = base.getPort() == -1 ? 80 : base.getPort();
        List<String> links = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        links.add("http://" + address.getHostAddress() + ":" + port + "/join?code=" + code);
                    }
                }
            }
        } catch (SocketException e) {
            // No address to offer: the page still says how to set the public address.
        }
        return links.stream().distinct().sorted().toList();
    }

    private static String sentence(String message) {
        String text = Objects.requireNonNullElse(message, "is not valid");
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }

    /** Formats the dashboard's values in the pages the way {@code js/format.js} does in the scripts. */
    @TemplateExtension(namespace = "ws")
    static final class Formats {

        private Formats() {}

        /** Writes a percentage (0 to 100) with one decimal, or a dash before any answer. */
        static String percent(Double value) {
            return value == null ? "—" : Numbers.percent(value / 100);
        }

        /** Writes a share (0 to 1) as a percentage with one decimal, or a dash. */
        static String share(Double value) {
            return value == null ? "—" : Numbers.percent(value);
        }

        /** Writes a number with two decimals, or a dash. */
        static String dp2(Double value) {
            return value == null ? "—" : Numbers.dp2(value);
        }

        /** Writes a histogram bucket's bound with two decimals; an open bound is infinity. */
        static String bound(Double value) {
            return value == null ? "∞" : Numbers.dp2(value);
        }

        /** Names a choice by its letter, A for the first, as the charts label it. */
        static String letter(int index) {
            return index >= 0 && index < 26 ? String.valueOf((char) ('A' + index)) : String.valueOf(index + 1);
        }

        /** Writes a number with three decimals, or a dash. */
        static String dp3(Double value) {
            return value == null ? "—" : Numbers.dp3(value);
        }

        /** Writes milliseconds with two decimals, or a dash. */
        static String ms(Double value) {
            return value == null ? "—" : Numbers.dp2(value) + " ms";
        }

        /** Writes a time of day in UTC, to the second. */
        static String clock(Instant instant) {
            return instant == null ? "—" : CLOCK.format(instant.truncatedTo(ChronoUnit.SECONDS));
        }

        /** Writes a run's hyperparameters as "name value" pairs. */
        static String hyperparameters(Map<String, Object> values) {
            if (values == null || values.isEmpty()) {
                return "—";
            }
            return values.entrySet().stream()
                    .map(e -> e.getKey().replace('_', ' ') + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }
}
