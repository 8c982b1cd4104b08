package dev.candela.visualization.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candela.visualization.run.RunFixtures;
import dev.candela.visualization.run.TrainingRunReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the dashboards in a real headless Chromium: they must load without a console error or an
 * uncaught exception and show every bucket of the run. Screenshots are kept under
 * {@code target/browser/}. Without Chromium the test is skipped, unless {@code CANDELA_REQUIRE_BROWSER=1}
 * (set in CI), where a missing browser is a failure.
 */
class DashboardInBrowserTest {
    private static final Path ARTIFACTS = Path.of("target", "browser");
    private static HeadlessChromium browser;

    private static Optional<Path> chromium;

    @BeforeAll
    static void findBrowser() {
        chromium = HeadlessChromium.find();
    }

    /** Skips each test (so that reports list them with the reason) when there is no browser, or fails in CI. */
    @BeforeEach
    void startBrowser() throws Exception {
        if (chromium.isEmpty()) {
            String reason = "no chromium on the PATH (install Debian's chromium, or set CANDELA_CHROMIUM)";
            if ("1".equals(System.getenv("CANDELA_REQUIRE_BROWSER"))) {
                fail(reason + ", and CANDELA_REQUIRE_BROWSER=1 requires the browser test to run");
            }
            assumeTrue(false, reason + "; the browser test is skipped");
        }
        if (browser == null) {
            browser = HeadlessChromium.launch(chromium.get());
        }
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void staticDashboardLoadsWithoutErrorsAndShowsEveryBucket(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("dashboard.html");
        Dashboard.ofRunDirectory(RunFixtures.sampleRun(), null).write(page);
        int before = browser.errors().size();
        browser.open(page.toUri());
        JsonNode buckets = browser.evaluate(
                "Array.from(document.querySelectorAll('tr[data-bucket]'), r => r.cells[0].textContent)");
        assertEquals(List.of("0", "1", "2", "3", "4"), texts(buckets));
        assertEquals(5, browser.evaluate("document.querySelectorAll('figure.chart svg').length").asInt());
        // Each chart is laid out at a real size, not collapsed.
        assertTrue(browser.evaluate("Math.min(...Array.from(document.querySelectorAll('figure.chart svg'), "
                + "s => s.getBoundingClientRect().height))").asDouble() > 100);
        assertEquals("completed", browser.evaluate("document.getElementById('run-status').dataset.status").asText());
        browser.screenshot(ARTIFACTS.resolve("dashboard-static.png"));
        assertEquals(List.of(), browser.errors().subList(before, browser.errors().size()));
    }

    @Test
    void liveDashboardShowsBucketsAsTheirEventsArrive() throws Exception {
        List<String> events = RunFixtures.sampleEvents();
        int firstBucketEnd = indexOf(events, "\"type\":\"bucket-ended\"");
        int before = browser.errors().size();
        try (LiveDashboard live = LiveDashboard.builder().build()) {
            URI url = live.start();
            Path head = Files.createTempFile("events-head", ".jsonl");
            Path tail = Files.createTempFile("events-tail", ".jsonl");
            try {
                Files.write(head, events.subList(0, firstBucketEnd + 1));
                Files.write(tail, events.subList(firstBucketEnd + 1, events.size()));
                TrainingRunReader.replay(head, live);
                browser.open(url);
                // The page shows bucket 0 and has connected to the stream once the first update arrived.
                assertTrue(browser.evaluate(waitFor("document.body.dataset.version !== undefined")).asBoolean());
                assertEquals(List.of("0"), texts(browser.evaluate(
                        "Array.from(document.querySelectorAll('tr[data-bucket]'), r => r.cells[0].textContent)")));
                TrainingRunReader.replay(tail, live);
                assertTrue(browser.evaluate(waitFor("document.querySelectorAll('tr[data-bucket]').length === 5 "
                        + "&& document.body.dataset.connection === 'finished'")).asBoolean());
            } finally {
                Files.deleteIfExists(head);
                Files.deleteIfExists(tail);
            }
            assertEquals(List.of("0", "1", "2", "3", "4"), texts(browser.evaluate(
                    "Array.from(document.querySelectorAll('tr[data-bucket]'), r => r.cells[0].textContent)")));
            assertEquals("completed", browser.evaluate("document.getElementById('run-status').dataset.status").asText());
            assertTrue(browser.evaluate("document.querySelectorAll('figure.chart svg').length").asInt() >= 2);
            browser.screenshot(ARTIFACTS.resolve("dashboard-live.png"));
        }
        assertEquals(List.of(), browser.errors().subList(before, browser.errors().size()));
    }

    /** A promise that resolves to true once {@code condition} holds, checked on every change to the page. */
    private static String waitFor(String condition) {
        return "new Promise(resolve => {"
                + " const done = () => " + condition + ";"
                + " if (done()) { resolve(true); return; }"
                + " new MutationObserver((changes, observer) => { if (done()) { observer.disconnect(); resolve(true); } })"
                + "   .observe(document.documentElement, {subtree: true, childList: true, attributes: true});"
                + "})";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
