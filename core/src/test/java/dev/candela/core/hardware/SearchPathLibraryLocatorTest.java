package dev.candela.core.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchPathLibraryLocatorTest {

    @Test
    void findsTheLibraryInTheFirstDirectoryHoldingIt(@TempDir Path root) throws IOException {
        Path first = Files.createDirectories(root.resolve("first"));
        Path second = Files.createDirectories(root.resolve("second"));
        Path library = Files.writeString(second.resolve("libcublas.so.11"), "");
        Files.writeString(root.resolve("libcublas.so.11"), "");
        SearchPathLibraryLocator locator = new SearchPathLibraryLocator(List.of(first, second, root), () -> "", true);

        assertEquals(Optional.of(library), locator.find("libcublas.so.11"));
    }

    @Test
    void fallsBackToTheLinkerCacheOnlyWhenDirectoriesMiss(@TempDir Path root) throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("opt/nvidia"));
        Path driver = Files.writeString(elsewhere.resolve("libcuda.so.1"), "");
        Path inDirectory = Files.writeString(root.resolve("libcusolver.so.11"), "");
        AtomicInteger listings = new AtomicInteger();
        String listing = "3 libs found in cache `/etc/ld.so.cache'\n"
                + "\tlibcuda.so.1 (libc6,x86-64) => " + driver + "\n";
        SearchPathLibraryLocator locator = new SearchPathLibraryLocator(List.of(root), () -> {
            listings.incrementAndGet();
            return listing;
        }, true);

        assertEquals(Optional.of(inDirectory), locator.find("libcusolver.so.11"));
        assertEquals(0, listings.get());
        assertEquals(Optional.of(driver), locator.find("libcuda.so.1"));
        assertEquals(Optional.empty(), locator.find("libcublas.so.11"));
        assertEquals(1, listings.get());
    }

    @Test
    void linkerCacheEntriesMatchNameAndWordSize() {
        String listing = """
                	libcuda.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so.1
                	libcuda.so.1 (libc6) => /usr/lib/i386-linux-gnu/libcuda.so.1
                	libcuda.so (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcuda.so
                	libcudart.so.1 (libc6,x86-64, OS ABI: Linux 3.2.0) => /opt/libcudart.so.1
                	libcublas.so.11 (libc6,AArch64) => /usr/lib/aarch64-linux-gnu/libcublas.so.11
                """;

        assertEquals(List.of(Path.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1")),
                SearchPathLibraryLocator.linkerCacheEntries(listing, "libcuda.so.1", true));
        assertEquals(List.of(Path.of("/usr/lib/i386-linux-gnu/libcuda.so.1")),
                SearchPathLibraryLocator.linkerCacheEntries(listing, "libcuda.so.1", false));
        assertEquals(List.of(Path.of("/usr/lib/aarch64-linux-gnu/libcublas.so.11")),
                SearchPathLibraryLocator.linkerCacheEntries(listing, "libcublas.so.11", true));
        assertEquals(List.of(), SearchPathLibraryLocator.linkerCacheEntries(listing, "libcusolver.so.11", true));
    }

    @Test
    void linkerCacheEntryWhoseFileIsGoneIsNotFound() {
        String listing = "\tlibcuda.so.1 (libc6,x86-64) => /nonexistent/candela/libcuda.so.1\n";
        SearchPathLibraryLocator locator = new SearchPathLibraryLocator(List.of(), () -> listing, true);

        assertEquals(Optional.empty(), locator.find("libcuda.so.1"));
    }

    @Test
    void linuxSearchesLibraryPathFirstThenNvidiaAndSystemDirectories() {
        SearchPathLibraryLocator locator = SearchPathLibraryLocator.forSystem(
                Map.of("LD_LIBRARY_PATH", "/opt/a::/opt/b", "CUDA_HOME", "/opt/cuda-11.6"), "Linux", "amd64",
                (command, timeout) -> new CudaProbe.ProcessResult(0, false, "", ""));

        List<Path> dirs = locator.directories();
        assertEquals(List.of(Path.of("/opt/a"), Path.of("/opt/b"), Path.of("/opt/cuda-11.6/lib64")), dirs.subList(0, 3));
        for (String expected : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/local/nvidia/lib64",
                "/usr/local/cuda/lib64", "/usr/lib/wsl/lib")) {
            assertTrue(dirs.contains(Path.of(expected)), expected);
        }
    }

    @Test
    void windowsSearchesPathAndCudaBinAndSystem32() {
        SearchPathLibraryLocator locator = SearchPathLibraryLocator.forSystem(
                Map.of("PATH", "C:\\tools;C:\\bin", "CUDA_PATH", "C:\\CUDA\\v11.6", "SystemRoot", "C:\\WINDOWS"),
                "Windows 11", "amd64", (command, timeout) -> new CudaProbe.ProcessResult(0, false, "", ""));

        assertEquals(List.of("C:\\tools", "C:\\bin", "C:\\CUDA\\v11.6\\bin", "C:\\WINDOWS\\System32"),
                locator.directories().stream().map(Path::toString).toList());
    }

    @Test
    void realLocatorFindsTheCLibraryThroughTheLinkerCacheOrSystemDirectories() {
        // Every glibc Linux has libc.so.6; the locator must find it by the same means as libcuda.so.1.
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && Files.exists(Path.of("/etc/ld.so.cache")), "needs glibc Linux");
        SearchPathLibraryLocator locator = SearchPathLibraryLocator.forSystem(System.getenv(), "Linux",
                System.getProperty("os.arch"), new ChildProcessRunner());

        Optional<Path> libc = locator.find("libc.so.6");

        assertTrue(libc.isPresent());
        assertTrue(Files.isRegularFile(libc.get()), libc.toString());
    }
}
