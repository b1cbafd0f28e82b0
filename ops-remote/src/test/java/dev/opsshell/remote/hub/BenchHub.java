package dev.opsshell.remote.hub;

import java.nio.file.Path;

/**
 * A hub for {@code scripts/bench-agent}'s memory measurement: listens on loopback at the given
 * port with keys in the given directory, accepts every agent key, prints its public key, and runs
 * until killed.
 */
public final class BenchHub {
    public static void main(String[] args) throws InterruptedException {
        HubConfig config = HubConfig.defaults(Integer.parseInt(args[0])).withBindAddress("127.0.0.1")
                .withKeyDir(Path.of(args[1]));
        try (Hub hub = Hub.start(config)) {
            System.out.println(hub.publicKey());
            System.out.flush();
            while (true) {
                Thread.sleep(200);
                hub.keys().list().stream().filter(e -> e.state() == KeyStore.State.PENDING)
                        .forEach(e -> hub.keys().accept(e.name()));
            }
        }
    }
}
