package dev.opsshell.remote.everyday;

/** A small SysV init script for tests: start runs a sleep, stop kills it, status says. */
final class InitdService {
    private InitdService() {
    }

    /** {@code seconds} makes its process findable: {@code sleep <seconds>} is unique to the test. */
    static String script(String name, long seconds) {
        return """
                #!/bin/sh
                ### BEGIN INIT INFO
                # Provides:          NAME
                # Required-Start:
                # Required-Stop:
                # Default-Start:     2 3 4 5
                # Default-Stop:      0 1 6
                # Short-Description: an ops test service
                ### END INIT INFO
                PIDFILE=/run/NAME.pid
                running() { [ -f $PIDFILE ] && kill -0 "$(cat $PIDFILE)" 2>/dev/null; }
                case "$1" in
                  start) running && exit 0
                         nohup sleep SECONDS >/dev/null 2>&1 &
                         echo $! > $PIDFILE ;;
                  stop) running && kill "$(cat $PIDFILE)"; rm -f $PIDFILE ;;
                  restart) "$0" stop; "$0" start ;;
                  reload) running ;;
                  status) if running; then echo "NAME is running"; exit 0; else echo "NAME is not running"; exit 3; fi ;;
                  *) echo "usage: $0 start|stop|restart|reload|status" >&2; exit 2 ;;
                esac
                """.replace("NAME", name).replace("SECONDS", Long.toString(seconds));
    }
}
