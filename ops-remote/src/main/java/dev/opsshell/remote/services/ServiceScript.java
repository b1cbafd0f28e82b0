package dev.opsshell.remote.services;

import dev.opsshell.remote.Quote;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one script a service verb runs on a host: systemctl where systemd is PID 1, else the SysV
 * way ({@code service}, or the /etc/init.d script itself; {@code update-rc.d}/{@code chkconfig} to
 * enable), else OpenRC ({@code rc-service}, {@code rc-update}). {@code status} prints
 * {@code via=…}, {@code running=yes|no} and {@code enabled=yes|no|unknown} whatever the init system.
 */
final class ServiceScript {
    /** Exit code when the host has no such service. */
    static final int NO_SUCH_SERVICE = 6;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._:-]*");

    enum Verb { START, STOP, RESTART, RELOAD, STATUS, ENABLE, DISABLE;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private ServiceScript() {
    }

    static String checkedName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a service name: letters, digits and @ . _ : - only");
        }
        return name;
    }

    /**
     * The whole script. {@code OPS_PROC} (default /proc) is where PID 1's name is read: tests point it
     * at a directory of their own to take the systemd branch on a machine without systemd.
     */
    static String build(Verb verb, String name) {
        String n = Quote.shell(checkedName(name));
        return "n=" + n + "\n"
                + "if [ \"$(cat \"${OPS_PROC:-/proc}/1/comm\" 2>/dev/null)\" = systemd ] && command -v systemctl >/dev/null 2>&1; then\n"
                + systemd(verb) + "\n"
                + "elif [ -f \"/etc/init.d/$n\" ]; then\n"
                + sysv(verb) + "\n"
                + "elif command -v rc-service >/dev/null 2>&1 && rc-service -e \"$n\"; then\n"
                + openrc(verb) + "\n"
                + "else echo \"ops: no service '$n' on $(uname -n): no systemd unit (systemd is not PID 1) and no /etc/init.d/$n\" >&2; exit "
                + NO_SUCH_SERVICE + "\nfi\n";
    }

    static String systemd(Verb verb) {
        return switch (verb) {
            case STATUS -> "echo via=systemd\n"
                    + "systemctl is-active --quiet \"$n\" && echo running=yes || echo running=no\n"
                    + "e=$(systemctl is-enabled \"$n\" 2>/dev/null); case \"$e\" in enabled|static|alias) echo enabled=yes;; '') echo enabled=unknown;; *) echo enabled=no;; esac";
            case ENABLE, DISABLE -> "systemctl " + verb.word() + " --quiet \"$n\"";
            default -> "systemctl " + verb.word() + " \"$n\"";
        };
    }

    static String sysv(Verb verb) {
        String run = "if command -v service >/dev/null 2>&1; then service \"$n\" %s; else \"/etc/init.d/$n\" %s; fi";
        return switch (verb) {
            case STATUS -> "echo via=sysv\n"
                    + String.format(run, "status", "status") + " >/dev/null 2>&1 && echo running=yes || echo running=no\n"
                    + "if ls /etc/rc[2345].d/S*\"$n\" >/dev/null 2>&1; then echo enabled=yes; "
                    + "elif ls /etc/rc[2345].d/K*\"$n\" >/dev/null 2>&1; then echo enabled=no; else echo enabled=no; fi";
            case ENABLE -> "if command -v update-rc.d >/dev/null 2>&1; then update-rc.d \"$n\" defaults >/dev/null && update-rc.d \"$n\" enable; "
                    + "else chkconfig \"$n\" on; fi";
            case DISABLE -> "if command -v update-rc.d >/dev/null 2>&1; then update-rc.d \"$n\" disable; else chkconfig \"$n\" off; fi";
            default -> String.format(run, verb.word(), verb.word());
        };
    }

    static String openrc(Verb verb) {
        return switch (verb) {
            case STATUS -> "echo via=openrc\n"
                    + "rc-service \"$n\" status >/dev/null 2>&1 && echo running=yes || echo running=no\n"
                    + "rc-update show 2>/dev/null | grep -q \"^ *$n \" && echo enabled=yes || echo enabled=no";
            case ENABLE -> "rc-update add \"$n\"";
            case DISABLE -> "rc-update del \"$n\"";
            default -> "rc-service \"$n\" " + verb.word();
        };
    }
}
