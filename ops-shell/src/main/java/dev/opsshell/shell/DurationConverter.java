package dev.opsshell.shell;

import dev.opsshell.core.text.Durations;
import picocli.CommandLine;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Reads durations on the command line ({@code --timeout}, {@code --last}, {@code --every}) as
 * {@link Durations} does ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 2d}), and a
 * bare number as seconds ({@code --timeout 45}, {@code --timeout 0}).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        try {
            return Durations.parse(value, ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
