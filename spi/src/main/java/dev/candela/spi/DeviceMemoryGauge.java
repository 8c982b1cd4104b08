package dev.candela.spi;

import java.util.List;

/** Reports the memory of accelerator devices. */
public interface DeviceMemoryGauge {

    List<DeviceMemory> devices();

    /** One device's memory reading. */
    record DeviceMemory(int index, String name, long totalBytes, long freeBytes) {
    }
}
