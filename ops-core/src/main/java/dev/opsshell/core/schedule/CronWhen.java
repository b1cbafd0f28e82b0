package dev.opsshell.core.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A cron expression in Unix cron's five fields (minute hour day-of-month month day-of-week, as in
 * crontab(5): {@code *}{@code /5 * * * *}, {@code 0 3 * * 1-5}, {@code @daily}), parsed by cron-utils,
 * evaluated in this machine's time zone (the hub's for stored schedules).
 */
public record CronWhen(String expression, ExecutionTime times, ZoneId zone) implements When {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** Parses and checks {@code expression}; a bad one is an error saying what a good one looks like. */
    public static CronWhen parse(String expression) {
        String e = expression == null ? "" : expression.strip();
        try {
            return new CronWhen(e, ExecutionTime.forCron(UNIX.parse(e).validate()), ZoneId.systemDefault());
        } catch (IllegalArgumentException | NullPointerException bad) {
            throw new IllegalArgumentException("'" + e + "' is not a cron expression ops understands: "
                    + (bad.getMessage() == null ? bad.getClass().getSimpleName() : bad.getMessage())
                    + ". Give Unix cron's five fields, minute hour day-of-month month day-of-week,"
                    + " as in crontab: \"*/5 * * * *\" (every 5 minutes), \"0 3 * * 1-5\" (03:00 on weekdays);"
                    + " for seconds use every(Duration.ofSeconds(n), …)", bad);
        }
    }

    @Override
    public Instant next(Instant after) {
        return times.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant)
                .orElseThrow(() -> new IllegalStateException("cron '" + expression + "' never fires after " + after));
    }

    @Override
    public String kind() {
        return "cron";
    }

    @Override
    public String text() {
        return expression;
    }

    @Override
    public String describe() {
        return "cron " + expression;
    }
}
