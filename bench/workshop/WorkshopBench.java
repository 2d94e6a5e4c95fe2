import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates a workshop class against a running Serving Lab: an instructor follows the dashboard stream while N
 * learners join, read, answer every quiz, report exercises, run latency labs and trainings at a human pace; a
 * probe measures POST /api/v1/predict at a steady rate before the class (quiet), during it, and after it (quiet
 * again, once the class's streams are closed): the quiet runs before and after together are the baseline, so that
 * a change in the machine's own load over the run weighs on both sides. The probe that the goal is judged on writes
 * HTTP/1.1 on a socket of its own and reads the answer on the same thread: java.net.http hands every exchange
 * between threads, which adds the driver's own scheduling to what is measured (about 1 ms at the median on an idle
 * app, more under a class). A second probe through java.net.http, as before, runs beside it for comparison.
 *
 * <p>Run with JDK 25: {@code java bench/workshop/WorkshopBench.java --base http://127.0.0.1:18190 --learners 300
 * --minutes 5 --pid <app pid>}. Uses the JDK only (java.net.http, a socket), so that the bench needs nothing else.
 * Everything random comes from {@code --seed}: the same seed gives every learner the same script (the server's
 * timing still varies).
 *
 * <p>Several instances of the app sharing one database: {@code --base URL1,URL2 --pid PID1,PID2}. Learners take
 * turns over the instances (learner 1 on the first, learner 2 on the second, ...) and each keeps to its own, as
 * session affinity behind a load balancer keeps a browser on one instance. The instructor creates the workshop,
 * follows the dashboard and pushes "follow" on the last instance, so the reports made through every other instance
 * reach the dashboard only through the app's fan-out; the dashboard delay is also given per instance the reports
 * went through. The probe measures predict on every instance; memory and CPU are read per instance.
 */
public class WorkshopBench {

    static final String PREDICT_BODY =
            "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";
    static final String[] NAME_STEMS = {"Ana", "Björn", "Зоя", "Chen 陈", "Nadia", "Ola", "Łucja", "Kwame", "Aiko"};
    static final Pattern SEQ = Pattern.compile("^data:\\s?\\{\"seq\":(\\d+)");

    // Options
    final List<Instance> instances = new ArrayList<>();
    int learners = 300;
    double minutes = 5;
    long seed = 42;
    int quietSeconds = 30;
    /** This driver's CPU time at the start and the end of the class: it shares the machine with the app. */
    long driverCpuAtStart = -1;
    long driverCpuAtEnd = -1;
    /** The probe the goal is judged on: a socket of its own, one thread (see the class's javadoc). */
    static final String PROBE = "probe";
    /** The probe through java.net.http, as in runs before 2 December 2026: printed for comparison. */
    static final String JAVA_PROBE = "probe via java.net.http";
    /** The baseline: the probe's quiet runs before and after the class, together. */
    static final String QUIET = quietKey(PROBE);
    /**
     * Predictions each probe sends back to back, unmeasured, before it keeps its pace: at 50 a second the JIT would
     * take minutes to compile the probe's own code, and the quiet run before the class would measure a probe slower
     * than the one in the class it is compared with (a median of 0.70 ms without this warm-up, 0.47-0.55 ms with it,
     * in the runs of 2 December 2026).
     */
    static final int PROBE_WARM_UP = 20_000;
    /** Counts down as each probe has sent its warm-up. */
    CountDownLatch probesWarm;
    int probeRate = 50;
    double trainShare = 0.5;

    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    // The probe and the streams get clients of their own, so that the class's connections never queue them.
    final HttpClient probeClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final HttpClient streamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // What is measured
    final Map<String, List<Double>> timings = new ConcurrentHashMap<>();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    /** Joins answered per 10 s of the class: how the arrivals were spread. */
    final Map<Integer, LongAdder> joinsBySlot = new ConcurrentHashMap<>();
    final List<long[]> acks = Collections.synchronizedList(new ArrayList<>()); // {seq, nanoTime, instance}
    final List<long[]> events = Collections.synchronizedList(new ArrayList<>()); // {seq, nanoTime, bytes}
    final AtomicInteger labsRunning = new AtomicInteger();
    final AtomicLong maxRssSumKb = new AtomicLong();
    /** Per learner who joined, by nickname: the instance they work on, and the questions whose answer was acked. */
    final Map<String, Integer> instanceByNickname = new ConcurrentHashMap<>();
    final Map<String, Set<String>> answeredByNickname = new ConcurrentHashMap<>();
    volatile String lastDashboard;
    final List<InputStream> openStreams = new CopyOnWriteArrayList<>();
    volatile String probePhase = "warm-up";
    volatile boolean probing = true;
    /** False once the driver closes the class's streams itself: what breaks them then is no error. */
    volatile boolean streaming = true;
    /** Where every probe is written (sent at, in ms since the epoch; latency; phase; instance; probe), or null. */
    java.nio.file.Path probeLog;
    final List<String> probeLines = Collections.synchronizedList(new ArrayList<>());
    volatile boolean sampling = true;

    // The course, read from the app
    final List<Lesson> lessons = new ArrayList<>();
    final List<Exercise> exercises = new ArrayList<>();
    String code;
    String secret;
    long deadline;
    double pace;
    long classStart;

    /** A quiz question; {@code variant} is the problem a generated numeric question posed, sent back with answers. */
    record Question(
            String id, String kind, int options, List<Integer> rightChoices, Double rightValue, Integer variant) {}

    record Lesson(String slug, List<Question> questions) {}

    record Exercise(String id, boolean rowsActual, long[][] cells) {}

    record Reply(int status, String body, String cookie, String retryAfter) {}

    /** One instance of the app: where it listens, its process (-1: unknown), and what was measured of it. */
    static final class Instance {
        final int number;
        final URI base;
        final long pid;
        final AtomicLong maxRssKb = new AtomicLong();
        final List<Long> rssSamplesKb = new CopyOnWriteArrayList<>();
        long cpuAtStart = -1;
        long cpuAtEnd = -1;

        Instance(int number, URI base, long pid) {
            this.number = number;
            this.base = base;
            this.pid = pid;
        }

        String label() {
            return "instance " + number + " (" + base.getAuthority() + ")";
        }
    }

