package dev.opsshell.agent.protocol;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate JVM that creates keypairs in many directories at once with others: it prints
 * {@code ready}, waits until the file {@code GO} exists, then loads or creates {@code NAME} in each
 * directory and prints {@code DIR PUBLIC-KEY} (or {@code DIR error MESSAGE}).
 * Arguments: the go file, the name, then the directories.
 */
public final class KeyCreator {
    public static void main(String[] args) throws InterruptedException {
        Path go = Path.of(args[0]);
        System.out.println("ready");
        System.out.flush();
        long end = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go) && System.nanoTime() < end) Thread.onSpinWait();
        for (int i = 2; i < args.length; i++) {
            try {
                System.out.println(args[i] + " " + CurveKeys.loadOrCreate(Path.of(args[i]), args[1]).publicKey());
            } catch (RuntimeException e) {
                System.out.println(args[i] + " error " + e.getMessage());
            }
        }
    }
}
