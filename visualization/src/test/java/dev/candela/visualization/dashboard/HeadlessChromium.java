package dev.candela.visualization.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol with the JDK's WebSocket client: open a
 * page, wait for it to load, evaluate script in it, take a screenshot, and collect every console error
 * and uncaught exception the page raises.
 *
 * <p>Waits are on events and promises, never on the clock; the only time limit is a generous guard
 * against a browser that hangs, so that a broken build fails instead of waiting forever.
 */
final class HeadlessChromium implements AutoCloseable {
    /** Names the browser is installed under (Debian's package installs {@code chromium}). */
    private static final List<String> EXECUTABLES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    private static final long HANG_GUARD_SECONDS = 60;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private String session;

    /** The browser's executable: {@code CANDELA_CHROMIUM} if set, else the first known name on the PATH. */
    static Optional<Path> find() {
        String explicit = System.getenv("CANDELA_CHROMIUM");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : EXECUTABLES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts the browser and opens one blank page, attached for events. */
    static HeadlessChromium launch(Path executable) throws Exception {
        Path profile = Files.createTempDirectory("candela-chromium-");
        List<String> command = List.of(executable.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--user-data-dir=" + profile, "--window-size=1280,1600", "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        List<String> log = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    log.add(line);
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on ") && at >= 0) {
                        endpoint.complete(URI.create(line.substring(at).trim()));
                    }
                }
            } catch (IOException ignored) {
                // the browser went away; the endpoint future says so below
            }
            endpoint.completeExceptionally(new IOException("chromium exited without a DevTools endpoint: " + log));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new HeadlessChromium(process, profile, endpoint.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    private HeadlessChromium(Process process, Path profile, URI endpoint) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(endpoint, new Receiver()).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        eventListeners.add(this::collectErrors);
        String target = call("Target.createTarget", params("url", "about:blank")).get("targetId").asText();
        ObjectNode attach = params("targetId", target);
        attach.put("flatten", true);
        session = null;
        String attached = call("Target.attachToTarget", attach).get("sessionId").asText();
        session = attached;
        call("Runtime.enable", JSON.createObjectNode());
        call("Log.enable", JSON.createObjectNode());
        call("Page.enable", JSON.createObjectNode());
    }

    /** Opens {@code url} in the page and returns once its load event has fired. */
    void open(URI url) throws Exception {
        CompletableFuture<JsonNode> loaded = nextEvent("Page.loadEventFired");
        JsonNode navigation = call("Page.navigate", params("url", url.toString()));
        if (navigation.hasNonNull("errorText")) {
            throw new IOException("cannot open " + url + ": " + navigation.get("errorText").asText());
        }
        loaded.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    /** Evaluates {@code expression} in the page, awaiting it if it is a promise, and returns its JSON value. */
    JsonNode evaluate(String expression) throws Exception {
        ObjectNode p = params("expression", expression);
        p.put("awaitPromise", true);
        p.put("returnByValue", true);
        JsonNode result = call("Runtime.evaluate", p);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Saves a PNG of the whole page to {@code file}. */
    void screenshot(Path file) throws Exception {
        ObjectNode p = params("format", "png");
        p.put("captureBeyondViewport", true);
        byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", p).get("data").asText());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
    }

    /** Console errors, failed loads and uncaught exceptions seen so far, one line each. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws Exception {
        try {
            session = null;
            call("Browser.close", JSON.createObjectNode());
        } catch (Exception ignored) {
            // the browser may already be gone; it is destroyed below either way
        } finally {
            socket.abort();
            process.destroy();
            if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            deleteTree(profile);
        }
    }

    private void collectErrors(JsonNode message) {
        String method = message.path("method").asText();
        JsonNode p = message.path("params");
        switch (method) {
            case "Runtime.exceptionThrown" -> errors.add("uncaught: " + p.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                String type = p.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    errors.add("console." + type + ": " + p.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if (p.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                }
            }
            default -> {
            }
        }
    }

    private CompletableFuture<JsonNode> nextEvent(String method) {
        CompletableFuture<JsonNode> event = new CompletableFuture<>();
        Consumer<JsonNode> once = new Consumer<>() {
            @Override
            public void accept(JsonNode message) {
                if (method.equals(message.path("method").asText()) && event.complete(message.path("params"))) {
                    eventListeners.remove(this);
                }
            }
        };
        eventListeners.add(once);
        return event;
    }

    private JsonNode call(String method, ObjectNode parameters) throws Exception {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", parameters);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) {
            socket.sendText(JSON.writeValueAsString(message), true).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        }
        JsonNode answer;
        try {
            answer = reply.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the browser did not answer " + method + " within " + HANG_GUARD_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new IOException(method + " failed", e.getCause());
        }
        if (answer.has("error")) {
            throw new IOException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    private static ObjectNode params(String key, String value) {
        ObjectNode node = JSON.createObjectNode();
        node.put(key, value);
        return node;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }

    /** Reassembles text frames into messages and routes replies and events. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asLong());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else {
                        for (Consumer<JsonNode> listener : eventListeners) {
                            listener.accept(message);
                        }
                    }
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            IOException closed = new IOException("DevTools connection closed: " + statusCode + " " + reason);
            pending.values().forEach(f -> f.completeExceptionally(closed));
            return null;
        }
    }
}
