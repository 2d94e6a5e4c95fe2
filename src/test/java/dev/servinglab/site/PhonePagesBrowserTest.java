package dev.servinglab.site;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.testsupport.BrowserSupport;
import dev.servinglab.workshop.Workshops;
import dev.servinglab.workshop.rest.WorkshopCookies;
import dev.servinglab.workshop.service.Nicknames;
import dev.servinglab.workshop.service.WorkshopService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every page a visitor can reach from the home page by following the site's own links, and the instructor's and
 * learner's workshop pages, in a phone-sized window: no page may scroll sideways (wide tables and code scroll inside
 * their own regions instead), and each must pass axe with no violation at all.
 *
 * <p>One browser context per width walks every page, so the whole walk costs a navigation and an axe run per page.
 */
@QuarkusTest
class PhonePagesBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final int HEIGHT = 800;

    // The generated exercises link on for ever (seed-1, seed-2, ...): pages whose paths differ only in numbers are
    // walked for the first few reached, which covers the fixed exercises and the first generated ones.
    private static final int PAGES_PER_NUMBERED_PATH = 4;

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    // The API, Quarkus's own pages (Swagger UI, health, metrics) and files are not pages of the site.
    private static final List<String> NOT_SITE_PAGES = List.of("/q/", "/api/");
    private static final Pattern FILE = Pattern.compile(".*/[^/]+\\.(?!html$)[a-z0-9]+$");

    // The longest title and nickname the rules allow, without a space to break a line at.
    private static final String UNBROKEN_TITLE = "W".repeat(WorkshopService.MAX_TITLE);
    private static final String UNBROKEN_NICKNAME = "N".repeat(Nicknames.MAX_LENGTH);

    // To look at the pages as the walk saw them: PHONE_SCREENSHOTS=/some/folder keeps a full-page picture of each.
    private static final String SCREENSHOTS = System.getenv("PHONE_SCREENSHOTS");

    @Inject
    LessonRepository lessons;

    @Inject
    QuizRepository quizzes;

    @Test
    void everyPageFitsA360PxPhoneAndPassesAxe() {
        walk(360, true);
    }

    @Test
    void everyPageFitsA390PxPhone() {
        walk(390, false);
    }

    private void walk(int width, boolean axe) {
        long started = System.nanoTime();
        ClassWithALearner workshop = classWithALearner();
        Walk walk = new Walk(browser.blank(width, HEIGHT), width, axe);

        // What a visitor reaches from the home page, and each lesson as the presenter view projects it.
        walk.enqueue("/", "the start");
        for (Lesson lesson : lessons.lessons()) {
            walk.enqueue(lesson.projectorPath(), "the presenter view's projector link");
        }
        walk.drain();

        // An instructor creates a workshop with the form: the page that answers shows the code and the secret, and
        // leaves the instructor's cookie, so its links open that workshop's dashboard and presenter view.
        browser.visit(walk.page, "/workshops/new");
        walk.page.getByLabel("Title").fill(UNBROKEN_TITLE);
        walk.page
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the workshop"))
                .press("Enter");
        PlaywrightAssertions.assertThat(walk.page.locator("[data-join-code]")).isVisible();
        walk.page.waitForLoadState(LoadState.NETWORKIDLE);
        walk.checkCurrent("the workshop created page", "/workshops/new (its form, sent)");
        walk.drain();

        // A workshop with a learner in it, whose reports fill the dashboard's tables.
        walk.page
                .context()
                .addCookies(List.of(siteCookie(walk.page, WorkshopCookies.instructor(workshop.code), workshop.secret)));
        String dashboard = "/workshops/" + workshop.code;
        walk.enqueue(dashboard, "the instructor's cookie");
        walk.enqueue(dashboard + "/present", "the instructor's cookie");
        walk.drain();

        // The learner's own view: the workshop bar on every page, and the join page saying they are in.
        walk.page.context().addCookies(List.of(siteCookie(walk.page, WorkshopCookies.LEARNER, workshop.learner)));
        Lesson first = lessons.lessons().getFirst();
        for (String path : List.of("/", "/join", first.path())) {
            walk.visitAndCheck(path, path + " (as a learner in a workshop)", "the learner's cookie");
        }

        // The time it takes, to keep an eye on as pages are added.
        System.err.printf(
                "PhonePagesBrowserTest: %d pages at %d px%s in %d s%n",
                walk.checked.size(), width, axe ? " with axe" : "", (System.nanoTime() - started) / 1_000_000_000);
        if (!walk.problems.isEmpty()) {
            fail(walk.problems.size() + " problem(s) at " + width + " px wide, in " + walk.checked.size()
                    + " pages:\n- " + String.join("\n- ", walk.problems));
        }
        // A walk that lost its way would find no problem: it must have reached every kind of page.
        List<String> expected =
                new ArrayList<>(List.of("/", "/join", "/workshops/new", dashboard, dashboard + "/present"));
        lessons.lessons().forEach(lesson -> expected.add(lesson.path()));
        lessons.lessons().forEach(lesson -> expected.add(lesson.projectorPath()));
        assertThat(walk.checked, hasItems(expected.toArray(String[]::new)));
        assertThat(walk.checked, hasItem(startsWith("/exercises/fixed-")));
        assertThat(walk.checked, hasItem(startsWith("/exercises/seed-")));
        assertThat(walk.checked, hasItem("the workshop created page"));
    }

    /** Makes a cookie for every path of the app, as the app's own cookies are (a page's URL would give its folder). */
    private static Cookie siteCookie(Page page, String name, String value) {
        return new Cookie(name, value)
                .setUrl(URI.create(page.url()).resolve("/").toString());
    }

    /** Holds a workshop created through the API, with one learner who answered and completed a lesson. */
    private record ClassWithALearner(String code, String secret, String learner) {}

    private ClassWithALearner classWithALearner() {
        Workshops.Created created = Workshops.create("{\"title\": \"" + UNBROKEN_TITLE + "\"}");
        Workshops.Joined joined = Workshops.join(created.code(), UNBROKEN_NICKNAME);
        Lesson lesson = lessons.lessons().getFirst();
        Question question = quizzes.find(lesson.quiz()).orElseThrow().questions().stream()
                .filter(q -> q.kind() != Question.Kind.NUMERIC)
                .findFirst()
                .orElseThrow();
        joined.learner()
                .contentType(ContentType.JSON)
                .body(Map.of("quiz", lesson.quiz(), "question", question.id(), "answer", Map.of("choices", List.of(0))))
                .when()
                .post("/api/v1/me/answers")
                .then()
                .statusCode(200);
        joined.learner()
                .contentType(ContentType.JSON)
                .body(Map.of("lesson", lesson.slug(), "state", "completed"))
                .when()
                .post("/api/v1/me/progress")
                .then()
                .statusCode(200);
        return new ClassWithALearner(created.code(), created.secret(), joined.token());
    }

    /** Visits pages breadth first in one window, checks each and queues the site's pages it links to. */
    private static final class Walk {

        private final Page page;
        private final int width;
        private final boolean axe;
        private final Queue<String> queue = new ArrayDeque<>();
        private final Map<String, String> linkedFrom = new LinkedHashMap<>();
        private final Set<String> seen = new HashSet<>();
        private final Map<String, Integer> numbered = new HashMap<>();
        private final List<String> checked = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private int consoleErrorsSeen;
        private int foreignRequestsSeen;

        Walk(Page page, int width, boolean axe) {
            this.page = page;
            this.width = width;
            this.axe = axe;
        }

        void enqueue(String path, String from) {
            if (NOT_SITE_PAGES.stream().anyMatch(path::startsWith)
                    || FILE.matcher(path).matches()) {
                return;
            }
            if (seen.add(path)
                    && numbered.merge(NUMBER.matcher(path).replaceAll("N"), 1, Integer::sum)
                            <= PAGES_PER_NUMBERED_PATH) {
                queue.add(path);
                linkedFrom.put(path, from);
            }
        }

        void drain() {
            for (String path = queue.poll(); path != null; path = queue.poll()) {
                visitAndCheck(path, path, linkedFrom.get(path));
            }
        }

        void visitAndCheck(String path, String name, String from) {
            Response response = browser.visit(page, path);
            if (response == null || response.status() >= 400) {
                problems.add(name + " (linked from " + from + ") answers "
                        + (response == null ? "nothing" : response.status()));
                // Chromium logs the failed load as a console error: it belongs to this link, not the next page.
                consoleErrorsSeen = browser.consoleErrors(page).size();
                return;
            }
            String type =
                    Optional.ofNullable(response.headerValue("content-type")).orElse("");
            if (!type.startsWith("text/html")) {
                return;
            }
            String landed = pathOf(URI.create(page.url()));
            if (!landed.equals(path) && !seen.add(landed)) {
                // A redirect to a page already walked, such as the instructor link to the dashboard.
                return;
            }
            checkCurrent(landed.equals(path) ? name : landed, from);
        }

        void checkCurrent(String name, String from) {
            checked.add(name);
            // A page that answered a form has the form's address: its own links to places on it lead nowhere new.
            URI here = URI.create(page.url());
            seen.add(pathOf(here));
            String where = name + " (linked from " + from + ")";
            if (SCREENSHOTS != null) {
                String file = width + "-" + checked.size() + "-" + name.replaceAll("[^A-Za-z0-9]+", "-") + ".png";
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of(SCREENSHOTS, file))
                        .setFullPage(true));
            }
            browser.sidewaysScroll(page)
                    .ifPresent(why -> problems.add(where + " scrolls sideways at " + width + " px: " + why));
            if (axe) {
                browser.accessibilityViolations(page).forEach(violation -> problems.add(where + ": axe: " + violation));
            }
            List<String> errors = browser.consoleErrors(page);
            errors.subList(consoleErrorsSeen, errors.size()).forEach(error -> problems.add(where + ": " + error));
            consoleErrorsSeen = errors.size();
            List<String> foreign = browser.foreignRequests(page);
            foreign.subList(foreignRequestsSeen, foreign.size())
                    .forEach(url -> problems.add(where + ": a request to another origin: " + url));
            foreignRequestsSeen = foreign.size();
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>)
                    page.evaluate("() => [...document.querySelectorAll('a[href]:not([download])')].map(a => a.href)");
            for (String link : links) {
                URI target = here.resolve(link);
                if (sameOrigin(here, target)) {
                    enqueue(pathOf(target), name);
                }
            }
        }

        private static boolean sameOrigin(URI one, URI other) {
            return one.getScheme().equals(other.getScheme())
                    && one.getHost().equals(other.getHost())
                    && one.getPort() == other.getPort();
        }

        /** Returns the path and query of an address: its fragment names a place on a page already walked. */
        private static String pathOf(URI uri) {
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }
}
