package dev.opsshell.remote.packages;

import dev.opsshell.core.host.Host;
import dev.opsshell.remote.Quote;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Builds the one script a package verb runs on a host: find the host's manager (or take the one its
 * {@code ops_package_manager} variable names), then run that manager's command, waiting at most
 * {@code lockWait} for its lock. A lock still held after that is exit {@value #LOCK_HELD} with a line
 * saying so; no manager found is exit {@value #NO_MANAGER}.
 */
final class PackageScript {
    static final int LOCK_HELD = 75;
    static final int NO_MANAGER = 127;
    /** Package words as managers take them: name, name=version, name/release, name:arch. */
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._:@=~/-]*");

    private PackageScript() {
    }

    /** The package words checked and quoted for a command line. */
    static String words(List<String> packages) {
        if (packages.isEmpty()) throw new IllegalArgumentException("name at least one package");
        StringBuilder s = new StringBuilder();
        for (String p : packages) {
            if (!PACKAGE.matcher(p).matches()) {
                throw new IllegalArgumentException("'" + p + "' is not a package name: letters, digits and + . _ : @ = ~ / - only");
            }
            s.append(s.isEmpty() ? "" : " ").append(Quote.shell(p));
        }
        return s.toString();
    }

    /** The script for {@code host}: dispatch on the manager, then the command {@code verb} gives for it, waiting for the lock. */
    static String build(Host host, Duration lockWait, Function<PackageManager, String> verb) {
        return build(host, lockWait, verb, true);
    }

    /** The same for a query, which reads without taking the lock. */
    static String query(Host host, Function<PackageManager, String> verb) {
        return build(host, Duration.ZERO, verb, false);
    }

    private static String build(Host host, Duration lockWait, Function<PackageManager, String> verb, boolean locking) {
        StringBuilder s = new StringBuilder();
        if (locking) {
            s.append("export DEBIAN_FRONTEND=noninteractive\n");
            s.append("ops_wait=").append(Math.max(1, lockWait.toSeconds())).append('\n');
            s.append(LOCK_FUNCTIONS);
        }
        String forced = host.var("ops_package_manager").orElse("");
        if (!forced.isBlank()) {
            PackageManager m = PackageManager.named(forced, " (ops_package_manager of " + host.name() + ")");
            s.append("m=").append(m.word()).append('\n');
        } else {
            s.append("m=\nfor c in");
            for (PackageManager m : PackageManager.inDetectionOrder()) s.append(' ').append(m.program).append(':').append(m.word());
            s.append("; do command -v ${c%%:*} >/dev/null 2>&1 && { m=${c#*:}; break; }; done\n");
        }
        s.append("case \"$m\" in\n");
        for (PackageManager m : PackageManager.values()) {
            String command = verb.apply(m);
            s.append(m.word()).append(")\n").append(locking ? locked(m, command) : command).append("\n;;\n");
        }
        s.append("*) echo \"ops: no package manager found on $(uname -n): looked for ")
                .append(String.join(", ", PackageManager.inDetectionOrder().stream().map(m -> m.program).toList()))
                .append("; name one with the host variable ops_package_manager\" >&2; exit ").append(NO_MANAGER).append(";;\nesac\n");
        return s.toString();
    }

    /** The command wrapped in the manager's way of waiting for its lock. */
    static String locked(PackageManager m, String command) {
        if (m.waitsByPidFile()) {
            return "ops_pidwait " + Quote.shell(m.lock) + " " + m.word() + " && { " + command + "; }";
        }
        if (m.waitsByRetry()) {
            return "ops_retry " + Quote.shell(m.lock) + " " + m.word() + " " + command;
        }
        return command;
    }

    /**
     * ops_retry PATTERN NAME CMD…: runs CMD again while it fails with PATTERN in its output, until
     * ops_wait seconds have passed. ops_pidwait FILE NAME: waits while FILE names a live process.
     */
    private static final String LOCK_FUNCTIONS = """
            ops_end=$(( $(date +%s) + ops_wait ))
            ops_held() { echo "ops: $1's lock is still held after ${ops_wait}s${2:+ ($2)}: let the other run finish (or stop it), then run this again" >&2; return 75; }
            ops_retry() {
              pat=$1; name=$2; shift 2
              while :; do
                out=$("$@" 2>&1); rc=$?
                if [ $rc -ne 0 ] && printf '%s' "$out" | grep -Eq "$pat"; then
                  if [ "$(date +%s)" -ge "$ops_end" ]; then
                    printf '%s\\n' "$out" >&2; ops_held "$name" "$(printf '%s' "$out" | grep -Eo 'held by process [0-9]+[^.]*' | head -1)"; return 75
                  fi
                  sleep 1; continue
                fi
                printf '%s\\n' "$out"; return $rc
              done
            }
            ops_pidwait() {
              while [ -f "$1" ] && { [ ! -s "$1" ] || kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }; do
                if [ "$(date +%s)" -ge "$ops_end" ]; then ops_held "$2" "$1"; return 75; fi
                sleep 1
              done
            }
            """;
}
