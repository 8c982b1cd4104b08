package dev.candela.visualization.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.candela.visualization.run.RunFixtures;
import dev.candela.visualization.run.TrainingRunReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live dashboard over plain HTTP; {@link DashboardInBrowserTest} covers the page in a browser. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hung stream, not a speed requirement
class LiveDashboardTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void servesTheLivePageOnTheLoopbackAddressByDefault() throws Exception {
        try (LiveDashboard live = LiveDashboard.builder().build()) {
            URI uri = live.start();
            assertEquals("127.0.0.1", uri.getHost());
            assertTrue(uri.getPort() > 0);
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(page.body().contains("data-live=\"true\""));
            assertTrue(page.body().contains("new EventSource('events')"));
        }
    }

    @Test
    void pushesAnUpdateAfterEventsUntilTheRunEnds() throws Exception {
        try (LiveDashboard live = LiveDashboard.builder().build()) {
            URI uri = live.start();
            HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(uri.resolve("/events")).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, stream.statusCode());
            assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElseThrow());
            Iterator<String> lines = stream.body().iterator();
            JsonNode first = nextUpdate(lines);
            assertEquals(0, first.get("version").asLong());
            assertTrue(first.get("html").asText().contains("No bucket has started yet."));
            assertFalse(first.get("finished").asBoolean());

            TrainingRunReader.replay(RunFixtures.sampleRun().resolve("events.jsonl"), live);
            long previous = 0;
            JsonNode update;
            do {
                update = nextUpdate(lines);
                assertTrue(update.get("version").asLong() > previous, "versions only grow");
                previous = update.get("version").asLong();
            } while (!update.get("finished").asBoolean());
            assertEquals(RunFixtures.sampleEvents().size(), previous);
            String html = update.get("html").asText();
            for (int b = 0; b < RunFixtures.SAMPLE_BUCKETS; b++) {
                assertTrue(html.contains("<tr data-bucket=\"" + b + "\""), "bucket " + b);
            }
            assertEquals("Candela run sample-eurusd", update.get("title").asText());
        }
    }

    @Test
    void showsEventsRecordedBeforeItStarted() throws Exception {
        try (LiveDashboard live = LiveDashboard.builder().build()) {
            TrainingRunReader.replay(RunFixtures.sampleRun().resolve("events.jsonl"), live);
            URI uri = live.start();
            String page = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(RunFixtures.SAMPLE_BUCKETS, DashboardTest.count(page, "<tr data-bucket="));
        }
    }

    @Test
    void showsTheConfigurationAndReportItWasGiven() throws Exception {
        var config = TrainingRunReader.readConfig(RunFixtures.sampleRun()).orElseThrow();
        var report = dev.candela.visualization.run.OptimizerReportReader.readFromRun(RunFixtures.sampleRun())
                .orElseThrow();
        try (LiveDashboard live = LiveDashboard.builder().config(config).report(report).build()) {
            URI uri = live.start();
            String page = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("id=\"configuration\""));
            assertTrue(page.contains("training.fit takes 60% of the wall time"));
        }
    }

    @Test
    void answersOnlyToLoopbackHostNames() throws Exception {
        try (LiveDashboard live = LiveDashboard.builder().build()) {
            URI uri = live.start();
            assertEquals(403, rawStatus(uri, "GET / HTTP/1.1\r\nHost: attacker.example\r\n\r\n"));
            assertEquals(200, rawStatus(uri, "GET / HTTP/1.1\r\nHost: localhost:" + uri.getPort() + "\r\n\r\n"));
            assertEquals(404, rawStatus(uri, "GET /secrets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            assertEquals(405, rawStatus(uri, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"));
        }
    }

    @Test
    void closingEndsOpenStreamsAndStopsServing() throws Exception {
        LiveDashboard live = LiveDashboard.builder().build();
        URI uri = live.start();
        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(uri.resolve("/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = stream.body().iterator();
        nextUpdate(lines);
        live.close();
        live.close();
        while (lines.hasNext()) {
            lines.next();
        }
        assertThrows(IOException.class, () -> HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThrows(IllegalStateException.class, live::start);
    }

    @Test
    void aTakenPortIsReportedWithThePort() throws Exception {
        try (LiveDashboard first = LiveDashboard.builder().build()) {
            int port = first.start().getPort();
            try (LiveDashboard second = LiveDashboard.builder().port(port).build()) {
                IOException e = assertThrows(IOException.class, second::start);
                assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> LiveDashboard.builder().port(70_000));
    }

    @Test
    void recognisesLoopbackHostHeaders() {
        assertTrue(LiveDashboard.isLoopbackHost("localhost:8080"));
        assertTrue(LiveDashboard.isLoopbackHost("127.0.0.1"));
        assertTrue(LiveDashboard.isLoopbackHost("[::1]:80"));
        assertFalse(LiveDashboard.isLoopbackHost("localhost.attacker.example"));
        assertFalse(LiveDashboard.isLoopbackHost("127.0.0.1.nip.io:80"));
        assertFalse(LiveDashboard.isLoopbackHost(null));
    }

    /** The next {@code update} event's data. */
    private static JsonNode nextUpdate(Iterator<String> lines) throws IOException {
        boolean update = false;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.equals("event: update")) {
                update = true;
            } else if (update && line.startsWith("data: ")) {
                return JsonMapper.builder().build().readTree(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("the stream ended before an update");
    }

    private static int rawStatus(URI uri, String request) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