    /** Stops a learner's script when the class is over. */
    static final class ClassOver extends RuntimeException {
        ClassOver() {
            super(null, null, false, false);
        }
    }

    public static void main(String[] args) throws Exception {
        WorkshopBench bench = new WorkshopBench();
        String[] bases = null;
        String[] pids = {};
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--base" -> bases = value.split(",");
                case "--learners" -> bench.learners = Integer.parseInt(value);
                case "--minutes" -> bench.minutes = Double.parseDouble(value);
                case "--seed" -> bench.seed = Long.parseLong(value);
                case "--pid" -> pids = value.split(",");
                case "--quiet-seconds" -> bench.quietSeconds = Integer.parseInt(value);
                case "--probe-rate" -> bench.probeRate = Integer.parseInt(value);
                case "--train-share" -> bench.trainShare = Double.parseDouble(value);
                case "--probe-log" -> bench.probeLog = java.nio.file.Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (bases == null) {
            throw new IllegalArgumentException("--base is required");
        }
        if (pids.length > bases.length) {
            throw new IllegalArgumentException("--pid names more processes than --base names instances");
        }
        for (int i = 0; i < bases.length; i++) {
            bench.instances.add(new Instance(i + 1, URI.create(bases[i].strip()),
                    i < pids.length ? Long.parseLong(pids[i].strip()) : -1));
        }
        System.exit(bench.run() ? 0 : 1);
    }

