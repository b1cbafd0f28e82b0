package dev.opsshell.remote.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which keys to offer, in the order OpenSSH offers them ({@code pubkey_prepare} in its
 * {@code sshconnect2.c}): first the agent's keys in the agent's order, where a key the agent holds
 * for one of the key files stands in for that file (the agent signs, the file is never unlocked);
 * then the remaining key files in their order. With {@code IdentitiesOnly} the agent's other keys
 * are left out.
 *
 * @param agentKeys the agent's keys to offer, in order
 * @param files     the key files the agent does not hold, in order
 */
record KeyPlan(List<AgentKey> agentKeys, List<Path> files) {

    KeyPlan {
        agentKeys = List.copyOf(agentKeys);
        files = List.copyOf(files);
    }

    static KeyPlan of(List<Path> files, List<AgentKey> held, boolean identitiesOnly,
                      Function<Path, Optional<byte[]>> publicBlob) {
        Map<Path, Optional<byte[]>> blobs = new LinkedHashMap<>();
        if (!held.isEmpty()) files.forEach(f -> blobs.computeIfAbsent(f, publicBlob)); // each file read once
        List<Path> remaining = new ArrayList<>(files);
        List<AgentKey> offered = new ArrayList<>();
        for (AgentKey key : held) {
            Optional<Path> file = remaining.stream()
                    .filter(f -> blobs.get(f).filter(key::sameKey).isPresent()).findFirst();
            file.ifPresent(remaining::remove);
            if (file.isPresent() || !identitiesOnly) offered.add(key);
        }
        return new KeyPlan(offered, remaining);
    }
}
