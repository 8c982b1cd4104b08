package dev.candela.visualization.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.candela.spi.TrainingListener;
import dev.candela.visualization.run.OptimizerReport;
import dev.candela.visualization.run.TrainingRun;
import dev.candela.visualization.run.TrainingRunRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves a training run's dashboard while it trains, and pushes each change to open pages as it
 * happens (Server-Sent Events). Pass it to training as a {@link TrainingListener}:
 *
 * <pre>{@code
 * try (LiveDashboard dashboard = LiveDashboard.builder().port(8080).build()) {
 *     URI page = dashboard.start();          // http://127.0.0.1:8080/
 *     trainer.train(request, dashboard);     // every event updates the open pages
 * }
 * }</pre>
 *
 * <p>It uses the JDK's HTTP server and binds to 127.0.0.1 unless told otherwise; when bound to the
 * loopback interface it answers only requests addressed to a loopback name, so that other web pages
 * cannot read it through DNS rebinding. {@code GET /} is the page as it stands, {@code GET /events} the
 * stream of updates: each an {@code update} event whose data is
 * {@code {"version":n,"title":...,"html":...,"finished":bool}}, {@code html} being the page's new content.
 *
 * <p>The listener methods only record the event and wake the publishing thread, so training never waits
 * for rendering or for slow browsers; events that arrive while a page is being rendered are folded into
 * the next update.
 */
