import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the soak's mixed load but for predict and the workshop class (wrk and bench/workshop drive those): traces,
 * trainings followed over their event stream to the summary, quiz answers and pages, each kind in loops of its own
 * at a person's pace, for a given time; then prints, per kind, the requests, the errors and p50 / p99.
 *
 * <p>Run with JDK 25: {@code java bench/soak/SoakLoad.java --base http://127.0.0.1:18290 --minutes 10}. Uses
 * java.net.http only. The pace is seeded ({@code --seed}): the same seed sends the same requests in the same order
 * per loop (the server's timing still varies). An error is any answer but the one expected (2xx; 429 from the
 * training limit is expected and tried again), or none at all.
 */
public class SoakLoad {

    static final String[] FLOWERS = {
        "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}",
        "{\"sepal_length\":6.4,\"sepal_width\":3.2,\"petal_length\":4.5,\"petal_width\":1.5}",
        "{\"sepal_length\":6.3,\"sepal_width\":3.3,\"petal_length\":6.0,\"petal_width\":2.5}"
    };
    static final Pattern QUESTION =
            Pattern.compile("\"id\":\"([^\"]+)\",\"kind\":\"(single|multiple|numeric)\"(.*?\"variant\":(\\d+))?");
    static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");
    static final Pattern RUN_ID = Pattern.compile("\"id\":\"([0-9a-f]+)\"");
    static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z_]+)\"");

    URI base;
    double minutes = 1;
    long seed = 7;
    int traceLoops = 2;
    int quizLoops = 2;
    int pageLoops = 2;
    int trainingLoops = 1;

    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            // A page may redirect (/exercises opens the first exercise), as a browser follows.
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    final Map<String, List<Double>> timings = new ConcurrentHashMap<>();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    final LongAdder epochsFollowed = new LongAdder();
    long deadline;

    /** A quiz question as the public quiz API shows it; {@code variant} is set for a generated numeric one. */
    record Question(String slug, String id, String kind, String variant) {}

    public static void main(String[] args) throws Exception {
        SoakLoad soak = new SoakLoad();
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--base" -> soak.base = URI.create(value);
                case "--minutes" -> soak.minutes = Double.parseDouble(value);
                case "--seed" -> soak.seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (soak.base == null) {
            throw new IllegalArgumentException("--base is required");
        }
        System.exit(soak.run() ? 0 : 1);
    }

    /**
     * Returns the generator of loop n. Not {@code new Random(seed + n)}: java.util.Random's first draws from seeds 1
     * apart are nearly equal, so the loops would move in step; SplittableRandom mixes the seed first.
     */
    Random seeded(int n) {
        return new Random(new SplittableRandom(seed + n).nextLong());
    }

    boolean run() throws Exception {
        List<Question> questions = questions();
        List<String> pages = pages();
        deadline = System.nanoTime() + (long) (minutes * 60e9);
        List<Thread> loops = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < traceLoops; i++) {
            Random random = seeded(n++);
            loops.add(Thread.ofVirtual().start(() -> traces(random)));
        }
        for (int i = 0; i < quizLoops; i++) {
            Random random = seeded(n++);
            loops.add(Thread.ofVirtual().start(() -> quizzes(random, questions)));
        }
        for (int i = 0; i < pageLoops; i++) {
            Random random = seeded(n++);
            loops.add(Thread.ofVirtual().start(() -> pages(random, pages)));
        }
        for (int i = 0; i < trainingLoops; i++) {
            Random random = seeded(n++);
            loops.add(Thread.ofVirtual().start(() -> trainings(random)));
        }
        for (Thread loop : loops) {
            loop.join();
        }
        return summarise();
    }

    // ---- What is asked for --------------------------------------------------------------------------------------

    List<Question> questions() throws Exception {
        String body = get("/api/v1/quizzes");
        List<Question> questions = new ArrayList<>();
        // Each quiz's questions follow its slug in the list.
        Matcher slugs = SLUG.matcher(body);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (slugs.find()) {
            spans.add(new int[] {slugs.end(), body.length()});
            names.add(slugs.group(1));
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : body.length();
            // Each question's own text only, so that a variant is never taken from the next question.
            for (String part : body.substring(spans.get(i)[0], end).split("(?=\\{\"id\":)")) {
                Matcher q = QUESTION.matcher(part);
                if (q.find()) {
                    questions.add(new Question(names.get(i), q.group(1), q.group(2), q.group(4)));
                }
            }
        }
        if (questions.isEmpty()) {
            throw new IllegalStateException("no quiz questions in GET /api/v1/quizzes");
        }
        return questions;
    }

    /** Pages of every kind a visitor opens without a workshop (the class's pages are the workshop driver's). */
    List<String> pages() throws Exception {
        List<String> pages = new ArrayList<>(List.of("/", "/exercises", "/join", "/workshops/new"));
        Matcher lessons = Pattern.compile("href=\"(/lessons/[a-z0-9-]+)\"").matcher(get("/"));
        while (lessons.find()) {
            if (!pages.contains(lessons.group(1))) {
                pages.add(lessons.group(1));
            }
        }
        Matcher exercises = Pattern.compile("href=\"(/exercises/[a-z0-9-]+)\"").matcher(get("/exercises"));
        if (exercises.find()) {
            pages.add(exercises.group(1));
        }
        pages.addAll(List.of("/css/app.css", "/js/common.js", "/api/v1/models"));
        return pages;
    }

    // ---- The loops ----------------------------------------------------------------------------------------------

    /** Traces a flower now and then, as a learner in the trace lab does, half of them with scaling skipped. */
    void traces(Random random) {
        while (pause(random, 0.2, 1.0)) {
            String query = random.nextBoolean() ? "?skip_scaling=true" : "";
            call("trace", post("/api/v1/predict/trace" + query, FLOWERS[random.nextInt(FLOWERS.length)]), false);
        }
    }

    /** Answers quiz questions, right or wrong at random: the grading is what is loaded. */
    void quizzes(Random random, List<Question> questions) {
        while (pause(random, 0.2, 1.0)) {
            Question q = questions.get(random.nextInt(questions.size()));
            String answer = "numeric".equals(q.kind())
                    ? "{\"value\":" + random.nextInt(100) + (q.variant() == null ? "" : ",\"variant\":" + q.variant())
                            + "}"
                    : "{\"choices\":[0]}";
            call("quiz answer", post("/api/v1/quizzes/" + q.slug() + "/questions/" + q.id() + "/answer", answer),
                    false);
        }
    }

    void pages(Random random, List<String> pages) {
        while (pause(random, 0.2, 1.0)) {
            String page = pages.get(random.nextInt(pages.size()));
            call("page", HttpRequest.newBuilder(base.resolve(page)).timeout(Duration.ofSeconds(30)).build(), false);
        }
    }

    /**
     * Trains small models one after another, each followed over its event stream to the summary event, as the
     * training page does; a run ending in any status but completed is an error.
     */
    void trainings(Random random) {
        while (pause(random, 1, 3)) {
            String body = String.format(Locale.ROOT,
                    "{\"dataset\":\"iris\",\"epochs\":%d,\"hidden_units\":%d,\"pace_ms\":%d}",
                    100 + random.nextInt(200), 4 + random.nextInt(13), random.nextBoolean() ? 0 : 20);
            String[] reply = call("training start", post("/api/v1/trainings", body), true);
            if (reply == null || "429".equals(reply[0])) {
                continue;
            }
            Matcher id = RUN_ID.matcher(reply[1]);
            if (!id.find()) {
                error("training start", "no id in " + reply[1]);
                continue;
            }
            follow(id.group(1));
        }
    }

    void follow(String id) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/trainings/" + id + "/events"))
                .header("Accept", "text/event-stream")
                .build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> response =
                    client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            count("training stream");
            if (response.statusCode() != 200) {
                response.body().close();
                error("training stream", "status " + response.statusCode());
                return;
            }
            String event = null;
            String status = null;
            int epochs = 0;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:") && "epoch".equals(event)) {
                        epochs++;
                    } else if (line.startsWith("data:") && "summary".equals(event)) {
                        Matcher m = STATUS.matcher(line);
                        status = m.find() ? m.group(1) : "unknown";
                    }
                }
            }
            epochsFollowed.add(epochs);
            time("training stream", (System.nanoTime() - t0) / 1e6);
            if (!"completed".equals(status)) {
                error("training stream", "run " + id + " ended " + status + " after " + epochs + " epochs");
            }
        } catch (IOException e) {
            error("training stream", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    String get(String path) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    /** Sends a request and files it under {@code kind}; returns {status, body}, or null when no answer came. */
    String[] call(String kind, HttpRequest request, boolean tooManyExpected) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            count(kind);
            if (status == 429 && tooManyExpected) {
                count(kind + " 429 (expected, retried)");
            } else if (status / 100 != 2) {
                error(kind, request.method() + " " + request.uri().getPath() + " " + status + " " + response.body());
            } else {
                time(kind, (System.nanoTime() - t0) / 1e6);
            }
            return new String[] {Integer.toString(status), response.body()};
        } catch (IOException e) {
            count(kind);
            error(kind, request.method() + " " + request.uri().getPath() + " " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---- Time and figures ---------------------------------------------------------------------------------------

    /** Waits a while drawn between the bounds; false when the soak is over by then. */
    boolean pause(Random random, double lowSeconds, double highSeconds) {
        long nanos = (long) ((lowSeconds + random.nextDouble() * (highSeconds - lowSeconds)) * 1e9);
        if (System.nanoTime() + nanos >= deadline) {
            return false;
        }
        try {
            Thread.sleep(Duration.ofNanos(nanos));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void time(String kind, double ms) {
        timings.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(ms);
    }

    void count(String kind) {
        count(kind, 1);
    }

    void count(String kind, long n) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).add(n);
    }

    void error(String kind, String what) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (firstErrors.size() < 10) {
            firstErrors.add(kind + ": " + what);
        }
    }

    static double percentile(List<Double> values, double p) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Prints one line per kind, {@code kind,requests,errors,p50_ms,p99_ms} for the script, then notes and errors. */
    boolean summarise() {
        long total = 0;
        System.out.println("kind,requests,errors,p50_ms,p99_ms");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(counts).entrySet()) {
            long failed = errors.getOrDefault(e.getKey(), new LongAdder()).sum();
            total += failed;
            List<Double> times = timings.get(e.getKey());
            System.out.printf(Locale.ROOT, "%s,%d,%d,%.2f,%.2f%n", e.getKey(), e.getValue().sum(), failed,
                    percentile(times, 50), percentile(times, 99));
        }
        System.out.printf(Locale.ROOT, "# note the training streams brought %d epoch events, each run's summary "
                + "after them%n", epochsFollowed.sum());
        for (String first : firstErrors) {
            System.out.println("# error " + first.replace('\n', ' '));
        }
        return total == 0;
    }
}
