package dev.servinglab.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lesson 9 renders with its excerpts and its stream lab, and quotes the benchmark as bench/RESULTS.md recorded it.
 */
@QuarkusTest
class FrameworksLessonTest {

    private static final String SLUG = "09-frameworks-and-generative-models";
    private static final Path LESSON = Path.of("lessons", SLUG + ".md");
    private static final Path RESULTS = Path.of("bench", "RESULTS.md");

    /** The run the lesson quotes: the heading of its section in bench/RESULTS.md holds this date and time. */
    private static final String RUN = "2026-12-01 16:20";

    /** The servers of the lesson's table, by the names bench/RESULTS.md gives them. */
    private static final Map<String, String> SERVERS = Map.of(
            "Flask, gunicorn, 2 sync workers", "flask-gunicorn-2w",
            "FastAPI, uvicorn, 1 worker, `def`", "fastapi-uvicorn-1w (`def`)",
            "FastAPI, uvicorn, 1 worker, `async def`", "fastapi-async-uvicorn-1w (best peer)",
            "this app (Quarkus + Smile MLP)", "**serving-lab**");

    private static final Pattern CODE =
            Pattern.compile("<pre[^>]*><code class=\"language-(\\w+)\">(.*?)</code></pre>", Pattern.DOTALL);

    @Test
    void theLessonShowsTheThreeServersAndTheStreamLab() {
        String page = given().when()
                .get("/lessons/" + SLUG)
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString();
        assertThat(page, containsString("<h1>Frameworks side by side, and generative models behind an API</h1>"));
        assertThat(page, not(containsString("{{")));
        assertThat(page, containsString("data-widget=\"stream-lab\""));
        assertThat(page, containsString("<script type=\"module\" src=\"/js/training/stream-lab.js\"></script>"));
        List<String> languages = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        Matcher code = CODE.matcher(page);
        while (code.find()) {
            languages.add(code.group(1));
            lengths.add(code.group(2).strip().split("\n").length);
        }
        assertThat(languages, equalTo(List.of("python", "python", "java")));
        // Short enough to read side by side: Java says a little more than Python.
        assertThat(lengths, everyItem(lessThanOrEqualTo(35)));
        // The quiz of the lesson is on its page.
        assertThat(page, containsString("data-quiz=\"" + SLUG + "\""));
    }

    @Test
    void theBenchmarkTableQuotesTheRecordedRunFigureByFigure() throws IOException {
        List<String> lesson = Files.readAllLines(LESSON);
        assertThat(String.join("\n", lesson), containsString("2026-12-01 at 16:20 (machine time)"));
        List<String> results = Files.readAllLines(RESULTS);
        int section = heading(results, RUN, 0);
        int next = heading(results, "", section + 1);
        List<String> run = results.subList(section, next);
        List<String> quoted = new ArrayList<>();
        for (Map.Entry<String, String> server : SERVERS.entrySet()) {
            List<String> ours = cells(rowOf(lesson, server.getKey()));
            List<String> recorded = cells(rowOf(run, server.getValue()));
            // requests per second, p50, p99, healthy after, RSS: columns 2, 4, 5, 6 and 7 of the recorded table
            List<String> expected = List.of(
                    strip(recorded.get(1)),
                    strip(recorded.get(3)) + " ms",
                    strip(recorded.get(4)) + " ms",
                    strip(recorded.get(5)) + " s",
                    strip(recorded.get(6)) + " MB");
            assertThat(server.getKey(), ours.subList(1, 6), equalTo(expected));
            quoted.add(server.getKey());
        }
        assertThat(quoted, hasSize(4));
    }

    /** Finds the next level-2 heading holding the text, from a line on. */
    private static int heading(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith("## ") && lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no section '" + text + "' after line " + (from + 1));
    }

    private static String rowOf(List<String> lines, String name) {
        return lines.stream()
                .filter(line -> line.startsWith("| " + name + " |"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table row for " + name));
    }

    private static List<String> cells(String row) {
        String inner = row.strip().substring(1, row.strip().length() - 1);
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    /** Drops the bold a figure has in the recorded table. */
    private static String strip(String cell) {
        return cell.replace("**", "");
    }
}
