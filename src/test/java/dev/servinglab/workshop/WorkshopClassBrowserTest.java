package dev.servinglab.workshop;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.servinglab.lesson.service.Lesson;
import dev.servinglab.lesson.service.LessonRepository;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.testsupport.BrowserSupport;
import dev.servinglab.workshop.service.WorkshopExport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs a whole class in the browser, as issue 15 asks: an instructor and three learners, each in a browser context
 * of their own (their own cookies), the learners joining with the code the instructor's page shows, answering a
 * quiz question and running the latency lab, while the instructor's dashboard follows them live, without a reload;
 * then the presenter view reveals the answers, and the CSV export holds exactly the learners' answers.
 */
@QuarkusTest
class WorkshopClassBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    /** The promise: the dashboard shows what a learner did within 2 s. */
    private static final double LIVE_MS = 2_000;
    // For what the issue puts no bound on (a learner's own page loading, the presenter view): a loaded CI machine.
    private static final double PATIENT_MS = 15_000;
    private static final int REQUESTS_PER_RUN = 10;

    @Inject
    LessonRepository lessons;

    @Inject
    QuizRepository quizzes;

    /** Holds a learner of the class: what they are called, whether they answer right, and their own browser. */
    private record Learner(String nickname, boolean answersRight, Page page) {
        Learner(String nickname, boolean answersRight) {
            this(nickname, answersRight, null);
        }

        /** Returns this learner in the browser they joined with. */
        Learner in(Page joinedWith) {
            return new Learner(nickname, answersRight, joinedWith);
        }
    }

    @Test
    void aClassJoinsAnswersAndLoadsTheServerWhileTheInstructorWatchesLive() throws IOException {
        Lesson first = lessons.lessons().getFirst();
        Question question = quizzes.find(first.quiz()).orElseThrow().questions().stream()
                .filter(q -> q.kind() == Question.Kind.SINGLE)
                .findFirst()
                .orElseThrow(() -> new AssertionError(first.slug() + " has no single-choice question"));
        int right = optionWhere(question, true);
        int wrong = optionWhere(question, false);
        Lesson latencyLesson = lessons.lessons().stream()
                .filter(lesson -> lesson.html().contains("data-widget=\"latency-lab\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no lesson holds the latency lab"));

        // The instructor creates the workshop through the form: every lesson, nothing held back.
        Page instructor = browser.open("/workshops/new");
        instructor.getByLabel("Title").fill("Class of three");
        PlaywrightAssertions.assertThat(instructor.getByLabel("Hold quiz answers until I release them"))
                .not()
                .isChecked();
        instructor
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the workshop"))
                .click();
        Locator joinCode = instructor.locator("[data-join-code]");
        PlaywrightAssertions.assertThat(joinCode).hasText(Pattern.compile("^[A-Z0-9]{3}-[A-Z0-9]{3}$"));
        String shownCode = joinCode.textContent();
        instructor
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the dashboard"))
                .click();
        // The learners act only once the dashboard follows the stream: its first event has been drawn.
        PlaywrightAssertions.assertThat(instructor.locator("[data-updated]"))
                .hasText(Pattern.compile("^Live"), new LocatorAssertions.HasTextOptions().setTimeout(PATIENT_MS));

        List<Learner> learners =
                List.of(new Learner("Ana", true), new Learner("Дарья", true), new Learner("Bo <b>bold</b>", false));
        List<Learner> joined = new ArrayList<>();
        Locator learnerRows = instructor.locator("[data-learners] tr");
        for (Learner learner : learners) {
            joined.add(learner.in(join(shownCode, learner.nickname())));
            PlaywrightAssertions.assertThat(instructor.locator("[data-learner-count]"))
                    .hasText(String.valueOf(joined.size()), live());
            PlaywrightAssertions.assertThat(learnerRows.locator("td:first-child"))
                    .hasText(joined.stream().map(Learner::nickname).toArray(String[]::new), live());
        }
        // Escaped: the markup in a nickname is text, not a bold element.
        PlaywrightAssertions.assertThat(instructor.locator("[data-learners] b")).hasCount(0);

        Locator result = instructor.locator("[data-question-key='" + first.quiz() + "/" + question.id() + "']");
        int answered = 0;
        int answeredRight = 0;
        for (Learner learner : joined) {
            answer(learner, first, question, learner.answersRight() ? right : wrong);
            answered++;
            answeredRight += learner.answersRight() ? 1 : 0;
            PlaywrightAssertions.assertThat(result.locator("[data-answered]"))
                    .hasText(String.valueOf(answered), live());
            PlaywrightAssertions.assertThat(result.locator("[data-percent]"))
                    .hasText(percent(answeredRight, answered), live());
            Locator row = learnerRows.filter(new Locator.FilterOptions()
                    .setHas(instructor.getByRole(
                            AriaRole.CELL,
                            new Page.GetByRoleOptions()
                                    .setName(learner.nickname())
                                    .setExact(true))));
            PlaywrightAssertions.assertThat(row.locator("td").nth(4)).hasText("1", live());
            PlaywrightAssertions.assertThat(row.locator("td").nth(5))
                    .hasText(learner.answersRight() ? "1" : "0", live());
        }
        PlaywrightAssertions.assertThat(result.locator("tr[data-option='" + right + "'] [data-count]"))
                .hasText("2", live());
        PlaywrightAssertions.assertThat(result.locator("tr[data-option='" + wrong + "'] [data-count]"))
                .hasText("1", live());
        String wrongText = question.options().get(wrong).text();
        PlaywrightAssertions.assertThat(result.locator("[data-wrong]")).hasText(wrongText + " (1)", live());

        int runs = 0;
        for (Learner learner : joined) {
            runLatencyLab(learner, latencyLesson);
            runs++;
            int requests = runs * REQUESTS_PER_RUN;
            PlaywrightAssertions.assertThat(instructor.locator("[data-load='runs']"))
                    .hasText(String.valueOf(runs), live());
            PlaywrightAssertions.assertThat(instructor.locator("[data-load='requests']"))
                    .hasText(requests + " (0 errors)", live());
            // The histogram's data table: every request of the class in one bucket or another.
            instructor.waitForFunction(
                    "n => [...document.querySelectorAll('[data-load-buckets] tr td:nth-child(3)')]"
                            + ".reduce((sum, cell) => sum + Number(cell.textContent), 0) === n",
                    requests,
                    new Page.WaitForFunctionOptions().setTimeout(LIVE_MS));
        }

        // The presenter view: the question large, the class's answers hidden until revealed.
        instructor
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Presenter view"))
                .first()
                .click();
        instructor.getByLabel("Show").selectOption(first.quiz() + "/" + question.id());
        instructor
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show it"))
                .click();
        PlaywrightAssertions.assertThat(instructor.locator("[data-stage-title]"))
                .hasText(question.prompt(), patient());
        PlaywrightAssertions.assertThat(instructor.locator("[data-present-status]"))
                .containsText("Results hidden");
        Locator results = instructor.locator("[data-stage-results]");
        PlaywrightAssertions.assertThat(results).isHidden();
        instructor
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reveal the class's results"))
                .click();
        PlaywrightAssertions.assertThat(results).isVisible();
        PlaywrightAssertions.assertThat(results.locator("[data-answered]")).hasText("3");
        PlaywrightAssertions.assertThat(results.locator("[data-percent]")).hasText(percent(2, 3));
        PlaywrightAssertions.assertThat(results.locator("[data-wrong]")).hasText(wrongText + " (1)");
        Locator optionRows = results.locator("[data-option-rows] tr");
        PlaywrightAssertions.assertThat(optionRows.nth(right).locator("td").nth(2))
                .hasText("2");
        PlaywrightAssertions.assertThat(optionRows.nth(wrong).locator("td").nth(2))
                .hasText("1");

        // Back on the dashboard, rendered by the server this time: the nickname is escaped there too.
        instructor
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the dashboard"))
                .click();
        PlaywrightAssertions.assertThat(learnerRows.locator("td:first-child"))
                .hasText(joined.stream().map(Learner::nickname).toArray(String[]::new));
        PlaywrightAssertions.assertThat(instructor.locator("[data-learners] b")).hasCount(0);

        // The export holds exactly the class's answers: one row per learner, with their answer and its grade.
        Download download = instructor.waitForDownload(() -> instructor
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export as CSV"))
                .click());
        List<List<String>> csv = Csv.parse(Files.readString(download.path(), StandardCharsets.UTF_8));
        assertThat(csv.getFirst(), equalTo(WorkshopExport.CSV_COLUMNS));
        List<Map<String, String>> rows = csv.subList(1, csv.size()).stream()
                .map(cells -> IntStream.range(0, cells.size())
                        .boxed()
                        .collect(Collectors.toMap(i -> csv.getFirst().get(i), cells::get)))
                .toList();
        assertThat(rows, hasSize(joined.size()));
        assertThat(
                rows.stream().map(row -> row.get("nickname")).toList(),
                containsInAnyOrder(joined.stream().map(Learner::nickname).toArray()));
        Map<String, Map<String, String>> byNickname =
                rows.stream().collect(Collectors.toMap(row -> row.get("nickname"), Function.identity()));
        for (Learner learner : joined) {
            Map<String, String> row = byNickname.get(learner.nickname());
            assertThat(row.get("quiz"), equalTo(first.quiz()));
            assertThat(row.get("question"), equalTo(question.id()));
            assertThat(
                    row.get("answer"),
                    equalTo(question.options()
                            .get(learner.answersRight() ? right : wrong)
                            .text()));
            assertThat(row.get("correct"), equalTo(String.valueOf(learner.answersRight())));
            assertThat(row.get("attempts"), equalTo("1"));
            Instant.parse(row.get("answered_at"));
        }

        for (Page page : joined.stream().map(Learner::page).toList()) {
            assertThat(browser.consoleErrors(page), empty());
            assertThat(browser.foreignRequests(page), empty());
        }
        assertThat(browser.consoleErrors(instructor), empty());
        assertThat(browser.foreignRequests(instructor), empty());
    }

    /** Joins in a browser of the learner's own through the /join form, typing the code the instructor showed. */
    private static Page join(String shownCode, String nickname) {
        Page page = browser.open("/join");
        page.getByLabel("Workshop code").fill(shownCode);
        page.getByLabel("Nickname").fill(nickname);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("[data-workshop-bar]"))
                .containsText(
                        "Workshop " + shownCode + " · you are " + nickname,
                        new LocatorAssertions.ContainsTextOptions().setTimeout(PATIENT_MS));
        return page;
    }

    /** Answers the question in the lesson's quiz, and waits for the feedback the answer brings back. */
    private static void answer(Learner learner, Lesson lesson, Question question, int option) {
        Page page = learner.page();
        page.navigate(lesson.path());
        Locator item = page.locator("[data-question='" + question.id() + "']");
        item.getByLabel(question.options().get(option).text(), new Locator.GetByLabelOptions().setExact(true))
                .check();
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check my answer"))
                .click();
        PlaywrightAssertions.assertThat(item.locator("[data-feedback] .verdict"))
                .hasText(
                        question.options().get(option).correct() ? "Correct." : "Not correct.",
                        new LocatorAssertions.HasTextOptions().setTimeout(PATIENT_MS));
    }

    /** Runs the lesson's latency lab with a few requests, and waits until the run was reported to the workshop. */
    private static void runLatencyLab(Learner learner, Lesson lesson) {
        Page page = learner.page();
        page.navigate(lesson.path());
        Locator lab = page.locator("[data-widget='latency-lab']");
        lab.getByLabel("Requests", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(String.valueOf(REQUESTS_PER_RUN));
        lab.getByLabel("At once (concurrency)").selectOption("1");
        Response report = page.waitForResponse(
                response -> response.url().endsWith("/api/v1/me/latency-runs"),
                new Page.WaitForResponseOptions().setTimeout(PATIENT_MS),
                () -> lab.getByRole(
                                AriaRole.BUTTON,
                                new Locator.GetByRoleOptions().setName("Run").setExact(true))
                        .click());
        assertThat(report.url() + " answered " + report.text(), report.status(), equalTo(200));
        PlaywrightAssertions.assertThat(lab.locator("[data-latency-status]"))
                .containsText(
                        "Done: " + REQUESTS_PER_RUN + " requests",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(PATIENT_MS));
    }

    private static int optionWhere(Question question, boolean correct) {
        return IntStream.range(0, question.options().size())
                .filter(i -> question.options().get(i).correct() == correct)
                .findFirst()
                .orElseThrow();
    }

    /** Writes a share as the dashboard does (js/format.js percent): one decimal, then " %". */
    private static String percent(int right, int answered) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * right / answered);
    }

    private static LocatorAssertions.HasTextOptions live() {
        return new LocatorAssertions.HasTextOptions().setTimeout(LIVE_MS);
    }

    private static LocatorAssertions.HasTextOptions patient() {
        return new LocatorAssertions.HasTextOptions().setTimeout(PATIENT_MS);
    }
}
