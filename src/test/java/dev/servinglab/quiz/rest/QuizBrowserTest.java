package dev.servinglab.quiz.rest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.servinglab.quiz.service.Question;
import dev.servinglab.quiz.service.Quiz;
import dev.servinglab.quiz.service.QuizRepository;
import dev.servinglab.testsupport.BrowserSupport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class QuizBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Inject
    QuizRepository quizzes;

    @Test
    void aLearnerTakesAQuizWithTheKeyboardAlone() {
        Quiz quiz = quizzes.find("04-the-confusion-matrix").orElseThrow();
        Page page = browser.open("/lessons/" + quiz.slug());
        boolean firstTry = true;
        boolean firstGenerated = true;
        for (Question q : quiz.questions()) {
            Locator item = page.locator("[data-question=\"" + q.id() + "\"]");
            if (firstTry && q.kind() == Question.Kind.SINGLE) {
                // A wrong answer first: graded wrong, explained, and open to another try.
                choose(page, item, q, false);
                submit(page, item);
                waitForVerdict(page, q.id(), "Not correct.");
                firstTry = false;
            }
            if (firstGenerated && q.parameters() != null) {
                // A wrong answer to a generated problem: the retry is a new problem, with new numbers.
                Question.Problem posed = q.problem(variantOf(item));
                type(page, item, posed.answer() + q.tolerance() + 1);
                submit(page, item);
                waitForVerdict(page, q.id(), "Not correct.");
                int next = variantOf(item);
                assertThat(next, not(equalTo(posed.variant())));
                assertThat(
                        item.locator("legend").textContent(),
                        equalTo(q.problem(next).prompt()));
                firstGenerated = false;
            }
            if (q.kind() == Question.Kind.NUMERIC) {
                type(page, item, q.problem(variantOf(item)).answer());
            } else {
                choose(page, item, q, true);
            }
            submit(page, item);
            waitForVerdict(page, q.id(), "Correct.");
        }
        Locator review = page.locator("[data-quiz-review]");
        review.focus();
        page.keyboard().press("Enter");
        page.waitForSelector("[data-quiz-summary] h3");
        assertThat(
                page.locator("[data-quiz-summary] h3").textContent(),
                equalTo("Your score: " + quiz.questions().size() + " of "
                        + quiz.questions().size()));
        assertThat(
                page.locator("[data-quiz-summary]").textContent(),
                containsString(quiz.questions().getFirst().prompt().substring(0, 20)));
        assertThat(browser.consoleErrors(page), empty());
        browser.assertNoSeriousAccessibilityViolations(page);
        assertThat("the quiz has a generated question", firstGenerated, equalTo(false));
    }

    @Test
    void aLearnerSeesTheirOwnOrderOnEveryReload() {
        Quiz quiz = quizzes.find("05-precision-versus-recall").orElseThrow();
        Page page = browser.open("/lessons/" + quiz.slug());
        List<String> first = optionOrder(page);
        page.reload();
        assertThat(optionOrder(page), equalTo(first));
        // The order is the learner's, not the file's: across a quiz's choice questions it cannot all match.
        List<String> fileOrder = quiz.questions().stream()
                .filter(q -> q.kind() != Question.Kind.NUMERIC)
                .map(q -> q.id() + ":"
                        + IntStream.range(0, q.options().size())
                                .mapToObj(String::valueOf)
                                .collect(Collectors.joining(",")))
                .toList();
        assertThat(first, not(equalTo(fileOrder)));
    }

    /** Returns each choice question's option indexes, in the order the page shows them. */
    private static List<String> optionOrder(Page page) {
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) page.evaluate("() => [...document.querySelectorAll('[data-question]')]"
                + ".filter(q => q.dataset.kind !== 'numeric')"
                + ".map(q => q.dataset.question + ':' + [...q.querySelectorAll('input[name=choice]')]"
                + ".map(i => i.value).join(','))");
        return order;
    }

    private static Integer variantOf(Locator item) {
        String variant = item.getAttribute("data-variant");
        return variant == null ? null : Integer.valueOf(variant);
    }

    private static void type(Page page, Locator item, double value) {
        Locator input = item.locator("input[name=value]");
        input.fill("");
        input.focus();
        page.keyboard().type(String.valueOf(value));
    }

    @Test
    void aProblemTheServerAnswersIsShownToTheLearner() {
        Quiz quiz = quizzes.find("04-the-confusion-matrix").orElseThrow();
        Question q = quiz.questions().stream()
                .filter(x -> x.kind() == Question.Kind.SINGLE)
                .findFirst()
                .orElseThrow();
        Page page = browser.open("/lessons/" + quiz.slug());
        Locator item = page.locator("[data-question=\"" + q.id() + "\"]");
        // A page left open while the quiz lost an option: the learner's choice no longer exists on the server.
        item.locator("input[name=choice]").first().evaluate("input => { input.value = '99'; }");
        item.locator("input[name=choice]").first().focus();
        page.keyboard().press("Space");
        submit(page, item);
        String expected = "Your answer could not be checked: 422: choices must hold option indexes from 0 to "
                + (q.options().size() - 1);
        page.waitForFunction(
                "([id, text]) => document.querySelector('[data-question=\"' + id + '\"] [data-feedback]')"
                        + ".textContent === text",
                List.of(q.id(), expected));
        assertThat(item.locator("[data-feedback]").getAttribute("role"), equalTo("status"));
        assertThat(browser.consoleErrors(page), contains(containsString("422")));
    }

    /** Sets the options of a choice question from the keyboard: right ones (or one wrong one) on, others off. */
    private static void choose(Page page, Locator item, Question q, boolean right) {
        boolean wrongPicked = false;
        // Options are found by their index in the quiz file, whatever place the learner's order gives them.
        for (int i = 0; i < q.options().size(); i++) {
            Locator input = item.locator("input[name=choice][value=\"" + i + "\"]");
            boolean want =
                    right ? q.options().get(i).correct() : !q.options().get(i).correct() && !wrongPicked;
            wrongPicked |= want && !right;
            if (input.isChecked() != want && (want || q.kind() == Question.Kind.MULTIPLE)) {
                input.focus();
                page.keyboard().press("Space");
            }
        }
    }

    private static void submit(Page page, Locator item) {
        item.locator("button[type=submit]").focus();
        page.keyboard().press("Enter");
    }

    private static void waitForVerdict(Page page, String id, String verdict) {
        page.waitForFunction(
                "([id, v]) => { const p = document.querySelector('[data-question=\"' + id + '\"] .verdict');"
                        + " return p && p.textContent === v; }",
                List.of(id, verdict));
    }
}