    boolean run() throws Exception {
        // Think times are scaled to the class's length, so that a short run still goes through the whole course.
        pace = minutes / 5.0;
        readCourse();
        Thread sampler = Thread.ofPlatform().daemon().name("rss").start(this::sample);
        List<Thread> probes = new ArrayList<>();
        probesWarm = new CountDownLatch(2 * instances.size());
        System.out.printf(Locale.ROOT, "warm-up: each probe sends %d predictions back to back, unmeasured%n",
                PROBE_WARM_UP);
        for (Instance at : instances) {
            SocketProbe socket = new SocketProbe(at.base, PREDICT_BODY);
            probes.add(Thread.ofPlatform().daemon().name("probe-" + at.number)
                    .start(() -> probe(at, PROBE, socket::post, 0)));
            // Half a period later, so that the two probes never send at the same moment.
            probes.add(Thread.ofPlatform().daemon().name("java-probe-" + at.number).start(() -> probe(at, JAVA_PROBE,
                    () -> probeClient.send(predict(at).build(), HttpResponse.BodyHandlers.discarding()).statusCode(),
                    500_000_000L / probeRate)));
        }

        // Then 10 s at their pace, unmeasured: the JIT finishes what the bursts started, and the heap settles.
        probesWarm.await();
        Thread.sleep(10_000);
        probePhase = "quiet";
        System.out.printf(Locale.ROOT, "quiet: predict probe at %d req/s for %d s (after 10 s at its pace)%s%n",
                probeRate, quietSeconds, multi() ? ", on each of the " + instances.size() + " instances" : "");
        Thread.sleep(quietSeconds * 1000L);

        createWorkshop();
        Thread dashboard = Thread.ofPlatform().daemon().name("dashboard").start(this::followDashboard);
        long start = System.nanoTime();
        classStart = start;
        deadline = start + (long) (minutes * 60e9);
        probePhase = "class";
        instances.forEach(at -> at.cpuAtStart = cpuTicks(at.pid));
        driverCpuAtStart = cpuTicks(ProcessHandle.current().pid());
        System.out.printf(Locale.ROOT, "class: %d learners for %.1f min in workshop %s (seed %d)%n",
                learners, minutes, code, seed);
        if (multi()) {
            System.out.printf(Locale.ROOT, "  learners take turns over the %d instances (learner 1 on instance 1,"
                    + " learner 2 on instance 2, ...) and keep to theirs; the workshop, its dashboard stream and"
                    + " \"follow\" on %s%n", instances.size(), dashboardAt().label());
        }
        Thread instructor = Thread.ofVirtual().start(this::instruct);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().name("learner-" + n).start(() -> learner(n)));
        }
        Thread progress = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.printf(Locale.ROOT, "  %3.0f s: %d reports acked, %d dashboard events, %d errors%n",
                        (System.nanoTime() - start) / 1e9, acks.size(), events.size(), errorCount());
            }
        });
        for (Thread t : threads) {
            t.join(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 60_000)));
        }
        instructor.join();
        double classSeconds = (System.nanoTime() - start) / 1e9;
        instances.forEach(at -> at.cpuAtEnd = cpuTicks(at.pid));
        driverCpuAtEnd = cpuTicks(ProcessHandle.current().pid());
        instances.forEach(this::serverTimes);
        probePhase = "after";
        progress.interrupt();
        // The last reports' events leave within a dashboard interval: wait for them before counting.
        Thread.sleep(2000);
        streaming = false;
        for (InputStream in : openStreams) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
        }
        Thread.sleep(5000); // the server notices the closed streams
        probePhase = "quiet after";
        System.out.printf(Locale.ROOT, "quiet after the class (its streams closed): the probe alone again for %d s%n",
                quietSeconds);
        Thread.sleep(quietSeconds * 1000L);
        probing = false;
        sampling = false;
        for (Thread probe : probes) {
            probe.join(2000);
        }
        sampler.join(2000);
        if (probeLog != null) {
            List<String> lines = new ArrayList<>(List.of("sent_at_ms,latency_ms,phase,instance,probe"));
            lines.addAll(probeLines);
            java.nio.file.Files.write(probeLog, lines);
        }
        return summarise(classSeconds);
    }

    // ---- The course -------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    void readCourse() throws Exception {
        for (Object q : (List<Object>) Json.parse(get(instances.getFirst(), "/api/v1/quizzes"))) {
            Map<String, Object> quiz = (Map<String, Object>) q;
            String slug = (String) quiz.get("slug");
            List<Map<String, Object>> questions = (List<Map<String, Object>>) quiz.get("questions");
            Map<String, Map<String, Object>> key = answerKey(slug, questions);
            List<Question> list = new ArrayList<>();
            for (Map<String, Object> question : questions) {
                String id = (String) question.get("id");
                List<Integer> right = new ArrayList<>();
                Double value = null;
                Map<String, Object> reviewed = key.get(id);
                if (reviewed != null) {
                    List<Object> options = (List<Object>) reviewed.getOrDefault("options", List.of());
                    for (int i = 0; i < options.size(); i++) {
                        Map<String, Object> option = (Map<String, Object>) options.get(i);
                        if (Boolean.TRUE.equals(option.get("correct"))) {
                            // Options come in a learner's own order: an option is named by its index in the file.
                            right.add(option.get("index") instanceof Double index ? index.intValue() : i);
                        }
                    }
                    right.sort(null);
                    if (reviewed.get("answer") instanceof Double d) {
                        value = d;
                    }
                }
                Integer variant = question.get("variant") instanceof Double v ? v.intValue() : null;
                list.add(new Question(id, (String) question.get("kind"),
                        ((List<Object>) question.get("options")).size(), right, value, variant));
            }
            lessons.add(new Lesson(slug, list));
        }
        for (Object e : (List<Object>) Json.parse(get(instances.getFirst(), "/api/v1/exercises"))) {
            Map<String, Object> exercise = (Map<String, Object>) e;
            List<Object> rows = (List<Object>) exercise.get("cells");
            long[][] cells = new long[2][2];
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    cells[r][c] = ((Double) ((List<Object>) rows.get(r)).get(c)).longValue();
                }
            }
            exercises.add(new Exercise((String) exercise.get("id"), "Actual".equals(exercise.get("row_axis")), cells));
        }
        int questions = lessons.stream().mapToInt(l -> l.questions().size()).sum();
        System.out.printf(Locale.ROOT, "course: %d lessons, %d quiz questions, %d exercises%n",
                lessons.size(), questions, exercises.size());
    }

    /** Reads a quiz's answer key from its review (one POST with any answer), so learners can be right or wrong. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> answerKey(String slug, List<Map<String, Object>> questions) {
        StringBuilder body = new StringBuilder("{\"answers\":{");
        for (int i = 0; i < questions.size(); i++) {
            Map<String, Object> q = questions.get(i);
            String variant = q.get("variant") instanceof Double v ? ",\"variant\":" + v.intValue() : "";
            body.append(i == 0 ? "" : ",").append(Json.quote((String) q.get("id"))).append(':')
                    .append("numeric".equals(q.get("kind")) ? "{\"value\":0" + variant + "}" : "{\"choices\":[0]}");
        }
        body.append("}}");
        Map<String, Map<String, Object>> key = new LinkedHashMap<>();
        try {
            HttpResponse<String> response = client.send(
                    json(instances.getFirst(), "/api/v1/quizzes/" + slug + "/review", body.toString()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                Map<String, Object> review = (Map<String, Object>) Json.parse(response.body());
                for (Object q : (List<Object>) review.get("questions")) {
                    key.put((String) ((Map<String, Object>) q).get("id"), (Map<String, Object>) q);
                }
            }
        } catch (Exception e) {
            System.out.println("note: no answer key for " + slug + " (" + e + "); learners answer at random");
        }
        return key;
    }

    void createWorkshop() throws Exception {
        HttpResponse<String> response = client.send(
                json(dashboardAt(), "/api/v1/workshops", "{\"title\":\"Bench class of " + learners + "\"}").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating the workshop: " + response.statusCode() + " " + response.body());
        }
        Matcher m = Pattern.compile("\"code\":\"([A-Z0-9]+)\"").matcher(response.body());
        Matcher s = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find() || !s.find()) {
            throw new IllegalStateException("no code or secret in " + response.body());
        }
        code = m.group(1);
        secret = s.group(1);
    }

    // ---- The instructor ---------------------------------------------------------------------------------------

    /** Follows the dashboard stream as the dashboard page does, timing each event's arrival. */
    void followDashboard() {
        HttpRequest request = HttpRequest.newBuilder(
                        dashboardAt().base.resolve("/api/v1/workshops/" + code + "/dashboard/events"))
                .header("Authorization", "Bearer " + secret)
                .header("Accept", "text/event-stream")
                .build();
        try {
            HttpResponse<InputStream> response = streamClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                error("GET dashboard/events" + at(dashboardAt()) + " " + response.statusCode());
                return;
            }
            openStreams.add(response.body());
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                long now = System.nanoTime();
                Matcher m = SEQ.matcher(line);
                if (m.find()) {
                    events.add(new long[] {Long.parseLong(m.group(1)), now, line.length()});
                    lastDashboard = line;
                }
            }
        } catch (IOException e) {
            if (streaming) {
                error("GET dashboard/events" + at(dashboardAt()) + " " + e.getClass().getSimpleName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Pushes a lesson to follow now and then, as an instructor walking the class through the course does. */
    void instruct() {
        Random random = new Random(seed);
        try {
            for (Lesson lesson : lessons) {
                think(random, 35, 45);
                HttpRequest.Builder put = HttpRequest.newBuilder(
                                dashboardAt().base.resolve("/api/v1/workshops/" + code + "/follow"))
                        .header("Authorization", "Bearer " + secret)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"lesson\":\"" + lesson.slug() + "\",\"section\":null}"));
                call("PUT follow", put.build(), false);
            }
        } catch (ClassOver over) {
            // the class is over
        }
    }

    // ---- A learner --------------------------------------------------------------------------------------------

    void learner(int n) {
        // java.util.Random's first draws from seeds 1 apart are nearly equal (its seed scrambling is a bare XOR):
        // seeded with seed + n, 258 of 300 learners "arrived" within the same 4.5 s. SplittableRandom mixes the
        // seed, so arrivals spread over the 45 s as meant, and a seed still gives the same class.
        Random random = new Random(new SplittableRandom(seed * 1_000_003L + n).nextLong());
        String nickname = NAME_STEMS[n % NAME_STEMS.length] + " " + (n + 1);
        Instance at = instances.get(n % instances.size());
        try {
            // Learners arrive over the first 45 s, as a class does; at this pace most finish the course in about
            // two thirds of the class's time and then run the class load test again and again.
            think(random, 0, 45);
            Reply joined = call("POST join",
                    json(at, "/api/v1/workshops/" + code + "/learners",
                            "{\"nickname\":" + Json.quote(nickname) + "}").build(), false);
            joinsBySlot.computeIfAbsent((int) ((System.nanoTime() - classStart) / 10_000_000_000L),
                    slot -> new LongAdder()).increment();
            if (joined.cookie() == null) {
                return;
            }
            String cookie = joined.cookie();
            instanceByNickname.put(nickname, at.number);
            followMyEvents(at, cookie);
            for (Lesson lesson : lessons) {
                call("GET lesson page", HttpRequest.newBuilder(at.base.resolve("/lessons/" + lesson.slug()))
                        .header("Cookie", cookie).build(), false);
                call("GET me", HttpRequest.newBuilder(at.base.resolve("/api/v1/me")).header("Cookie", cookie)
                        .build(), false);
                report(at, cookie, "progress", "{\"lesson\":\"" + lesson.slug() + "\",\"state\":\"visited\"}");
                think(random, 2, 6);
                for (Question question : lesson.questions()) {
                    think(random, 1.5, 5);
                    boolean right = answer(at, nickname, cookie, lesson, question, random, random.nextDouble() < 0.7);
                    if (!right && random.nextDouble() < 0.5) {
                        think(random, 1, 4);
                        answer(at, nickname, cookie, lesson, question, random, true);
                    }
                }
                if (lesson.slug().contains("latency")) {
                    latencyLab(at, cookie, random);
                } else if (lesson.slug().contains("confusion") || lesson.slug().contains("precision")
                        || lesson.slug().contains("pitfalls")) {
                    think(random, 3, 8);
                    exercise(at, cookie, random);
                } else if (lesson.slug().contains("train") && random.nextDouble() < trainShare) {
                    train(at, cookie, random);
                }
                report(at, cookie, "progress",
                        "{\"lesson\":\"" + lesson.slug() + "\",\"state\":\"completed\"}");
            }
            // Done early: the class load test, run again and again until the instructor stops the class.
            while (true) {
                think(random, 15, 40);
                latencyLab(at, cookie, random);
            }
        } catch (ClassOver over) {
            // the class is over
        }
    }

    /** Keeps the learner's own event stream open, as learner.js does on every page. */
    void followMyEvents(Instance at, String cookie) {
        HttpRequest request = HttpRequest.newBuilder(at.base.resolve("/api/v1/me/events"))
                .header("Cookie", cookie)
                .header("Accept", "text/event-stream")
                .build();
        streamClient.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                error("GET me/events" + at(at) + " " + response.statusCode());
                return;
            }
            openStreams.add(response.body());
            Thread.ofVirtual().start(() -> {
                try (InputStream in = response.body()) {
                    byte[] buffer = new byte[8192];
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        count("learner event bytes", read);
                    }
                } catch (IOException e) {
                    if (streaming) {
                        error("GET me/events" + at(at) + " " + e.getClass().getSimpleName());
                    }
                }
            });
        });
    }

    boolean answer(
            Instance at, String nickname, String cookie, Lesson lesson, Question q, Random random, boolean wantRight) {
        String answer;
        boolean right;
        if ("numeric".equals(q.kind())) {
            right = wantRight && q.rightValue() != null;
            double value = right ? q.rightValue() : Math.round(random.nextDouble() * 10_000) / 100.0 + 1000;
            answer = "{\"value\":" + value + (q.variant() == null ? "" : ",\"variant\":" + q.variant()) + "}";
        } else {
            List<Integer> choices;
            if (wantRight && !q.rightChoices().isEmpty()) {
                choices = q.rightChoices();
            } else if ("multiple".equals(q.kind())) {
                choices = new ArrayList<>();
                for (int i = 0; i < q.options(); i++) {
                    if (random.nextBoolean()) {
                        choices.add(i);
                    }
                }
                if (choices.isEmpty()) {
                    choices.add(random.nextInt(q.options()));
                }
            } else {
                choices = List.of(random.nextInt(q.options()));
            }
            right = choices.equals(q.rightChoices());
            answer = "{\"choices\":" + choices.toString().replace(" ", "") + "}";
        }
        boolean acked = report(at, cookie, "answers",
                "{\"quiz\":\"" + lesson.slug() + "\",\"question\":\"" + q.id() + "\",\"answer\":" + answer + "}");
        if (acked) {
            answeredByNickname.computeIfAbsent(nickname, k -> ConcurrentHashMap.newKeySet())
                    .add(lesson.slug() + "/" + q.id());
        }
        return right;
    }

    void exercise(Instance at, String cookie, Random random) {
        Exercise e = exercises.get(random.nextInt(exercises.size()));
        long[][] c = e.cells();
        // cells[0][0] is always the true positives; the off-diagonal cells swap with the axes.
        double tp = c[0][0];
        double fn = e.rowsActual() ? c[0][1] : c[1][0];
        double fp = e.rowsActual() ? c[1][0] : c[0][1];
        double tn = c[1][1];
        double accuracy = (tp + tn) / (tp + tn + fp + fn);
        double precision = tp / (tp + fp);
        double recall = tp / (tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        // A third of the class reads the axes the wrong way round.
        if (random.nextDouble() < 0.33) {
            double swap = precision;
            precision = recall;
            recall = swap;
        }
        report(at, cookie, "exercises", String.format(Locale.ROOT,
                "{\"exercise\":\"%s\",\"answers\":{\"accuracy\":\"%.2f\",\"precision\":\"%.2f\",\"recall\":\"%.2f\","
                        + "\"f1\":\"%.2f\"}}", e.id(), accuracy, precision, recall, f1));
    }

    /** Runs the latency lab as the browser does: a few hundred predictions, 1 to 4 at a time, then reports them. */
    void latencyLab(Instance at, String cookie, Random random) {
        int total = 200 + random.nextInt(301);
        int concurrency = 1 + random.nextInt(4);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        labsRunning.incrementAndGet();
        long started = System.nanoTime();
        try {
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(Thread.ofVirtual().start(() -> {
                    while (next.getAndIncrement() < total) {
                        long t0 = System.nanoTime();
                        Reply reply = call("POST predict (lab)", predict(at).build(), false);
                        if (reply.status() == 200) {
                            double ms = (System.nanoTime() - t0) / 1e6;
                            latencies.add(ms);
                            time("predict (lab)", ms);
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            labsRunning.decrementAndGet();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder body = new StringBuilder("{\"latencies_ms\":[");
        synchronized (latencies) {
            for (int i = 0; i < latencies.size(); i++) {
                body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", latencies.get(i)));
            }
        }
        body.append(String.format(Locale.ROOT, "],\"errors\":%d,\"concurrency\":%d,\"seconds\":%.3f}",
                failed.get(), concurrency, seconds));
        report(at, cookie, "latency-runs", body.toString());
    }

    /** Trains a small model; 429 (the server's training limit) is expected and tried again later. */
    void train(Instance at, String cookie, Random random) {
        String body = String.format(Locale.ROOT,
                "{\"dataset\":\"iris\",\"epochs\":%d,\"hidden_units\":%d,\"learning_rate\":%.2f,\"pace_ms\":0}",
                20 + random.nextInt(41), 4 + random.nextInt(13), 0.01 + random.nextInt(10) / 100.0);
        String id = null;
        while (id == null) {
            Reply reply = call("POST trainings", json(at, "/api/v1/trainings", body).build(), true);
            if (reply.status() == 201) {
                Matcher m = Pattern.compile("\"id\":\"([0-9a-f]+)\"").matcher(reply.body());
                if (!m.find()) {
                    error("POST trainings" + at(at) + ": no id");
                    return;
                }
                id = m.group(1);
            } else if (reply.status() == 429) {
                count("training 429 (expected, retried)", 1);
                think(random, 3, 10);
            } else {
                return;
            }
        }
        String status = "running";
        while ("running".equals(status)) {
            sleepUntilOver(500);
            Reply reply = call("GET training", HttpRequest.newBuilder(at.base.resolve("/api/v1/trainings/" + id))
                    .build(), false);
            Matcher m = Pattern.compile("\"status\":\"([a-z_]+)\"").matcher(reply.body() == null ? "" : reply.body());
            if (reply.status() != 200 || !m.find()) {
                return;
            }
            status = m.group(1);
        }
        count("trainings " + status, 1);
        if ("completed".equals(status)) {
            report(at, cookie, "trainings", "{\"run_id\":\"" + id + "\"}");
        }
    }

    /** Reports as a learner; says whether the report was acknowledged. */
    boolean report(Instance at, String cookie, String kind, String body) {
        HttpRequest request = json(at, "/api/v1/me/" + kind, body).header("Cookie", cookie).build();
        long t0 = System.nanoTime();
        Reply reply = call("POST me/" + kind, request, false);
        long t1 = System.nanoTime();
        if (reply.status() / 100 == 2) {
            time("report", (t1 - t0) / 1e6);
            time(String.format(Locale.ROOT, "slot %03d", (t1 - classStart) / 10_000_000_000L), (t1 - t0) / 1e6);
            time("report " + kind, (t1 - t0) / 1e6);
            if (multi()) {
                time("report, instance " + at.number, (t1 - t0) / 1e6);
            }
            Matcher m = Pattern.compile("^\\{\"seq\":(\\d+)").matcher(reply.body());
            if (m.find()) {
                acks.add(new long[] {Long.parseLong(m.group(1)), t1, at.number});
            }
            return true;
        }
        return false;
    }

    // ---- The predict probe and the memory ---------------------------------------------------------------------

    /** Sends one prediction and answers the response's status. */
    @FunctionalInterface
    interface ProbeSend {
        int send() throws IOException, InterruptedException;
    }

    /** Names the timing of a probe's quiet runs before and after the class, together. */
    static String quietKey(String probe) {
        return probe + " quiet, before and after";
    }

    /** Sends one prediction at a steady rate and files its latency under the probe's name and the phase. */
    void probe(Instance at, String name, ProbeSend send, long offsetNanos) {
        try {
            for (int i = 0; i < PROBE_WARM_UP; i++) {
                int status = send.send();
                if (status != 200) {
                    error("POST predict (" + name + ", warm-up)" + at(at) + " " + status);
                }
            }
        } catch (IOException e) {
            error("POST predict (" + name + ", warm-up)" + at(at) + " " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            return;
        } finally {
            probesWarm.countDown();
        }
        long period = 1_000_000_000L / probeRate;
        long next = System.nanoTime() + offsetNanos;
        try {
            sleepNanos(offsetNanos);
        } catch (ClassOver interrupted) {
            return;
        }
        while (probing) {
            next += period;
            String phase = probePhase;
            boolean lab = labsRunning.get() > 0;
            long sentAt = System.currentTimeMillis();
            long t0 = System.nanoTime();
            try {
                int status = send.send();
                double ms = (System.nanoTime() - t0) / 1e6;
                if (probeLog != null) {
                    probeLines.add(String.format(Locale.ROOT, "%d,%.3f,%s,%d,%s", sentAt, ms, phase, at.number, name));
                }
                if (status != 200) {
                    error("POST predict (" + name + ")" + at(at) + " " + status);
                } else if ("class".equals(phase)) {
                    time(name + " class", ms);
                    if (PROBE.equals(name)) {
                        time(lab ? "probe class, a lab running" : "probe class, no lab running", ms);
                        if (multi()) {
                            time("probe class, instance " + at.number, ms);
                        }
                    }
                } else if (phase.startsWith("quiet")) {
                    time(name + " " + phase, ms);
                    time(quietKey(name), ms);
                    if (PROBE.equals(name) && multi()) {
                        time(QUIET + ", instance " + at.number, ms);
                    }
                }
            } catch (IOException e) {
                error("POST predict (" + name + ")" + at(at) + " " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                return;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    sleepNanos(wait);
                } catch (ClassOver interrupted) {
                    return;
                }
            } else {
                next = System.nanoTime(); // fell behind: no catching up in a burst
            }
        }
    }

    /**
     * Posts a prediction over HTTP/1.1 on one kept-alive socket, reading the answer on the calling thread: nothing
     * between the probe and the server but the kernel. Connects again after an error or a "Connection: close".
     */
    static final class SocketProbe {
        private final URI base;
        private final byte[] request;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        SocketProbe(URI base, String body) {
            this.base = base;
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST /api/v1/predict HTTP/1.1\r\nHost: " + base.getHost() + ":" + port()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + json.length + "\r\n\r\n";
            byte[] start = head.getBytes(StandardCharsets.US_ASCII);
            request = new byte[start.length + json.length];
            System.arraycopy(start, 0, request, 0, start.length);
            System.arraycopy(json, 0, request, start.length, json.length);
        }

        /** Sends the prediction and reads the whole answer; answers its status. */
        int post() throws IOException {
            try {
                if (socket == null) {
                    socket = new Socket(base.getHost(), port());
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    out = socket.getOutputStream();
                    in = new BufferedInputStream(socket.getInputStream());
                }
                out.write(request);
                out.flush();
                String statusLine = line();
                int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
                long length = -1;
                boolean close = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).trim());
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    }
                }
                if (length < 0) {
                    throw new IOException("an answer without Content-Length: " + statusLine);
                }
                in.skipNBytes(length);
                if (close) {
                    disconnect();
                }
                return status;
            } catch (IOException | RuntimeException e) {
                disconnect();
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }

        private int port() {
            return base.getPort() < 0 ? 80 : base.getPort();
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void disconnect() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
            socket = null;
        }
    }

    /** Samples every instance's resident memory once a second, and their sum at the same moment. */
    void sample() {
        List<Instance> alive = new ArrayList<>(instances.stream().filter(at -> at.pid > 0).toList());
        while (sampling && !alive.isEmpty()) {
            long sumKb = 0;
            for (Instance at : List.copyOf(alive)) {
                long kb = rssKb(at.pid);
                if (kb < 0) {
                    alive.remove(at); // the process is gone: nothing more to read of it
                    continue;
                }
                at.rssSamplesKb.add(kb);
                at.maxRssKb.accumulateAndGet(kb, Math::max);
                sumKb += kb;
            }
            if (alive.size() == instances.size()) {
                maxRssSumKb.accumulateAndGet(sumKb, Math::max);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads a process's resident memory in KB from /proc; -1 when it cannot. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone, or its status unreadable
        }
        return -1;
    }

    /** Prints the server's own mean time per workshop endpoint (Micrometer), to tell its time from the driver's. */
    void serverTimes(Instance at) {
        try {
            Map<String, double[]> byUri = new TreeMap<>();
            Pattern line = Pattern.compile(
                    "^http_server_requests_seconds_(sum|count)\\{.*?method=\"(\\w+)\".*?uri=\"([^\"]+)\".*\\} (\\S+)$");
            for (String row : get(at, "/q/metrics").split("\n")) {
                Matcher m = line.matcher(row);
                if (m.find() && (m.group(3).contains("/me") || m.group(3).contains("/learners")
                        || m.group(3).startsWith("/lessons"))) {
                    double[] v = byUri.computeIfAbsent(m.group(2) + " " + m.group(3), k -> new double[2]);
                    v["sum".equals(m.group(1)) ? 0 : 1] += Double.parseDouble(m.group(4));
                }
            }
            System.out.println("server side (Micrometer, all statuses), mean time per request"
                    + (multi() ? ", " + at.label() : "") + ":");
            byUri.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-44s n=%7.0f  mean %8.2f ms%n",
                    k, v[1], v[1] == 0 ? Double.NaN : v[0] / v[1] * 1000));
        } catch (Exception e) {
            System.out.println("no server-side times" + (multi() ? " from " + at.label() : "") + ": " + e);
        }
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    HttpRequest.Builder json(Instance at, String path, String body) {
        return HttpRequest.newBuilder(at.base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpRequest.Builder predict(Instance at) {
        return json(at, "/api/v1/predict", PREDICT_BODY);
    }

    String get(Instance at, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(at.base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + at.base.resolve(path) + ": " + response.statusCode());
        }
        return response.body();
    }

    /** Sends a request; any status but 2xx is an error, except 429 where {@code tooManyExpected}. */
    Reply call(String label, HttpRequest request, boolean tooManyExpected) {
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            time("call " + label, (System.nanoTime() - t0) / 1e6);
            int status = response.statusCode();
            count(label, 1);
            if (status / 100 != 2 && !(tooManyExpected && status == 429)) {
                error(label + at(request.uri()) + " " + status);
                if (errorCount() <= 5) {
                    System.out.println("  error: " + label + at(request.uri()) + " " + status + " " + response.body());
                }
            }
            String cookie = response.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith("serving-lab-learner="))
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst()
                    .orElse(null);
            String retryAfter = response.headers().firstValue("retry-after").orElse(null);
            return new Reply(status, response.body(), cookie, retryAfter);
        } catch (IOException e) {
            error(label + at(request.uri()) + " " + e.getClass().getSimpleName());
            return new Reply(-1, null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClassOver();
        }
    }

    /** Names the instance an error came from, when there are several: " @2"; nothing when there is one. */
    String at(Instance at) {
        return multi() ? " @" + at.number : "";
    }

    String at(URI uri) {
        return instances.stream()
                .filter(i -> i.base.getAuthority().equals(uri.getAuthority()))
                .findFirst()
                .map(this::at)
                .orElse("");
    }

    boolean multi() {
        return instances.size() > 1;
    }

    /** Returns the instance the instructor works on: the last one. */
    Instance dashboardAt() {
        return instances.getLast();
    }

    // ---- Time -------------------------------------------------------------------------------------------------

    /** Waits a human's while (scaled to the class's length), or ends the script when the class is over first. */
    void think(Random random, double lowSeconds, double highSeconds) {
        double seconds = (lowSeconds + random.nextDouble() * (highSeconds - lowSeconds)) * pace;
        sleepUntilOver((long) (seconds * 1000));
    }

    void sleepUntilOver(long millis) {
        long until = System.nanoTime() + millis * 1_000_000L;
        if (until >= deadline) {
            sleepNanos(deadline - System.nanoTime());
            throw new ClassOver();
        }
        sleepNanos(millis * 1_000_000L);
    }

    /** Sleeps; an interrupt ends the caller's script with {@link ClassOver}. */
    static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClassOver();
        }
    }

    // ---- Figures ----------------------------------------------------------------------------------------------

    void time(String key, double ms) {
        timings.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(ms);
    }

    void error(String key) {
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    void count(String key, long n) {
        counts.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
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

    String p5099(String key) {
        List<Double> values = timings.get(key);
        return String.format(Locale.ROOT, "%-30s n=%7d  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms", key,
                values == null ? 0 : values.size(), percentile(values, 50), percentile(values, 99),
                percentile(values, 100));
    }

    boolean summarise(double classSeconds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "== workshop bench: %d learners, %.1f s of class, seed %d ==%n",
                learners, classSeconds, seed);
        System.out.println("requests (all from 127.0.0.1; the join limit was raised for that):");
        new TreeMap<>(counts).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-36s %9d%n", k, v.sum()));
        System.out.println("errors (non-2xx but the expected 429 on trainings, or no answer): " + errorCount());
        new TreeMap<>(errors).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-36s %9d%n", k, v.sum()));

        System.out.println("report POSTs (/api/v1/me/...), as the learner saw them:");
        System.out.println("  " + p5099("report"));
        for (String kind : List.of("progress", "answers", "exercises", "latency-runs", "trainings")) {
            System.out.println("  " + p5099("report " + kind));
        }
        if (multi()) {
            instances.forEach(i -> System.out.println("  " + p5099("report, instance " + i.number)));
        }
        System.out.printf(Locale.ROOT, "  %.1f reports per second over the class%n", acks.size() / classSeconds);
        StringBuilder joins = new StringBuilder();
        new TreeMap<>(joinsBySlot).forEach(
                (slot, n) -> joins.append(String.format(Locale.ROOT, " %03d:%d", slot, n.sum())));
        System.out.println("  joins answered by 10 s of the class (slot:joins):" + joins);
        System.out.println("  report POSTs by 10 s of the class (slot 000 is its first 10 s):");
        new TreeMap<>(timings).keySet().stream().filter(k -> k.startsWith("slot ")).forEach(
                k -> System.out.println("    " + p5099(k)));
        System.out.println("other requests of the class, as the learner saw them:");
        new TreeMap<>(timings).keySet().stream()
                .filter(k -> k.startsWith("call ") && !k.startsWith("call POST me/"))
                .forEach(k -> System.out.println("  " + p5099(k)));

        // Dashboard delay: a report acked with seq S at t; the first dashboard event with seq >= S at t'.
        List<long[]> evs;
        synchronized (events) {
            evs = new ArrayList<>(events);
        }
        long[] maxSeq = new long[evs.size()];
        long[] at = new long[evs.size()];
        long bytes = 0;
        long biggest = 0;
        for (int i = 0; i < evs.size(); i++) {
            maxSeq[i] = Math.max(i == 0 ? Long.MIN_VALUE : maxSeq[i - 1], evs.get(i)[0]);
            at[i] = evs.get(i)[1];
            bytes += evs.get(i)[2];
            biggest = Math.max(biggest, evs.get(i)[2]);
        }
        List<Double> delays = new ArrayList<>();
        int missing = 0;
        int[] missingVia = new int[instances.size() + 1];
        synchronized (acks) {
            for (long[] ack : acks) {
                int lo = 0;
                int hi = evs.size();
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (maxSeq[mid] >= ack[0]) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                if (lo == evs.size()) {
                    missing++;
                    missingVia[(int) ack[2]]++;
                } else {
                    delays.add(Math.max(0, at[lo] - ack[1]) / 1e6);
                    if (multi()) {
                        time(viaKey((int) ack[2]), Math.max(0, at[lo] - ack[1]) / 1e6);
                    }
                }
            }
        }
        timings.put("dashboard delay", delays);
        System.out.printf(Locale.ROOT,
                "dashboard stream: %d events, %.1f per second, %.0f KB each on average, %.0f KB the largest, %.1f MB"
                        + " in all%n",
                evs.size(), evs.size() / classSeconds, evs.isEmpty() ? 0.0 : bytes / 1024.0 / evs.size(),
                biggest / 1024.0, bytes / 1048576.0);
        System.out.println("  " + p5099("dashboard delay"));
        if (multi()) {
            for (Instance i : instances) {
                System.out.println("  " + p5099(viaKey(i.number)));
            }
        }
        System.out.println("  reports never seen on the dashboard: " + missing);
        if (multi()) {
            for (Instance i : instances) {
                System.out.printf(Locale.ROOT, "    reported through %s: %d%n", i.label(), missingVia[i.number]);
            }
        }
        boolean complete = dashboardComplete();

        System.out.println("POST /api/v1/predict, the probe at " + probeRate + " req/s on a socket of its own"
                + (multi() ? " to each instance (all instances together, then each):" : ":"));
        System.out.println("  " + p5099("probe quiet"));
        System.out.println("  " + p5099("probe quiet after"));
        System.out.println("  " + p5099(QUIET));
        System.out.println("  " + p5099("probe class"));
        System.out.println("  " + p5099("probe class, no lab running"));
        System.out.println("  " + p5099("probe class, a lab running"));
        double ratio = p99Ratio("probe class", QUIET);
        double ratioBefore = p99Ratio("probe class", "probe quiet");
        if (multi()) {
            for (Instance i : instances) {
                double r = p99Ratio("probe class, instance " + i.number, QUIET + ", instance " + i.number);
                System.out.println("  " + p5099(QUIET + ", instance " + i.number));
                System.out.println("  " + p5099("probe class, instance " + i.number) + "  (" + fmt(r) + "x quiet)");
                // The goal holds for every instance, so the worst one is judged.
                ratio = Double.isNaN(r) || r > ratio ? r : ratio;
            }
        }
        System.out.println("  for comparison, the same probe through java.net.http (its threads add the driver's"
                + " scheduling; the probe before 2 December 2026):");
        System.out.println("  " + p5099(quietKey(JAVA_PROBE)));
        System.out.println("  " + p5099(JAVA_PROBE + " class") + "  ("
                + fmt(p99Ratio(JAVA_PROBE + " class", quietKey(JAVA_PROBE))) + "x quiet)");
        System.out.println("  the learners' latency labs, as the driver measured them:");
        System.out.println("  " + p5099("predict (lab)"));
        for (Instance i : instances) {
            long lastRssMb = i.rssSamplesKb.isEmpty() ? 0 : i.rssSamplesKb.getLast() / 1024;
            System.out.println("memory" + (multi() ? " of " + i.label() : "") + ": RSS max " + i.maxRssKb.get() / 1024
                    + " MB over " + i.rssSamplesKb.size() + " samples (1 a second), last " + lastRssMb + " MB");
        }
        if (multi()) {
            System.out.println("memory of the " + instances.size() + " instances together: RSS max "
                    + maxRssSumKb.get() / 1024 + " MB (their sum, sampled at the same second)");
        }

        for (Instance i : instances) {
            if (i.cpuAtStart >= 0 && i.cpuAtEnd >= 0) {
                // /proc counts CPU time in clock ticks of 1/100 s on Linux.
                System.out.printf(Locale.ROOT, "app CPU over the class%s: %.0f s, %.2f cores on average%n",
                        multi() ? ", " + i.label() : "",
                        (i.cpuAtEnd - i.cpuAtStart) / 100.0, (i.cpuAtEnd - i.cpuAtStart) / 100.0 / classSeconds);
            }
        }
        if (driverCpuAtStart >= 0 && driverCpuAtEnd >= 0) {
            double seconds = (driverCpuAtEnd - driverCpuAtStart) / 100.0;
            System.out.printf(Locale.ROOT, "this driver's CPU over the class (%d learners, their labs, the probe):"
                    + " %.0f s, %.2f cores on average%n", learners, seconds, seconds / classSeconds);
        }
        double reportP99 = percentile(timings.get("report"), 99);
        double delayP99 = percentile(delays, 99);
        double ratioNoLab = p99Ratio("probe class, no lab running", QUIET);
        long rssMb = instances.stream().mapToLong(i -> i.maxRssKb.get()).max().orElse(0) / 1024;
        boolean pidsKnown = instances.stream().allMatch(i -> i.pid > 0);
        System.out.println("goals:");
        boolean ok = goal("errors", errorCount() + "", "0", errorCount() == 0);
        ok &= goal("report POST p99", fmt(reportP99) + " ms", "<= 50 ms", reportP99 <= 50);
        ok &= goal("dashboard delay p99", fmt(delayP99) + " ms", "<= 1000 ms", delayP99 <= 1000 && missing == 0);
        if (multi()) {
            ok &= goal("dashboard shows every answer", complete ? "yes" : "no", "yes", complete);
        }
        ok &= goal(multi() ? "RSS max, largest instance" : "RSS max", rssMb + " MB", "<= 400 MB",
                pidsKnown && rssMb <= 400);
        ok &= goal(multi() ? "predict p99 / quiet, worst" : "predict p99 during / quiet", fmt(ratio) + "x",
                "<= 1.5x", ratio <= 1.5);
        System.out.printf(Locale.ROOT, "  (predict p99 during the class while no latency lab ran / quiet: %sx)%n",
                fmt(ratioNoLab));
        System.out.printf(Locale.ROOT, "  (predict p99 during the class / the quiet run before it alone: %sx)%n",
                fmt(ratioBefore));
        return ok;
    }

    /** Divides the p99 of one timing by another's (NaN when either has none). */
    double p99Ratio(String during, String quiet) {
        return percentile(timings.get(during), 99) / percentile(timings.get(quiet), 99);
    }

    static String viaKey(int instance) {
        return "delay, via instance " + instance;
    }

    /**
     * Compares the dashboard's last event with what the driver had acknowledged: every learner who joined (through
     * any instance) listed, with as many questions answered as the driver's acknowledged answers. This holds
     * whatever {@code seq} means, so it shows whether the reports made through other instances reached the
     * dashboard at all. Prints what it found; says whether nothing was missing.
     */
    @SuppressWarnings("unchecked")
    boolean dashboardComplete() {
        String last = lastDashboard;
        if (last == null) {
            System.out.println("  the dashboard at the end: no event received");
            return false;
        }
        Map<String, Integer> answeredOnDashboard = new LinkedHashMap<>();
        try {
            Map<String, Object> view = (Map<String, Object>) Json.parse(last.substring(last.indexOf('{')));
            for (Object row : (List<Object>) view.get("learners")) {
                Map<String, Object> learner = (Map<String, Object>) row;
                answeredOnDashboard.put(
                        (String) learner.get("nickname"), ((Double) learner.get("answered")).intValue());
            }
        } catch (RuntimeException e) {
            System.out.println("  the dashboard at the end: unreadable (" + e + ")");
            return false;
        }
        boolean complete = true;
        for (Instance i : instances) {
            int joined = 0;
            int listed = 0;
            int allAnswers = 0;
            for (Map.Entry<String, Integer> learner : instanceByNickname.entrySet()) {
                if (learner.getValue() != i.number) {
                    continue;
                }
                joined++;
                Integer shown = answeredOnDashboard.get(learner.getKey());
                int acked = answeredByNickname.getOrDefault(learner.getKey(), Set.of()).size();
                listed += shown == null ? 0 : 1;
                allAnswers += shown != null && shown >= acked ? 1 : 0;
            }
            complete &= listed == joined && allAnswers == joined;
            System.out.printf(Locale.ROOT, "  the dashboard at the end%s: %d of %d learners who joined listed, %d of"
                            + " them with every acknowledged answer counted%n",
                    multi() ? ", learners of " + i.label() : "", listed, joined, allAnswers);
        }
        return complete;
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static boolean goal(String name, String measured, String goal, boolean met) {
        System.out.printf(Locale.ROOT, "  %-28s %12s  (goal %s)  %s%n", name, measured, goal, met ? "met" : "MISSED");
        return met;
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    /** Reads JSON into maps, lists, strings, doubles, booleans and nulls: just enough for the course's shape. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new IllegalArgumentException("trailing text at " + json.at);
            }
            return value;
        }

        static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private Object value() {
            space();
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    at++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    space();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        map.put(key, value());
                        space();
                        if (text.charAt(at++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    at++;
                    List<Object> list = new ArrayList<>();
                    space();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        space();
                        if (text.charAt(at++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (text.startsWith("true", at)) {
                        at += 4;
                        return Boolean.TRUE;
                    }
                    if (text.startsWith("false", at)) {
                        at += 5;
                        return Boolean.FALSE;
                    }
                    if (text.startsWith("null", at)) {
                        at += 4;
                        return null;
                    }
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    return Double.parseDouble(text.substring(start, at));
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }
    }
}
