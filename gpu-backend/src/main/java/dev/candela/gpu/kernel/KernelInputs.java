package dev.candela.gpu.kernel;

import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The price fields of one batch chunk on the device, each a {@code rows x bars} matrix of one data type,
 * shared read-only by every kernel of the chunk.
 */
public final class KernelInputs {
    private final Map<PriceField, INDArray> fields;
    private final long rows;
    private final long bars;
    private final DataType dataType;

    private KernelInputs(Map<PriceField, INDArray> fields, long rows, long bars, DataType dataType) {
        this.fields = fields;
        this.rows = rows;
        this.bars = bars;
        this.dataType = dataType;
    }

    /**
     * @throws IllegalArgumentException when the matrices differ in shape or data type
     */
    public static KernelInputs of(Map<PriceField, INDArray> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("no input fields");
        }
        INDArray first = fields.values().iterator().next();
        for (Map.Entry<PriceField, INDArray> e : fields.entrySet()) {
            INDArray a = e.getValue();
            if (a.rank() != 2 || a.size(0) != first.size(0) || a.size(1) != first.size(1)
                    || a.dataType() != first.dataType()) {
                throw new IllegalArgumentException("field " + e.getKey() + " is " + a.shapeInfoToString()
                        + ", expected the shape and data type of " + first.shapeInfoToString());
            }
        }
        return new KernelInputs(new EnumMap<>(fields), first.size(0), first.size(1), first.dataType());
    }

    /**
     * The matrix of {@code field}; kernels must not write to it.
     *
     * @throws IllegalArgumentException when the field was not uploaded
     */
    public INDArray field(PriceField field) {
        INDArray a = fields.get(Objects.requireNonNull(field, "field"));
        if (a == null) {
            throw new IllegalArgumentException("field " + field + " is not on the device; present: " + fields.keySet());
        }
        return a;
    }

    public long rows() {
        return rows;
    }

    public long bars() {
        return bars;
    }

    public DataType dataType() {
        return dataType;
    }
}
