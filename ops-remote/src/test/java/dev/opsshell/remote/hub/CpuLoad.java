package dev.opsshell.remote.hub;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Busy-looping child processes that keep every core of this machine saturated while a test or a
 * benchmark runs, as a loaded build server would. {@link #close()} kills exactly the processes it
 * started.
 */
final class CpuLoad implements AutoCloseable {
    private final List<Process> burners = new ArrayList<>();

    private CpuLoad() {
    }

    /** {@code perCore} busy processes for each core the JVM sees. */
    static CpuLoad start(int perCore) throws IOException {
        CpuLoad load = new CpuLoad();
        int n = perCore * Runtime.getRuntime().availableProcessors();
        try {
            for (int i = 0; i < n; i++) {
                load.burners.add(new ProcessBuilder("sh", "-c", "while :; do :; done")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
        } catch (IOException e) {
            load.close();
            throw e;
        }
        return load;
    }

    int processes() {
        return burners.size();
    }

    @Override
    public void close() {
        burners.forEach(Process::destroyForcibly);
        for (Process p : burners) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
