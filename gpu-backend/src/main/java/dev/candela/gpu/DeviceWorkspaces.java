package dev.candela.gpu;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J workspaces a device thread computes in: one for the chunk's inputs, one for a kernel's
 * intermediates and outputs. Each is sized by the memory plan and reset when its scope closes, so every
 * intermediate of a call is released when the call ends and the next call reuses the same memory: repeated
 * calls allocate nothing new. A workspace is recreated only when a plan needs more than it holds, or four
 * times less (so an idle device thread never keeps much more than its last call needed); beyond its size a
 * workspace spills into ordinary allocations, released with the scope as well.
 */
final class DeviceWorkspaces {
    static final String INPUTS = "candela-gpu-inputs";
    static final String KERNEL = "candela-gpu-kernel";
    private static final long MIN_BYTES = 1L << 16;
    private static final int SHRINK_FACTOR = 4;

    private DeviceWorkspaces() {
    }

    /** Opens workspace {@code id} of the calling thread with room for {@code bytes}; close it to reset. */
    static MemoryWorkspace open(String id, long bytes) {
        long wanted = Math.max(MIN_BYTES, bytes);
        MemoryWorkspaceManager manager = Nd4j.getWorkspaceManager();
        if (manager.checkIfWorkspaceExists(id)) {
            MemoryWorkspace existing = manager.getWorkspaceForCurrentThread(id);
            long size = existing.getCurrentSize();
            if (size < wanted || size / SHRINK_FACTOR > wanted) {
                manager.destroyWorkspace(existing);
            }
        }
        return manager.getAndActivateWorkspace(configuration(wanted), id);
    }

    /** Runs {@code body} with workspace {@code id} of the calling thread open for {@code bytes}, then resets it. */
    static void within(String id, long bytes, Runnable body) {
        MemoryWorkspace workspace = open(id, bytes);
        try {
            body.run();
        } finally {
            workspace.close();
        }
    }

    /** Frees both workspaces of the calling thread (after an allocation failure, before a retry). */
    static void release() {
        MemoryWorkspaceManager manager = Nd4j.getWorkspaceManager();
        for (String id : new String[] {KERNEL, INPUTS}) {
            if (manager.checkIfWorkspaceExists(id)) {
                manager.destroyWorkspace(manager.getWorkspaceForCurrentThread(id));
            }
        }
    }

    /** The current size of workspace {@code id} of the calling thread, 0 when it does not exist. */
    static long size(String id) {
        MemoryWorkspaceManager manager = Nd4j.getWorkspaceManager();
        return manager.checkIfWorkspaceExists(id) ? manager.getWorkspaceForCurrentThread(id).getCurrentSize() : 0;
    }

    private static WorkspaceConfiguration configuration(long bytes) {
        return WorkspaceConfiguration.builder()
                .initialSize(bytes)
                .policyAllocation(AllocationPolicy.STRICT)
                .policyLearning(LearningPolicy.NONE)
                .policySpill(SpillPolicy.EXTERNAL)
                .policyReset(ResetPolicy.BLOCK_LEFT)
                .build();
    }
}