public final class LiveDashboard implements TrainingListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDashboard.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final String host;
    private final int port;
    private final Optional<OptimizerReport> report;
    private final Optional<JsonNode> config;
    private final TrainingRunRecorder recorder = new TrainingRunRecorder();
    private final AtomicBoolean publishPending = new AtomicBoolean();
    /** Renders and writes to clients; every write to a client happens on this one thread. */
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(
            daemon("candela-dashboard-publisher"));
    private final List<Client> clients = new ArrayList<>();
    private volatile HttpServer server;
    private volatile URI uri;
    private ExecutorService httpThreads;
    private String lastUpdate;
    private boolean closed;

    private LiveDashboard(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.report = Optional.ofNullable(b.report);
        this.config = Optional.ofNullable(b.config);
    }

    /** A builder; defaults: host 127.0.0.1, any free port. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts serving and returns the page's address.
     *
     * @throws IOException when the address cannot be bound (e.g. the port is taken)
     * @throws IllegalStateException when already started or closed
     */
    public synchronized URI start() throws IOException {
        if (server != null || closed) {
            throw new IllegalStateException(closed ? "the dashboard is closed" : "the dashboard is already started");
        }
        InetAddress address = InetAddress.getByName(host);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (java.net.BindException e) {
            throw new IOException("cannot serve the dashboard on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        httpThreads = Executors.newFixedThreadPool(2, daemon("candela-dashboard-http"));
        http.setExecutor(httpThreads);
        boolean loopbackOnly = address.isLoopbackAddress();
        http.createContext("/", exchange -> handle(exchange, loopbackOnly));
        http.start();
        server = http;
        int bound = http.getAddress().getPort();
        String hostPart = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        uri = URI.create("http://" + hostPart + ":" + bound + "/");
        publisher.scheduleAtFixedRate(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        LOG.info("Training dashboard at {}", uri);
        return uri;
    }

    /** The page's address once started. */
    public Optional<URI> uri() {
        return Optional.ofNullable(uri);
    }

    /** The run as recorded so far. */
    public TrainingRun run() {
        return recorder.snapshot();
    }

    /** Pages currently following the updates. */
    public int connectedPages() {
        synchronized (clients) {
            return clients.size();
        }
    }

    @Override
    public void onRunStart(RunStarted event) {
        recorder.onRunStart(event);
        changed();
    }

    @Override
    public void onBucketStart(BucketStarted event) {
        recorder.onBucketStart(event);
        changed();
    }

    @Override
    public void onEpochEnd(EpochEnded event) {
        recorder.onEpochEnd(event);
        changed();
    }

    @Override
    public void onTransfer(TransferDone event) {
        recorder.onTransfer(event);
        changed();
    }

    @Override
    public void onCheckpoint(CheckpointWritten event) {
        recorder.onCheckpoint(event);
        changed();
    }

    @Override
    public void onBucketEnd(BucketEnded event) {
        recorder.onBucketEnd(event);
        changed();
    }

    @Override
    public void onRunEnd(RunEnded event) {
        recorder.onRunEnd(event);
        changed();
    }

    /** Stops serving: open pages are disconnected, threads end. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            publisher.submit(() -> {
                synchronized (clients) {
                    clients.forEach(Client::close);
                    clients.clear();
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Closing dashboard connections failed", e);
        }
        publisher.shutdownNow();
        if (server != null) {
            server.stop(0);
            httpThreads.shutdownNow();
        }
    }

    private void changed() {
        if (server == null || !publishPending.compareAndSet(false, true)) {
            return;
        }
        try {
            publisher.execute(this::publish);
        } catch (RejectedExecutionException closing) {
            publishPending.set(false);
        }
    }

    /** Renders the current state once and sends it to every page (runs on the publisher thread). */
    private void publish() {
        publishPending.set(false);
        try {
            List<Client> targets;
            synchronized (clients) {
                targets = List.copyOf(clients);
            }
            if (targets.isEmpty()) {
                lastUpdate = null; // nobody is watching; the next page to connect gets a fresh render
                return;
            }
            long version;
            TrainingRun run;
            do { // a version that matches its snapshot: retry if an event landed between the two reads
                version = recorder.version();
                run = recorder.snapshot();
            } while (version != recorder.version());
            lastUpdate = updateMessage(version, run);
            for (Client client : targets) {
                send(client, lastUpdate);
            }
        } catch (RuntimeException e) {
            // A rendering bug must not end the training that feeds it.
            LOG.warn("Dashboard update failed", e);
        }
    }

    private String updateMessage(long version, TrainingRun run) {
        ObjectNode data = JSON.createObjectNode();
        data.put("version", version);
        data.put("title", DashboardPage.title(run));
        data.put("html", DashboardPage.content(run, report, config, Instant.now()));
        data.put("finished", run.status() == TrainingRun.Status.COMPLETED || run.status() == TrainingRun.Status.STOPPED);
        try {
            // One data line: JSON escapes every line break inside strings.
            return "id: " + version + "\nevent: update\ndata: " + JSON.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an update failed to serialise", e);
        }
    }

    private void keepAlive() {
        List<Client> targets;
        synchronized (clients) {
            targets = List.copyOf(clients);
        }
        for (Client client : targets) {
            send(client, ": keep-alive\n\n");
        }
    }

    private void send(Client client, String message) {
        try {
            client.out.write(message.getBytes(StandardCharsets.UTF_8));
            client.out.flush();
        } catch (IOException gone) {
            LOG.debug("A dashboard page disconnected: {}", gone.toString());
            synchronized (clients) {
                clients.remove(client);
            }
            client.close();
        }
    }

    private void handle(HttpExchange exchange, boolean loopbackOnly) throws IOException {
        try {
            if (loopbackOnly && !isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                respond(exchange, 403, "text/plain", "this dashboard answers only to localhost addresses");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain", "method not allowed");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/", "/index.html" -> respond(exchange, 200, "text/html; charset=utf-8",
                        DashboardPage.page(recorder.snapshot(), report, config, true, Instant.now()));
                case "/events" -> subscribe(exchange);
                default -> respond(exchange, 404, "text/plain", "not found: " + path);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Dashboard request failed", e);
            exchange.close();
        }
    }

    private void subscribe(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(exchange);
        try {
            // The exchange stays open after this handler returns; the publisher thread writes to it.
            publisher.execute(() -> {
                synchronized (clients) {
                    clients.add(client);
                }
                send(client, "retry: 2000\n\n");
                if (lastUpdate == null) {
                    publish();
                } else {
                    send(client, lastUpdate);
                }
            });
        } catch (RejectedExecutionException closing) {
            client.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static boolean isLoopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1");
        }
        int colon = h.lastIndexOf(':');
        String name = colon >= 0 ? h.substring(0, colon) : h;
        return name.equals("localhost") || name.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One page following the stream. */
    private static final class Client {
        final HttpExchange exchange;
        final OutputStream out;

        Client(HttpExchange exchange) {
            this.exchange = exchange;
            this.out = exchange.getResponseBody();
        }

        void close() {
            exchange.close();
        }
    }

    /** Where the dashboard listens. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private OptimizerReport report;
        private JsonNode config;

        private Builder() {
        }

        /** The address to bind; default 127.0.0.1 (this machine only). */
        public Builder host(String value) {
            host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The port, 0 (default) for any free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + value);
            }
            port = value;
            return this;
        }

        /** An optimizer report to show beside the run (e.g. of an earlier profiled run). */
        public Builder report(OptimizerReport value) {
            report = Objects.requireNonNull(value, "report");
            return this;
        }

        /** The run's effective configuration, shown folded at the end of the page. */
        public Builder config(JsonNode value) {
            config = Objects.requireNonNull(value, "config");
            return this;
        }

        public LiveDashboard build() {
            return new LiveDashboard(this);
        }
    }
}
