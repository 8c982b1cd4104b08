package dev.candela.core.config;

/** The value rules shared by the configuration records; each failure names the full key. */
final class Validation {

    private Validation() {
    }

    static void fraction(String key, double value) {
        // Written so that NaN fails too.
        if (!(value > 0.0 && value <= 1.0)) {
            throw ConfigException.invalidValue(key, "must be a fraction in (0, 1], was " + value);
        }
    }

    static void optionalFraction(String key, Double value) {
        if (value != null) {
            fraction(key, value);
        }
    }

    static void optionalCount(String key, Integer value) {
        if (value != null && value < 1) {
            throw ConfigException.invalidValue(key, "must be at least 1, was " + value);
        }
    }
}
