package dev.candela.optimizer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/** The report's JSON mapping: unknown properties ignored, non-finite numbers written as {@code null} and read back as NaN. */
final class ReportJson {
    static final ObjectMapper MAPPER = create();

    private ReportJson() {
    }

    private static ObjectMapper create() {
        SimpleModule doubles = new SimpleModule("candela-report-doubles");
        JsonSerializer<Double> writer = new NonFiniteAsNull();
        doubles.addSerializer(Double.class, writer);
        doubles.addSerializer(Double.TYPE, writer);
        doubles.addDeserializer(Double.TYPE, new NullAsNaN());
        doubles.addDeserializer(Double.class, new NullAsNaN());
        return JsonMapper.builder()
                .addModule(doubles)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /** Writes {@code NaN} and infinities as {@code null}, which JSON can hold. */
    private static final class NonFiniteAsNull extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeNull();
            }
        }
    }

    /** Reads {@code null} as {@code NaN}, the inverse of {@link NonFiniteAsNull}. */
    private static final class NullAsNaN extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDoubleValue();
            }
            return (Double) ctxt.handleUnexpectedToken(Double.class, p);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
