package dev.candela.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code cache} section.
 *
 * @param maxBytes most bytes of computed features kept in memory; 0 turns caching off
 */
public record CacheConfig(long maxBytes) {

    public CacheConfig {
        if (maxBytes < 0) {
            throw ConfigException.invalidValue("cache.maxBytes", "must not be negative, was " + maxBytes);
        }
    }

    public static CacheConfig defaults() {
        return fromJson(null);
    }

    @JsonCreator
    static CacheConfig fromJson(@JsonProperty("maxBytes") Long maxBytes) {
        return new CacheConfig(maxBytes != null ? maxBytes : ConfigDefaults.CACHE_MAX_BYTES);
    }
}
