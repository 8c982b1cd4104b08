package dev.candela.cli;

import dev.candela.core.Candela;
import dev.candela.core.config.BackendChoice;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.List;

/** Options every command accepts. */
final class GlobalOptions {

    @Option(names = "--backend", scope = ScopeType.INHERIT, paramLabel = "auto|cpu|gpu",
            converter = BackendChoiceConverter.class,
            description = "Compute backend; overrides -Dcandela.backend, CANDELA_BACKEND and the config file.")
    BackendChoice backend;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (JSON); default: -Dcandela.config, CANDELA_CONFIG or ./candela.json.")
    Path config;

    @Option(names = "--plugins", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder of plugin jars to load besides the class path.")
    Path plugins;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Debug logging, and stack traces with errors.")
    boolean verbose;

    /** Guice modules a wrapping command ({@code profile}) adds to every runtime built on its thread. */
    static final ThreadLocal<List<com.google.inject.Module>> EXTRA_MODULES = ThreadLocal.withInitial(List::of);

    /** A runtime configured from these options. */
    Candela runtime() {
        Candela.Builder b = Candela.builder().modules(EXTRA_MODULES.get().toArray(com.google.inject.Module[]::new));
        if (backend != null) {
            b.backend(backend);
        }
        if (config != null) {
            b.configFile(config);
        }
        if (plugins != null) {
            b.pluginDirectory(plugins);
        }
        return b.build();
    }

    /** Parses {@code auto|cpu|gpu} with the core's message for a bad value. */
    static final class BackendChoiceConverter implements picocli.CommandLine.ITypeConverter<BackendChoice> {
        @Override
        public BackendChoice convert(String value) {
            return BackendChoice.parse(value);
        }
    }
}
