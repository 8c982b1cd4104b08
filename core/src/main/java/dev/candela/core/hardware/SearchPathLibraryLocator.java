package dev.candela.core.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a native library the way the dynamic linker would: the library path variable, the usual
 * system, NVIDIA container and CUDA toolkit directories, then the linker cache ({@code ldconfig -p}).
 *
 * <p>Only checks that a file exists; it never loads anything, so it is safe to run in the main JVM.
 */
final class SearchPathLibraryLocator implements CudaProbe.LibraryLocator {

    private static final Logger LOG = LoggerFactory.getLogger(SearchPathLibraryLocator.class);
    private static final Duration LDCONFIG_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> LDCONFIG_BINARIES = List.of("/sbin/ldconfig", "/usr/sbin/ldconfig");

    private final List<Path> directories;
    private final Supplier<String> linkerCache;
    private final boolean want64Bit;
    private String cachedListing;

    /**
     * @param directories directories searched in order
     * @param linkerCache supplies {@code ldconfig -p} output (asked at most once, only when the
     *                    directories do not hold the library); empty text where there is none
     * @param want64Bit   whether only 64-bit linker cache entries fit this JVM
     */
    SearchPathLibraryLocator(List<Path> directories, Supplier<String> linkerCache, boolean want64Bit) {
        this.directories = List.copyOf(directories);
        this.linkerCache = linkerCache;
        this.want64Bit = want64Bit;
    }

    /** The locator for this machine: its environment, operating system and architecture. */
    static SearchPathLibraryLocator forSystem(
            Map<String, String> env, String osName, String osArch, CudaProbe.ProcessRunner runner) {
        boolean windows = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows");
        boolean want64Bit = osArch != null && osArch.contains("64");
        if (windows) {
            return new SearchPathLibraryLocator(windowsDirectories(env), () -> "", want64Bit);
        }
        return new SearchPathLibraryLocator(linuxDirectories(env, osArch), () -> runLdconfig(runner), want64Bit);
    }

    List<Path> directories() {
        return directories;
    }

    @Override
    public Optional<Path> find(String fileName) {
        for (Path directory : directories) {
            Path candidate = directory.resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return linkerCacheEntries(listing(), fileName, want64Bit).stream().filter(Files::isRegularFile).findFirst();
    }

    private synchronized String listing() {
        if (cachedListing == null) {
            String text = linkerCache.get();
            cachedListing = text == null ? "" : text;
        }
        return cachedListing;
    }

    /**
     * Paths that {@code ldconfig -p} lists for {@code fileName}, keeping only entries of this JVM's
     * word size. A line looks like {@code "\tlibcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1"};
     * 64-bit entries carry "64" in their flags ({@code x86-64}, {@code AArch64}, {@code 64bit}).
     */
    static List<Path> linkerCacheEntries(String listing, String fileName, boolean want64Bit) {
        List<Path> paths = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String entry = line.strip();
            int open = entry.indexOf(" (");
            int close = entry.indexOf(") => ");
            if (open <= 0 || close < open || !entry.substring(0, open).equals(fileName)) {
                continue;
            }
            boolean entry64Bit = entry.substring(open + 2, close).contains("64");
            if (entry64Bit == want64Bit) {
                toPath(entry.substring(close + ") => ".length()).strip()).ifPresent(paths::add);
            }
        }
        return paths;
    }

    private static List<Path> linuxDirectories(Map<String, String> env, String osArch) {
        Set<String> dirs = new LinkedHashSet<>(splitPathList(env.get("LD_LIBRARY_PATH"), ":"));
        for (String variable : List.of("CUDA_HOME", "CUDA_PATH")) {
            String home = env.get(variable);
            if (home != null && !home.isBlank()) {
                dirs.add(home + "/lib64");
            }
        }
        // NVIDIA's container toolkit mounts the driver here.
        dirs.add("/usr/local/nvidia/lib64");
        dirs.add("/usr/local/nvidia/lib");
        String triplet = multiarchTriplet(osArch);
        if (triplet != null) {
            dirs.add("/usr/lib/" + triplet);
            dirs.add("/lib/" + triplet);
        }
        dirs.add("/usr/lib64");
        dirs.add("/lib64");
        // WSL 2 exposes the Windows driver's libcuda here.
        dirs.add("/usr/lib/wsl/lib");
        dirs.add("/usr/local/cuda/lib64");
        dirs.add("/usr/local/cuda-11.6/lib64");
        dirs.add("/usr/lib");
        return toPaths(dirs);
    }

    private static List<Path> windowsDirectories(Map<String, String> env) {
        Set<String> dirs = new LinkedHashSet<>(splitPathList(env.get("PATH"), ";"));
        String cudaPath = env.get("CUDA_PATH");
        if (cudaPath != null && !cudaPath.isBlank()) {
            dirs.add(cudaPath + "\\bin");
        }
        String systemRoot = env.getOrDefault("SystemRoot", "C:\\Windows");
        dirs.add(systemRoot + "\\System32");
        return toPaths(dirs);
    }

    private static String multiarchTriplet(String osArch) {
        if (osArch == null) {
            return null;
        }
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            default -> null;
        };
    }

    private static List<String> splitPathList(String value, String separator) {
        List<String> parts = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(separator)) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }

    private static List<Path> toPaths(Set<String> dirs) {
        List<Path> paths = new ArrayList<>();
        for (String dir : dirs) {
            toPath(dir).ifPresent(paths::add);
        }
        return paths;
    }

    private static Optional<Path> toPath(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String runLdconfig(CudaProbe.ProcessRunner runner) {
        for (String binary : LDCONFIG_BINARIES) {
            if (!Files.isExecutable(Path.of(binary))) {
                continue;
            }
            try {
                CudaProbe.ProcessResult result = runner.run(List.of(binary, "-p"), LDCONFIG_TIMEOUT);
                if (!result.timedOut() && result.exitCode() == 0) {
                    return result.stdout();
                }
                LOG.debug("{} -p failed (exit code {}, timed out: {})", binary, result.exitCode(), result.timedOut());
            } catch (IOException e) {
                LOG.debug("could not run {} -p", binary, e);
            }
        }
        return "";
    }
}
