package dev.opsshell.core.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** How the report prints a value: bytes with binary prefixes (KiB, MiB, …), others with up to four significant digits. */
final class Values {
    private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi"};

    private Values() {
    }

    /** {@code v} with its unit's symbol: {@code 12.5 %}, {@code 1.5 MiB/s}, {@code 0.42}. */
    static String format(double v, FieldUnit unit) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (unit.isBytes()) {
            int i = 0;
            double x = v;
            while (Math.abs(x) >= 1024 && i < BINARY.length - 1) {
                x /= 1024;
                i++;
            }
            return plain(x) + " " + BINARY[i] + unit.symbol();
        }
        return unit.symbol().isEmpty() ? plain(v) : plain(v) + " " + unit.symbol();
    }

    /** Up to four significant digits, no exponent, no trailing zeros. */
    static String plain(double v) {
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
