package dev.candela.gpu;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One thread per device for the whole process, started on first use. ND4J binds threads to devices and
 * keeps workspaces per thread, and ND4J itself is one per process: so all device work for a device runs on
 * its one thread, which then owns that device's workspaces. The threads are daemons and idle between calls.
 */
final class DeviceWorkers {
    private static final DeviceWorkers SHARED = new DeviceWorkers();

    private final Map<Integer, ExecutorService> byDevice = new ConcurrentHashMap<>();

    private DeviceWorkers() {
    }

    static DeviceWorkers shared() {
        return SHARED;
    }

    /** Runs {@code work} on the thread of {@code device}. */
    <T> CompletableFuture<T> submit(int device, Callable<T> work) {
        ExecutorService thread = byDevice.computeIfAbsent(device, d -> Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "candela-gpu-device-" + d);
            t.setDaemon(true);
            return t;
        }));
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
