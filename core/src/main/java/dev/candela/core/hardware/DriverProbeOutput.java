package dev.candela.core.hardware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the child JVM's {@link CudaDriverProbeMain} printed, read strictly: anything that is not the
 * expected format is rejected with {@link IllegalArgumentException} so that a half-written or foreign
 * output never passes for a result.
 *
 * @param driverVersion  {@code cuDriverGetVersion}'s value (12040 for CUDA 12.4), -1 when not reached
 * @param initResult     {@code cuInit}'s result code, -1 when not reached
 * @param initResultName the result's CUDA name, e.g. {@code CUDA_ERROR_NO_DEVICE}
 * @param devices        the devices, in ordinal order
 * @param failure        the child's failure text, or {@code null} when it ran through
 */
record DriverProbeOutput(
        int driverVersion, int initResult, String initResultName, List<CudaDevice> devices, String failure) {

    static final int CUDA_ERROR_NO_DEVICE = 100;

    DriverProbeOutput {
        devices = List.copyOf(devices);
    }

    static DriverProbeOutput parse(String stdout) {
        List<String> lines = stdout.lines().map(String::strip).toList();
        int header = lines.indexOf(CudaDriverProbeMain.HEADER);
        if (header < 0) {
            throw new IllegalArgumentException("no '" + CudaDriverProbeMain.HEADER + "' line");
        }
        Map<String, String> values = new HashMap<>();
        boolean ended = false;
        for (String line : lines.subList(header + 1, lines.size())) {
            if (line.equals(CudaDriverProbeMain.END)) {
                ended = true;
                break;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("unexpected line '" + line + "'");
            }
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (!ended) {
            throw new IllegalArgumentException("output stops before the '" + CudaDriverProbeMain.END + "' line");
        }

        int driverVersion = values.containsKey("driver.version") ? integer(values, "driver.version") : -1;
        int initResult = -1;
        String initResultName = "";
        if (values.containsKey("init")) {
            String[] init = values.get("init").split(" ", 2);
            initResult = parseInt("init", init[0]);
            initResultName = init.length > 1 ? init[1] : "";
        }
        String failure = values.get("failure");
        List<CudaDevice> devices = new ArrayList<>();
        if (failure == null && initResult == 0) {
            int count = integer(values, "device.count");
            for (int i = 0; i < count; i++) {
                String prefix = "device." + i + ".";
                String capability = required(values, prefix + "capability");
                int dot = capability.indexOf('.');
                if (dot <= 0) {
                    throw new IllegalArgumentException("bad compute capability '" + capability + "'");
                }
                devices.add(new CudaDevice(i, required(values, prefix + "name"),
                        parseInt(prefix + "capability", capability.substring(0, dot)),
                        parseInt(prefix + "capability", capability.substring(dot + 1)),
                        parseLong(prefix + "memory", required(values, prefix + "memory"))));
            }
        } else if (failure == null && initResult < 0) {
            throw new IllegalArgumentException("neither a cuInit result nor a failure was reported");
        }
        return new DriverProbeOutput(driverVersion, initResult, initResultName, devices, failure);
    }

    /** The driver's CUDA version as people write it: 12040 becomes {@code "12.4"}; empty when unknown. */
    static String cudaVersion(int driverVersion) {
        if (driverVersion <= 0) {
            return "";
        }
        return driverVersion / 1000 + "." + (driverVersion % 1000) / 10;
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return value;
    }

    private static int integer(Map<String, String> values, String key) {
        return parseInt(key, required(values, key));
    }

    private static int parseInt(String key, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number for '" + key + "': '" + text + "'", e);
        }
    }

    private static long parseLong(String key, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number for '" + key + "': '" + text + "'", e);
        }
    }
}
