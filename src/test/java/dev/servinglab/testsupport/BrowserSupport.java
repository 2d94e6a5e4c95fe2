package dev.servinglab.testsupport;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drives Debian's chromium through Playwright against the app that {@code @QuarkusTest} started,
 * and checks what a visitor's browser would see: console errors, requests to other origins and
 * accessibility violations found by axe-core.
 *
 * <p>Register it on a static field, so that JUnit runs its callbacks and the tests can call its helpers:
 * <pre>{@code
 * @QuarkusTest
 * class StartPageBrowserTest {
 *     @RegisterExtension
 *     static final BrowserSupport browser = new BrowserSupport();
 *
 *     @Test
 *     void startPageLoadsCleanly() {
 *         Page page = browser.open("/");
 *         assertEquals(List.of(), browser.consoleErrors(page));
 *         assertEquals(List.of(), browser.foreignRequests(page));
 *         browser.assertNoSeriousAccessibilityViolations(page);
 *     }
 * }
 * }</pre>
 *
 * <p>One Playwright driver and one chromium serve every browser test in the JVM, because launching
 * them costs seconds; JUnit closes them when the whole test run ends. Each {@link #open(String)}
 * gets a fresh browser context (its own cookies and storage), closed after the test that opened it.
 *
 * <p>Chromium is taken from {@code CHROMIUM_PATH}, else {@code /usr/bin/chromium}. Without it the
 * tests are skipped with a loud warning on a developer's machine, but fail when {@code CI=true},
 * so that a CI machine without chromium cannot pass by running no browser test.
 *
 * <p>Not thread-safe: Playwright's Java client is single-threaded, and this project runs its tests
 * one at a time.
 */
public final class BrowserSupport
        implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

    private static final String MISSING_CHROMIUM_HINT =
            "browser tests must run under CI: install chromium (apt-get install chromium)";

    /** Selects the WCAG 2.0 and 2.1 rules of levels A and AA, the level the app promises. */
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private static final int TARGETS_SHOWN = 3;

    // The machines reach only package registries: without these flags chromium phones home for
    // updates, sync and field trials, and those refused connections slow every launch.
    private static final List<String> CHROMIUM_FLAGS = List.of(
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    // Among the elements and the runs of text past the right edge, the one reaching furthest; on a tie the outermost,
    // which comes first in document order. Text is measured on its own, because a word too long for its box sticks
    // out of the box without widening it. An ancestor whose overflow is not visible keeps its content from widening
    // the page.
    private static final String SIDEWAYS_SCROLL = """
            () => {
              const root = document.documentElement;
              const width = root.clientWidth;
              if (root.scrollWidth <= width) {
                return null;
              }
              const contained = node => {
                for (let up = node.parentElement; up && up !== root; up = up.parentElement) {
                  if (getComputedStyle(up).overflowX !== 'visible') {
                    return true;
                  }
                }
                return false;
              };
              const name = element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                  + [...element.classList].map(c => '.' + c).join('');
              const range = document.createRange();
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
              let widest = null;
              let right = width;
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                let box;
                if (node.nodeType === Node.TEXT_NODE) {
                  range.selectNodeContents(node);
                  box = range.getBoundingClientRect();
                } else {
                  box = node.getBoundingClientRect();
                }
                if (box.right > right + 0.5 && !contained(node)) {
                  widest = node;
                  right = box.right;
                }
              }
              let text = 'the page is ' + root.scrollWidth + ' px wide in a ' + width + ' px window';
              if (widest) {
                const element = widest.nodeType === Node.TEXT_NODE ? widest.parentElement : widest;
                const path = [];
                for (let at = element; at && at !== document.body && path.length < 4; at = at.parentElement) {
                  path.unshift(name(at));
                }
                const words = (widest.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
                text += '; widest: ' + path.join(' > ') + (widest === element ? '' : ' (its text)')
                    + ', right edge at ' + Math.round(right) + ' px' + (words ? ': "' + words + '"' : '');
              }
              return text;
            }
            """;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSupport.class);

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private static final Object LOCK = new Object();

    // Shared by every test class in this class loader; guarded by LOCK.
    private static Playwright playwright;
    private static Browser browser;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final Map<Page, PageRecord> records = new IdentityHashMap<>();

    /** Enables the tests when chromium is there; otherwise skips them, or fails them under CI. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Path chromium = chromiumPath();
        if (Files.isExecutable(chromium)) {
            return ConditionEvaluationResult.enabled("chromium found at " + chromium);
        }
        String reason = "no executable chromium at " + chromium + " (set CHROMIUM_PATH to use another): "
                + MISSING_CHROMIUM_HINT;
        if (runningUnderCi()) {
            // Thrown rather than returned, so that JUnit reports the class as failed, not skipped.
            throw new IllegalStateException("CI=true and " + reason);
        }
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("""

                    ####################################################################
                    ##  BROWSER TESTS SKIPPED
                    ##  %s
                    ##  They FAIL instead under CI (CI=true).
                    ####################################################################
                    """.formatted(reason));
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    /** Launches the shared chromium unless an earlier test class already did. */
    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LOCK) {
            if (browser != null) {
                return;
            }
            long started = System.nanoTime();
            // Playwright would otherwise try to download its own browsers, which this network refuses.
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            List<String> args = new ArrayList<>(CHROMIUM_FLAGS);
            if (runningAsRoot()) {
                // Chromium refuses to start its sandbox as root.
                args.add("--no-sandbox");
            }
            try {
                browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(chromiumPath())
                                .setHeadless(true)
                                .setArgs(args));
            } catch (RuntimeException e) {
                closeShared();
                throw e;
            }
            System.err.printf(
                    "BrowserSupport: chromium %s launched in %d ms%n",
                    browser.version(), (System.nanoTime() - started) / 1_000_000);
        }
        // The root store is closed when the whole test run ends; its key carries the class loader,
        // because Quarkus may load this class again for another test profile.
        ClassLoader loader = BrowserSupport.class.getClassLoader();
        context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "chromium@" + System.identityHashCode(loader),
                        key -> (AutoCloseable) BrowserSupport::closeShared,
                        AutoCloseable.class);
    }

    /** Closes the contexts, and so the pages, that the finished test opened. */
    @Override
    public void afterEach(ExtensionContext context) {
        closeContexts();
    }

    /** Closes contexts opened outside a test method, such as in {@code @BeforeAll}. */
    @Override
    public void afterAll(ExtensionContext context) {
        closeContexts();
    }

    /**
     * Opens a path of the app in a fresh browser context and waits until its network is idle, so
     * that the page's records hold everything its first load did.
     *
     * @param pathOnApp a path such as {@code "/"} or {@code "/lessons/first"}, relative to the test URL
     * @return the loaded page; its context is closed after the current test
     */
    public Page open(String pathOnApp) {
        return open(pathOnApp, new Browser.NewContextOptions());
    }

    /**
     * Opens a path of the app as {@link #open(String)} does, in a window of the given size from the start, as a
     * phone would show it.
     */
    public Page open(String pathOnApp, int width, int height) {
        return open(pathOnApp, new Browser.NewContextOptions().setViewportSize(width, height));
    }

    /**
     * Opens an empty page in a fresh browser context of the given window size, for a test that walks many pages in
     * one context with {@link #visit(Page, String)}; the context is closed after the current test.
     */
    public Page blank(int width, int height) {
        return newPage(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    /**
     * Navigates a page opened here to a path of the app (or a full URL) and waits until its network is idle, as
     * {@link #open(String)} does for a first page; event streams do not count as traffic.
     *
     * @return the response of the navigation, {@code null} when it stayed on the same document
     */
    public Response visit(Page page, String pathOnApp) {
        recordOf(page);
        Response response = page.navigate(pathOnApp.contains("://") ? pathOnApp : join(baseUrl(), pathOnApp));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return response;
    }

    private Page open(String pathOnApp, Browser.NewContextOptions options) {
        Page page = newPage(options);
        page.navigate(join(baseUrl(), pathOnApp));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return page;
    }

    private Page newPage(Browser.NewContextOptions options) {
        Browser shared;
        synchronized (LOCK) {
            shared = browser;
        }
        if (shared == null) {
            throw new IllegalStateException("chromium is not running: register BrowserSupport with "
                    + "@RegisterExtension on a static field so that its beforeAll runs");
        }
        String base = baseUrl();
        BrowserContext context = shared.newContext(options.setBaseURL(base));
        contexts.add(context);
        Page page = context.newPage();
        PageRecord record = new PageRecord();
        records.put(page, record);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                record.consoleErrors.add("console.error: " + message.text() + " (at " + message.location() + ")");
            }
        });
        page.onPageError(error -> record.consoleErrors.add("uncaught: " + error));
        page.onRequest(request -> record.requestUrls.add(request.url()));
        return page;
    }

    /**
     * Lists the console errors and uncaught exceptions that a page opened here has had so far.
     *
     * <p>Chromium counts a failed load, such as a missing {@code /favicon.ico}, as a console error.
     */
    public List<String> consoleErrors(Page page) {
        return List.copyOf(recordOf(page).consoleErrors);
    }

    /**
     * Lists the requests of a page opened here whose origin is not the app's; {@code data:} and
     * {@code blob:} URLs count as the app's own.
     */
    public List<String> foreignRequests(Page page) {
        String appOrigin = origin(URI.create(baseUrl()));
        List<String> foreign = new ArrayList<>();
        for (String url : recordOf(page).requestUrls) {
            if (url.startsWith("data:") || url.startsWith("blob:")) {
                continue;
            }
            if (!appOrigin.equals(originOf(url))) {
                foreign.add(url);
            }
        }
        return foreign;
    }

    /**
     * Runs axe-core (WCAG 2.0 and 2.1, A and AA) on a page and fails on any serious or critical
     * violation; minor and moderate ones are printed, not failed, so they stay visible.
     */
    public void assertNoSeriousAccessibilityViolations(Page page) {
        // AxeBuilder injects the axe.min.js bundled in its jar: no network is needed.
        AxeResults results = new AxeBuilder(page).withTags(AXE_TAGS).analyze();
        List<Rule> blocking = new ArrayList<>();
        List<Rule> tolerated = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String impact = Optional.ofNullable(rule.getImpact()).orElse("").toLowerCase(Locale.ROOT);
            (BLOCKING_IMPACTS.contains(impact) ? blocking : tolerated).add(rule);
        }
        if (!tolerated.isEmpty()) {
            System.err.println(
                    "axe: minor or moderate violations on " + page.url() + " (allowed):" + describe(tolerated));
        }
        if (!blocking.isEmpty()) {
            Assertions.fail("axe found " + blocking.size() + " serious or critical violation(s) on " + page.url() + ":"
                    + describe(blocking));
        }
    }

    /**
     * Runs axe-core (WCAG 2.0 and 2.1, A and AA) on a page and lists every violation, whatever its impact: a line per
     * rule with the first elements it was found on.
     */
    public List<String> accessibilityViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(AXE_TAGS).analyze();
        return results.getViolations().stream()
                .map(rule -> describe(List.of(rule)).replaceFirst("^\\n  - ", ""))
                .toList();
    }

    /**
     * Says why a page scrolls sideways, if it does: how wide the document is beside the window, and the element that
     * reaches furthest past its right edge (elements inside a region that scrolls or clips on its own do not count,
     * since they cannot widen the page).
     *
     * @return empty when the page is no wider than its window
     */
    public Optional<String> sidewaysScroll(Page page) {
        return Optional.ofNullable((String) page.evaluate(SIDEWAYS_SCROLL));
    }

    private PageRecord recordOf(Page page) {
        PageRecord record = records.get(page);
        if (record == null) {
            throw new IllegalArgumentException(
                    "this page was not opened by BrowserSupport.open, or its test has ended");
        }
        if (!page.isClosed()) {
            // Playwright's Java client delivers events only while it talks to its driver: one round
            // trip hands over whatever the page did since the last call.
            page.evaluate("() => 0");
        }
        return record;
    }

    private void closeContexts() {
        for (BrowserContext context : contexts) {
            try {
                context.close();
            } catch (RuntimeException e) {
                // A context whose browser already went away has nothing left to close.
                System.err.println("BrowserSupport: could not close a browser context: " + e.getMessage());
            }
        }
        contexts.clear();
        records.clear();
    }

    private static void closeShared() {
        synchronized (LOCK) {
            try {
                if (playwright != null) {
                    // Closing Playwright closes the browser it launched and stops its Node driver.
                    playwright.close();
                }
            } finally {
                playwright = null;
                browser = null;
            }
        }
    }

    private static String describe(List<Rule> rules) {
        StringBuilder text = new StringBuilder();
        for (Rule rule : rules) {
            text.append("\n  - ")
                    .append(rule.getId())
                    .append(" [")
                    .append(rule.getImpact())
                    .append("] ")
                    .append(rule.getHelp())
                    .append(" (")
                    .append(rule.getHelpUrl())
                    .append(')');
            List<CheckedNode> nodes = rule.getNodes();
            for (int i = 0; i < Math.min(TARGETS_SHOWN, nodes.size()); i++) {
                text.append("\n      at ").append(nodes.get(i).getTarget());
            }
            if (nodes.size() > TARGETS_SHOWN) {
                text.append("\n      and ").append(nodes.size() - TARGETS_SHOWN).append(" more");
            }
        }
        return text.toString();
    }

    private static String baseUrl() {
        // Quarkus publishes the URL of the app it started as test.url, in its config and as a
        // system property; the port is only a fallback for code run outside @QuarkusTest.
        try {
            Config config = ConfigProvider.getConfig();
            Optional<String> testUrl = config.getOptionalValue("test.url", String.class);
            if (testUrl.isPresent()) {
                return testUrl.get();
            }
            String fromProperty = System.getProperty("test.url");
            if (fromProperty != null) {
                return fromProperty;
            }
            int port = config.getOptionalValue("quarkus.http.test-port", Integer.class)
                    .orElse(8081);
            return "http://localhost:" + port;
        } catch (IllegalStateException e) {
            // No MicroProfile Config implementation on the class path.
            return Optional.ofNullable(System.getProperty("test.url"))
                    .orElse("http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081));
        }
    }

    private static String join(String base, String path) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + (path.startsWith("/") ? path : "/" + path);
    }

    private static String originOf(String url) {
        try {
            return origin(URI.create(url));
        } catch (IllegalArgumentException e) {
            // A URL that Java cannot parse is reported as foreign, so that someone looks at it.
            return url;
        }
    }

    private static String origin(URI uri) {
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == -1) {
            port = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        }
        String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    private static Path chromiumPath() {
        String configured = System.getenv("CHROMIUM_PATH");
        return Path.of(configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : configured);
    }

    private static boolean runningUnderCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static boolean runningAsRoot() {
        try {
            // The owner of /proc/self is this process's user, even when no passwd entry names it.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Holds what one page did, as its Playwright events arrived. */
    private static final class PageRecord {
        private final List<String> consoleErrors = new ArrayList<>();
        private final List<String> requestUrls = new ArrayList<>();
    }
}
